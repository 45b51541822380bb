package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;

/**
 * The one rule for the identifier variables of the catalog (patient name, hospital record number),
 * on every path: case page, section forms, history, REST API, exports and the export in import
 * format.
 *
 * <ul>
 *   <li>One case at a time (pages, history, API): admins, and surgeons of the case's site (they
 *       enter the patients they operate on). Coordinators never: they keep the study data clean
 *       across sites and work with de-identified data.
 *   <li>In bulk (the dataset and the export in import format): admins only, and only when asked;
 *       every such export is audited with "identifiers included".
 * </ul>
 *
 * Whoever may not see identifiers cannot write them either: their saves keep what is stored.
 */
public final class IdentifierPolicy {

  /** The identifier variables, by name. */
  public static final Set<String> VARIABLES =
      CaseVariables.all().stream()
          .filter(Variable::identifier)
          .map(Variable::name)
          .collect(Collectors.toUnmodifiableSet());

  /** What shows instead of an identifier that the reader may not see (history). */
  public static final String HIDDEN = "•••";

  private IdentifierPolicy() {}

  /** Whether the account may see (and change) the identifiers of a case at this site. */
  public static boolean maySee(CurrentAccount account, long siteId) {
    return account.is(Role.ADMIN) || (account.is(Role.SURGEON) && account.canSeeSite(siteId));
  }

  /** Whether the account may take identifiers out of the registry in bulk (exports). */
  public static boolean mayExport(CurrentAccount account) {
    return account.is(Role.ADMIN);
  }

  public static boolean isIdentifier(String variable) {
    return VARIABLES.contains(variable);
  }

  /** The values without identifiers (nor the reasons they are missing). */
  public static SectionValues masked(SectionValues values) {
    Map<String, Object> shown = new LinkedHashMap<>(values.values());
    Map<String, MissingReason> missing = new LinkedHashMap<>(values.missing());
    shown.keySet().removeAll(VARIABLES);
    missing.keySet().removeAll(VARIABLES);
    return new SectionValues(values.itemId(), values.version(), shown, missing);
  }

  /** Everything recorded, without identifiers. */
  static CaseData masked(CaseData data) {
    CaseData shown = data;
    for (Map.Entry<Section, SectionValues> single : data.singles().entrySet()) {
      shown = shown.with(single.getKey(), masked(single.getValue()));
    }
    for (Map.Entry<Section, List<SectionValues>> list : data.lists().entrySet()) {
      shown =
          shown.withItems(
              list.getKey(), list.getValue().stream().map(IdentifierPolicy::masked).toList());
    }
    return shown;
  }

  /** The names of the custom fields of a form flagged as identifiers. */
  public static Set<String> customIdentifiers(FormDefinition form) {
    return form.fields().stream()
        .filter(FieldDefinition::identifier)
        .map(FieldDefinition::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Custom values without the form's identifier fields. */
  static SectionValues masked(SectionValues values, Set<String> identifiers) {
    Map<String, Object> shown = new LinkedHashMap<>(values.values());
    Map<String, MissingReason> missing = new LinkedHashMap<>(values.missing());
    shown.keySet().removeAll(identifiers);
    missing.keySet().removeAll(identifiers);
    return new SectionValues(values.itemId(), values.version(), shown, missing);
  }

  /** Everything recorded, built-in and custom, without identifiers. */
  public static CaseData masked(CaseData data, FormDefinition form) {
    Set<String> identifiers = customIdentifiers(form);
    CaseData shown = masked(data);
    if (identifiers.isEmpty()) {
      return shown.withCustom(data.custom());
    }
    CustomData custom = data.custom();
    for (Map.Entry<String, SectionValues> single : data.custom().singles().entrySet()) {
      custom = custom.with(single.getKey(), masked(single.getValue(), identifiers));
    }
    for (Map.Entry<String, List<SectionValues>> list : data.custom().items().entrySet()) {
      custom =
          custom.withItems(
              list.getKey(),
              list.getValue().stream().map(item -> masked(item, identifiers)).toList());
    }
    return shown.withCustom(custom);
  }

  /** History entries with identifier values hidden, custom identifier fields included. */
  public static List<CaseAuditLog.Entry> masked(
      List<CaseAuditLog.Entry> entries, FormDefinition form) {
    Set<String> identifiers = customIdentifiers(form);
    return entries.stream()
        .map(
            entry ->
                entry.customSection() != null && identifiers.contains(entry.field())
                    ? entry.hidden(HIDDEN)
                    : entry)
        .map(entry -> entry.customSection() == null ? masked(List.of(entry)).get(0) : entry)
        .toList();
  }

  /** History entries with identifier values hidden. */
  static List<CaseAuditLog.Entry> masked(List<CaseAuditLog.Entry> entries) {
    return entries.stream()
        .map(
            entry ->
                entry.customSection() == null && isIdentifier(entry.field())
                    ? entry.hidden(HIDDEN)
                    : entry)
        .toList();
  }
}
