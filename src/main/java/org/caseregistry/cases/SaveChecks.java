package org.caseregistry.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.catalog.Section;

/** The checks that refuse a save: values impossible together with the rest of the case. */
final class SaveChecks {

  private SaveChecks() {}

  /**
   * Impossible values in a section about to be saved, judged with the rest of the case: these
   * refuse the save. (Types and hard ranges are checked by {@link ValueParser}.)
   */
  static List<FieldProblem> errors(Section section, SectionValues candidate, CaseData rest) {
    CaseData data = section.isList() ? rest : rest.with(section, candidate);
    List<FieldProblem> problems = new ArrayList<>();
    switch (section) {
      case NODES -> {
        Integer positive = (Integer) candidate.get("nodes_positive");
        Integer examined = (Integer) candidate.get("nodes_examined");
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem("nodes_positive", "error.positive-exceeds-examined", examined));
        }
      }
      case PATIENT -> {
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = CaseDerivation.operationDate(data);
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("birth_year", "error.born-after-operation"));
        }
      }
      case NEOADJUVANT -> {
        notBefore(data, "neoadjuvant_end_date", "neoadjuvant_start_date", problems);
        notAfter(data, "neoadjuvant_start_date", "operation_date", problems);
        notAfter(data, "neoadjuvant_end_date", "operation_date", problems);
      }
      case OPERATION -> {
        notAfter(data, "operation_date", "discharge_date", problems);
        notBefore(data, "operation_date", "neoadjuvant_end_date", problems);
        notAfter(data, "operation_date", "adjuvant_start_date", problems);
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = data.date("operation_date");
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("operation_date", "error.born-after-operation"));
        }
      }
      case POSTOP -> notBefore(data, "discharge_date", "operation_date", problems);
      case GASTRIC_NODES -> {
        Integer positive = (Integer) candidate.get("station_nodes_positive");
        Integer examined = (Integer) candidate.get("station_nodes_examined");
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem(
                  "station_nodes_positive", "error.positive-exceeds-examined", examined));
        }
      }
      case GASTRIC_OPERATION -> {
        notAfter(data, "gastric_operation_date", "gastric_discharge_date", problems);
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = data.date("gastric_operation_date");
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("gastric_operation_date", "error.born-after-operation"));
        }
      }
      case GASTRIC_POSTOP ->
          notBefore(data, "gastric_discharge_date", "gastric_operation_date", problems);
      case GASTRIC_COMPLICATIONS -> GastricRules.complicationErrors(candidate, problems);
      case ADJUVANT -> notBefore(data, "adjuvant_start_date", "operation_date", problems);
      case FOLLOWUP -> {
        LocalDate visit = (LocalDate) candidate.get("visit_date");
        LocalDate operation = rest.date("operation_date");
        if (visit != null && operation != null && visit.isBefore(operation)) {
          problems.add(new FieldProblem("visit_date", "error.date-before", "operation_date"));
        }
      }
      default -> {}
    }
    return problems;
  }

  /** The field {@code variable} must not lie before {@code other}; reported on the first. */
  private static void notBefore(
      CaseData data, String variable, String other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isBefore(limit)) {
      problems.add(new FieldProblem(variable, "error.date-before", other));
    }
  }

  private static void notAfter(
      CaseData data, String variable, String other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isAfter(limit)) {
      problems.add(new FieldProblem(variable, "error.date-after", other));
    }
  }
}
