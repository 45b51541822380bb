package org.caseregistry.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseService.CaseView;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.staging.StageGroup;
import org.caseregistry.staging.StagingResult;
import org.springframework.stereotype.Component;

/** Turns a case as the case service gives it into its JSON form, and tags each state of it. */
@Component
class CaseRepresentation {

  private final CaseDisplay display;

  CaseRepresentation(CaseDisplay display) {
    this.display = display;
  }

  CaseJson of(CaseView view) {
    CaseHeader header = view.header();
    Map<String, CaseJson.SectionJson> sections = new LinkedHashMap<>();
    // The sections of the series' form: a gastric case has no esophagus tumour, and vice versa.
    for (Section section : view.modules()) {
      sections.put(section.slug(), section(view, section));
    }
    for (SectionDefinition custom : view.form().sections()) {
      sections.put(custom.key(), custom(view, custom));
    }
    return new CaseJson(
        header.id(),
        header.seriesId(),
        header.seriesTitle(),
        new CaseJson.SiteJson(header.siteId(), header.siteCode(), header.siteName()),
        header.studyCode(),
        header.status().name(),
        header.demo(),
        view.editable(),
        header.isWithdrawn()
            ? new CaseJson.Withdrawal(
                header.withdrawalReason(), header.withdrawnAt(), header.withdrawnBy())
            : null,
        header.createdAt(),
        header.createdBy(),
        header.updatedAt(),
        header.updatedBy(),
        sections,
        derived(view.derived()),
        view.derived().warnings().stream()
            .map(
                warning ->
                    new CaseJson.Warning(
                        warning.code(),
                        warning.variable(),
                        display.warning(warning, ApiMessages.LANGUAGE)))
            .toList());
  }

  /**
   * A weak entity tag of the case: it changes whenever the case, any section or any item is saved
   * (each has a version; saving also moves the case's last change).
   */
  static String etag(CaseView view) {
    StringBuilder state = new StringBuilder();
    state.append(view.header().id()).append(':').append(view.header().version()).append(':');
    state.append(view.header().updatedAt());
    for (Section section : Section.values()) {
      state.append('|').append(section.slug());
      if (section.isList()) {
        view.data()
            .items(section)
            .forEach(
                item -> state.append(',').append(item.itemId()).append('.').append(item.version()));
      } else {
        state.append('.').append(view.data().single(section).version());
      }
    }
    for (SectionDefinition custom : view.form().sections()) {
      state.append('|').append(custom.key());
      if (custom.repeating()) {
        view.data()
            .custom()
            .items(custom.key())
            .forEach(
                item -> state.append(',').append(item.itemId()).append('.').append(item.version()));
      } else {
        state.append('.').append(view.data().custom().single(custom.key()).version());
      }
    }
    return "W/\"" + sha256(state.toString()).substring(0, 32) + "\"";
  }

  private static CaseJson.SectionJson section(CaseView view, Section section) {
    if (section.isList()) {
      return new CaseJson.SectionJson(
          true,
          null,
          null,
          null,
          view.data().items(section).stream().map(item -> item(section, item)).toList());
    }
    SectionValues values = view.data().single(section);
    return new CaseJson.SectionJson(
        false, values.version(), values(section, values), missing(values), null);
  }

  /** A custom section of the series' form, in the same shape as a built-in one. */
  static CaseJson.SectionJson custom(CaseView view, SectionDefinition section) {
    if (section.repeating()) {
      return new CaseJson.SectionJson(
          true,
          null,
          null,
          null,
          view.data().custom().items(section.key()).stream()
              .map(item -> customItem(section, item))
              .toList());
    }
    SectionValues values = view.data().custom().single(section.key());
    return new CaseJson.SectionJson(
        false, values.version(), customValues(section, values), missing(values), null);
  }

  static CaseJson.ItemJson customItem(SectionDefinition section, SectionValues item) {
    return new CaseJson.ItemJson(
        item.itemId(), item.version(), customValues(section, item), missing(item));
  }

  /**
   * Every field that holds a value, in form order: numbers as JSON numbers, dates and times as ISO
   * text, check boxes as arrays of codes.
   */
  static Map<String, Object> customValues(SectionDefinition section, SectionValues stored) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldDefinition field : section.valueFields()) {
      Object value = stored.get(field.name());
      if (value instanceof BigDecimal decimal) {
        value = plain(decimal);
      } else if (value instanceof LocalDate || value instanceof LocalTime) {
        value = value.toString();
      }
      values.put(field.name(), value);
    }
    return values;
  }

  static CaseJson.ItemJson item(Section section, SectionValues item) {
    return new CaseJson.ItemJson(
        item.itemId(), item.version(), values(section, item), missing(item));
  }

  /** Every variable of the section, in catalog order; numbers as plain JSON numbers. */
  static Map<String, Object> values(Section section, SectionValues stored) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      Object value = stored.get(variable.name());
      values.put(variable.name(), value instanceof BigDecimal decimal ? plain(decimal) : value);
    }
    return values;
  }

  static Map<String, String> missing(SectionValues stored) {
    Map<String, String> missing = new LinkedHashMap<>();
    stored.missing().forEach((name, reason) -> missing.put(name, reason.name()));
    return missing;
  }

  private static CaseJson.Derived derived(DerivedValues derived) {
    String prefix = derived.pathologicalPrefix();
    EnumSet<Section> filled = EnumSet.noneOf(Section.class);
    filled.addAll(derived.sectionsFilled());
    return new CaseJson.Derived(
        plain(derived.bmi()),
        derived.ageAtSurgery(),
        stage("cTNM", derived.clinicalStage()),
        derived.pathologicalStage() == null
            ? null
            : stage("YP".equals(prefix) ? "ypTNM" : "pTNM", derived.pathologicalStage()),
        derived.pnFromCount(),
        derived.nodesPositiveTotal(),
        derived.nodesExaminedTotal(),
        derived.lengthOfStayDays(),
        plain(derived.cci()),
        derived.worstClavienDindo(),
        derived.complicationCount(),
        filled.stream().map(Section::slug).toList());
  }

  private static CaseJson.Stage stage(String classification, StagingResult result) {
    return new CaseJson.Stage(
        classification,
        result.stage().map(StageGroup::code).orElse(null),
        result.whyNotDerivable().map(reason -> reason.code()).orElse(null),
        result.describe());
  }

  /** 160 rather than 1.6E+2. */
  private static BigDecimal plain(BigDecimal value) {
    return value == null ? null : new BigDecimal(value.toPlainString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
