package org.caseregistry.cases.storage;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.followup.VisitWindow;
import org.caseregistry.staging.StagingResult;

/**
 * The columns of surgical_case that hold what the registry derives from a case, in one order, with
 * their types and how each is read from {@link DerivedValues}: the single list that a save ({@link
 * CaseDerivedValues}) and an import ({@link CaseBulkWriter}) both write.
 */
final class DerivedColumns {

  /** A derived column: its name, SQL type, JDBC type, and its value (arrays as Java arrays). */
  record Column(String name, String sqlType, int jdbcType, Function<DerivedValues, Object> value) {}

  static final List<Column> ALL = columns();

  private DerivedColumns() {}

  private static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("bmi", "numeric", Types.NUMERIC, DerivedValues::bmi));
    columns.add(
        new Column("age_at_surgery", "integer", Types.INTEGER, DerivedValues::ageAtSurgery));
    columns.add(new Column("clinical_stage", "text", Types.VARCHAR, d -> stage(d.clinicalStage())));
    columns.add(
        new Column("clinical_stage_reason", "text", Types.VARCHAR, d -> reason(d.clinicalStage())));
    columns.add(
        new Column("pathological_stage", "text", Types.VARCHAR, d -> stage(d.pathologicalStage())));
    columns.add(
        new Column(
            "pathological_stage_reason",
            "text",
            Types.VARCHAR,
            d -> reason(d.pathologicalStage())));
    columns.add(new Column("pn_from_count", "text", Types.VARCHAR, DerivedValues::pnFromCount));
    columns.add(
        new Column(
            "nodes_positive_total", "integer", Types.INTEGER, DerivedValues::nodesPositiveTotal));
    columns.add(
        new Column(
            "nodes_examined_total", "integer", Types.INTEGER, DerivedValues::nodesExaminedTotal));
    columns.add(
        new Column(
            "length_of_stay_days", "integer", Types.INTEGER, DerivedValues::lengthOfStayDays));
    columns.add(new Column("cci", "numeric", Types.NUMERIC, DerivedValues::cci));
    columns.add(
        new Column("worst_clavien_dindo", "text", Types.VARCHAR, DerivedValues::worstClavienDindo));
    columns.add(
        new Column(
            "complication_count", "integer", Types.INTEGER, DerivedValues::complicationCount));
    columns.add(
        new Column(
            "complication_keys",
            "text[]",
            Types.ARRAY,
            d -> d.complicationTally().keySet().toArray(String[]::new)));
    columns.add(
        new Column(
            "complication_key_counts",
            "integer[]",
            Types.ARRAY,
            d -> d.complicationTally().values().toArray(Integer[]::new)));
    columns.add(
        new Column(
            "sections_filled",
            "text[]",
            Types.ARRAY,
            d -> d.sectionsFilled().stream().map(Enum::name).toArray(String[]::new)));
    columns.add(
        new Column(
            "warning_codes",
            "text[]",
            Types.ARRAY,
            d -> d.warnings().stream().map(CaseWarning::storedCode).toArray(String[]::new)));
    columns.add(new Column("warning_count", "integer", Types.INTEGER, d -> d.warnings().size()));
    columns.add(new Column("followup_start_date", "date", Types.DATE, d -> d.followUp().start()));
    columns.add(
        new Column(
            "followup_death_days",
            "double precision",
            Types.DOUBLE,
            d -> d.followUp().deathDays()));
    columns.add(
        new Column(
            "followup_relapse_days",
            "double precision",
            Types.DOUBLE,
            d -> d.followUp().relapseDays()));
    columns.add(
        new Column(
            "followup_last_days",
            "double precision",
            Types.DOUBLE,
            d -> d.followUp().lastSeenDays()));
    for (VisitWindow window : VisitWindow.values()) {
      columns.add(
          new Column(
              window.statusColumn(), "text", Types.VARCHAR, d -> d.followUp().status(window)));
    }
    return List.copyOf(columns);
  }

  private static String stage(StagingResult result) {
    return result == null ? null : result.stage().map(Enum::name).orElse(null);
  }

  private static String reason(StagingResult result) {
    return result == null ? null : result.whyNotDerivable().map(Enum::name).orElse(null);
  }
}
