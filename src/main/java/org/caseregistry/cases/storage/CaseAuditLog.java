package org.caseregistry.cases.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.SectionDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Who changed which field of a case from what to what, and when; one change set per save. */
@Repository
public class CaseAuditLog {

  /** The value recorded for a missing value with a reason, e.g. "[UNKNOWN]". */
  public static String missingMarker(MissingReason reason) {
    return "[" + reason.name() + "]";
  }

  public record Entry(
      UUID changeSet,
      Section section,
      Long itemId,
      AuditAction action,
      String field,
      String oldValue,
      String newValue,
      String username,
      Instant changedAt,
      String customSection,
      Long queryId) {

    /** An event of the case itself (no section), in a change set of its own. */
    public static Entry caseEvent(
        AuditAction action, String field, String oldValue, String newValue, String username) {
      return caseEvent(UUID.randomUUID(), action, field, oldValue, newValue, username);
    }

    /** An event of the case itself (no section), in the given change set. */
    public static Entry caseEvent(
        UUID changeSet,
        AuditAction action,
        String field,
        String oldValue,
        String newValue,
        String username) {
      return new Entry(
          changeSet, null, null, action, field, oldValue, newValue, username, null, null, null);
    }

    /**
     * The same entry with each value that was recorded shown as {@code marker} (a hidden
     * identifier), and not linked to a query, whose text may name it.
     */
    public Entry hidden(String marker) {
      return new Entry(
          changeSet,
          section,
          itemId,
          action,
          field,
          oldValue == null ? null : marker,
          newValue == null ? null : marker,
          username,
          changedAt,
          customSection,
          null);
    }

    /** What the audit's section column holds: the section's name, or "custom:" and its key. */
    String sectionColumn() {
      if (section != null) {
        return section.name();
      }
      return customSection == null ? null : CUSTOM_PREFIX + customSection;
    }
  }

  static final String CUSTOM_PREFIX = "custom:";

  private final NamedParameterJdbcTemplate jdbc;

  CaseAuditLog(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry per changed field between two versions of a section record or item. */
  public static List<Entry> diff(
      Section section,
      Long itemId,
      SectionValues before,
      SectionValues after,
      AuditAction action,
      String username) {
    List<String> fields = CaseVariables.of(section).stream().map(Variable::name).toList();
    return changes(
        fields, CaseAuditLog::display, section, null, itemId, before, after, action, username);
  }

  /** One entry per changed field of a custom section or item, retired fields included. */
  public static List<Entry> diff(
      SectionDefinition section,
      Long itemId,
      SectionValues before,
      SectionValues after,
      AuditAction action,
      String username) {
    List<String> fields = section.valueFields().stream().map(FieldDefinition::name).toList();
    return changes(
        fields,
        CaseAuditLog::customDisplay,
        null,
        section.key(),
        itemId,
        before,
        after,
        action,
        username);
  }

  /** The entries of one change set: each field whose value shown in the history differs. */
  private static List<Entry> changes(
      List<String> fields,
      BiFunction<SectionValues, String, String> display,
      Section section,
      String customSection,
      Long itemId,
      SectionValues before,
      SectionValues after,
      AuditAction action,
      String username) {
    UUID changeSet = UUID.randomUUID();
    List<Entry> entries = new ArrayList<>();
    for (String field : fields) {
      String old = display.apply(before, field);
      String now = display.apply(after, field);
      if (!Objects.equals(old, now)) {
        entries.add(
            new Entry(
                changeSet,
                section,
                itemId,
                action,
                field,
                old,
                now,
                username,
                null,
                customSection,
                null));
      }
    }
    return entries;
  }

  private static String customDisplay(SectionValues values, String name) {
    if (values == null) {
      return null;
    }
    Object value = values.get(name);
    if (value != null && !(value instanceof List<?> codes && codes.isEmpty())) {
      return FieldValues.format(value);
    }
    MissingReason reason = values.missing().get(name);
    return reason == null ? null : missingMarker(reason);
  }

  private static String display(SectionValues values, String name) {
    if (values == null) {
      return null;
    }
    Object value = values.get(name);
    if (value != null) {
      return ValueParser.format(value);
    }
    MissingReason reason = values.missing().get(name);
    return reason == null ? null : missingMarker(reason);
  }

  public void record(CaseHeader header, List<Entry> entries) {
    record(header, entries, null);
  }

  /** Records a change set; with a query id, the change was made from that field query. */
  public void record(CaseHeader header, List<Entry> entries, Long queryId) {
    recordEach(Collections.nCopies(entries.size(), header), entries, queryId);
  }

  /** Entries of several cases in one batch: the i-th entry belongs to the i-th header. */
  public void recordEach(List<CaseHeader> headers, List<Entry> entries, Long queryId) {
    if (entries.isEmpty()) {
      return;
    }
    SqlParameterSource[] batch = new SqlParameterSource[entries.size()];
    for (int i = 0; i < batch.length; i++) {
      Entry entry = entries.get(i);
      CaseHeader header = headers.get(i);
      batch[i] =
          new MapSqlParameterSource()
              .addValue("changeSet", entry.changeSet())
              .addValue("caseId", header.id())
              .addValue("seriesId", header.seriesId())
              .addValue("studyCode", header.studyCode())
              .addValue("section", entry.sectionColumn())
              .addValue("itemId", entry.itemId())
              .addValue("action", entry.action().name())
              .addValue("field", entry.field())
              .addValue("oldValue", entry.oldValue())
              .addValue("newValue", entry.newValue())
              .addValue("username", entry.username())
              .addValue("queryId", queryId != null ? queryId : entry.queryId());
    }
    jdbc.batchUpdate(
        "insert into case_audit (change_set, case_id, series_id, study_code, section, item_id,"
            + " action, field, old_value, new_value, username, query_id) values (:changeSet,"
            + " :caseId, :seriesId, :studyCode, :section, :itemId, :action, :field, :oldValue,"
            + " :newValue, :username, :queryId)",
        batch);
  }

  /** A single event without field values: creation, withdrawal, deletion. */
  public void event(
      CaseHeader header,
      AuditAction action,
      String field,
      String oldValue,
      String newValue,
      String username) {
    record(header, List.of(Entry.caseEvent(action, field, oldValue, newValue, username)));
  }

  /** The most recent entries of a case, newest first. */
  public List<Entry> history(long caseId, int limit) {
    return jdbc.query(
        "select change_set, section, item_id, action, field, old_value, new_value, username,"
            + " changed_at, query_id from case_audit where case_id = :case order by changed_at"
            + " desc, id desc limit :limit",
        Map.of("case", caseId, "limit", limit),
        (rs, row) -> {
          String section = rs.getString("section");
          boolean custom = section != null && section.startsWith(CUSTOM_PREFIX);
          return new Entry(
              rs.getObject("change_set", UUID.class),
              section == null || custom ? null : Section.valueOf(section),
              rs.getObject("item_id", Long.class),
              AuditAction.valueOf(rs.getString("action")),
              rs.getString("field"),
              rs.getString("old_value"),
              rs.getString("new_value"),
              rs.getString("username"),
              rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
              custom ? section.substring(CUSTOM_PREFIX.length()) : null,
              rs.getObject("query_id", Long.class));
        });
  }
}
