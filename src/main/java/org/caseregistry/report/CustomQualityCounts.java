package org.caseregistry.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * The data-quality counts of a series' custom fields, as columns of the page's one aggregate
 * statement: per field, the cases with it not entered, unknown or not applicable, and the two
 * warnings of the case checks on custom fields (required and left empty in a section that was
 * saved; outside the usual range). The fields of the single active sections are counted, retired
 * ones not (their values are kept, but nobody is asked for them any more); a field hidden by its
 * condition is stored as not applicable and so never counts as not entered or required.
 */
final class CustomQualityCounts {

  /** The columns read per field, in the order of {@link DataQuality.CustomFieldRow#counts()}. */
  private static final String[] KINDS = {"cne", "cun", "cna", "creq", "cout"};

  static final int COUNTS = KINDS.length;

  /** One counted field and the alias of its section's join. */
  record Counted(SectionDefinition section, FieldDefinition field, String alias) {}

  private final FormDefinition form;
  private final List<Counted> counted = new ArrayList<>();

  CustomQualityCounts(FormDefinition form) {
    this.form = form;
    List<SectionDefinition> sections = form.sections();
    for (int s = 0; s < sections.size(); s++) {
      SectionDefinition section = sections.get(s);
      if (section.repeating() || section.retired()) {
        continue;
      }
      for (FieldDefinition field : section.valueFields()) {
        if (!field.retired()) {
          counted.add(new Counted(section, field, "cf" + s));
        }
      }
    }
  }

  List<Counted> counted() {
    return counted;
  }

  String joins() {
    return counted.isEmpty() ? "" : CustomDatasetColumns.joins(form);
  }

  /** The aggregate columns, each starting with a comma. */
  String select() {
    StringBuilder select = new StringBuilder();
    for (int k = 0; k < counted.size(); k++) {
      Counted c = counted.get(k);
      String value = CustomFieldSql.value(c.alias(), c.field());
      String reason = CustomFieldSql.reason(c.alias(), c.field());
      String notEntered = value + " is null and " + reason + " is null";
      String[] conditions = {
        notEntered,
        reason + " = 'UNKNOWN'",
        reason + " = 'NOT_APPLICABLE'",
        c.field().required() ? c.alias() + ".case_id is not null and " + notEntered : "false",
        outsideUsualRange(value, c.field())
      };
      for (int i = 0; i < KINDS.length; i++) {
        select
            .append(", count(*) filter (where ")
            .append(conditions[i])
            .append(") as ")
            .append(KINDS[i])
            .append(k);
      }
    }
    return select.toString();
  }

  /** One site's counts: [field][not entered, unknown, not applicable, required, unusual]. */
  long[][] read(ResultSet rs) throws SQLException {
    long[][] counts = new long[counted.size()][KINDS.length];
    for (int k = 0; k < counted.size(); k++) {
      for (int i = 0; i < KINDS.length; i++) {
        counts[k][i] = rs.getLong(KINDS[i] + k);
      }
    }
    return counts;
  }

  /** The SQL of FieldValues.outsideUsualRange: numbers and dates against the usual range. */
  private static String outsideUsualRange(String value, FieldDefinition field) {
    String cast;
    String min;
    String max;
    if (field.type().isNumeric()) {
      cast = "cast(" + value + " as numeric)";
      min = number(field.usualMin());
      max = number(field.usualMax());
    } else if (field.type() == FieldType.DATE) {
      cast = "cast(" + value + " as date)";
      min = date(field.usualMin());
      max = date(field.usualMax());
    } else {
      return "false";
    }
    List<String> outside = new ArrayList<>();
    if (min != null) {
      outside.add(cast + " < " + min);
    }
    if (max != null) {
      outside.add(cast + " > " + max);
    }
    return outside.isEmpty() ? "false" : "(" + String.join(" or ", outside) + ")";
  }

  /** A limit as an SQL number literal (the form's rules checked it; anything else is no limit). */
  private static String number(String limit) {
    if (limit == null || limit.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(limit.strip()).toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String date(String limit) {
    if (limit == null || limit.isBlank()) {
      return null;
    }
    try {
      return "date '" + LocalDate.parse(limit.strip()) + "'";
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
