package org.caseregistry.cases.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.Keys;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/** The checks that refuse a save: values impossible together with the rest of the case. */
public final class SaveChecks {

  private SaveChecks() {}

  /**
   * Impossible values in a section about to be saved, judged with the rest of the case: these
   * refuse the save. (Types and hard ranges are checked by {@link ValueParser}.)
   */
  public static List<FieldProblem> errors(Section section, SectionValues candidate, CaseData rest) {
    CaseData data = section.isList() ? rest : rest.with(section, candidate);
    List<FieldProblem> problems = new ArrayList<>();
    switch (section) {
      case NODES -> {
        Integer positive = (Integer) candidate.get(Keys.NODES_POSITIVE);
        Integer examined = (Integer) candidate.get(Keys.NODES_EXAMINED);
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem(
                  Keys.NODES_POSITIVE.name(), "error.positive-exceeds-examined", examined));
        }
      }
      case PATIENT -> {
        Integer birthYear = data.integer(Keys.BIRTH_YEAR);
        LocalDate operation = CaseDerivation.operationDate(data);
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem(Keys.BIRTH_YEAR.name(), "error.born-after-operation"));
        }
      }
      case NEOADJUVANT -> {
        notBefore(data, Keys.NEOADJUVANT_END_DATE, Keys.NEOADJUVANT_START_DATE, problems);
        notAfter(data, Keys.NEOADJUVANT_START_DATE, Keys.OPERATION_DATE, problems);
        notAfter(data, Keys.NEOADJUVANT_END_DATE, Keys.OPERATION_DATE, problems);
      }
      case OPERATION -> {
        notAfter(data, Keys.OPERATION_DATE, Keys.DISCHARGE_DATE, problems);
        notBefore(data, Keys.OPERATION_DATE, Keys.NEOADJUVANT_END_DATE, problems);
        notAfter(data, Keys.OPERATION_DATE, Keys.ADJUVANT_START_DATE, problems);
        Integer birthYear = data.integer(Keys.BIRTH_YEAR);
        LocalDate operation = data.date(Keys.OPERATION_DATE);
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem(Keys.OPERATION_DATE.name(), "error.born-after-operation"));
        }
      }
      case POSTOP -> notBefore(data, Keys.DISCHARGE_DATE, Keys.OPERATION_DATE, problems);
      case GASTRIC_NODES -> {
        Integer positive = (Integer) candidate.get(Keys.STATION_NODES_POSITIVE);
        Integer examined = (Integer) candidate.get(Keys.STATION_NODES_EXAMINED);
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem(
                  Keys.STATION_NODES_POSITIVE.name(), "error.positive-exceeds-examined", examined));
        }
      }
      case GASTRIC_OPERATION -> {
        notAfter(data, Keys.GASTRIC_OPERATION_DATE, Keys.GASTRIC_DISCHARGE_DATE, problems);
        Integer birthYear = data.integer(Keys.BIRTH_YEAR);
        LocalDate operation = data.date(Keys.GASTRIC_OPERATION_DATE);
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(
              new FieldProblem(Keys.GASTRIC_OPERATION_DATE.name(), "error.born-after-operation"));
        }
      }
      case GASTRIC_POSTOP ->
          notBefore(data, Keys.GASTRIC_DISCHARGE_DATE, Keys.GASTRIC_OPERATION_DATE, problems);
      case GASTRIC_COMPLICATIONS -> GastricRules.complicationErrors(candidate, problems);
      case ADJUVANT -> notBefore(data, Keys.ADJUVANT_START_DATE, Keys.OPERATION_DATE, problems);
      case FOLLOWUP -> {
        LocalDate visit = (LocalDate) candidate.get(Keys.VISIT_DATE);
        LocalDate operation = rest.date(Keys.OPERATION_DATE);
        if (visit != null && operation != null && visit.isBefore(operation)) {
          problems.add(
              new FieldProblem(
                  Keys.VISIT_DATE.name(), "error.date-before", Keys.OPERATION_DATE.name()));
        }
      }
      default -> {}
    }
    return problems;
  }

  /** The field {@code variable} must not lie before {@code other}; reported on the first. */
  private static void notBefore(
      CaseData data, Variable variable, Variable other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isBefore(limit)) {
      problems.add(new FieldProblem(variable.name(), "error.date-before", other.name()));
    }
  }

  private static void notAfter(
      CaseData data, Variable variable, Variable other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isAfter(limit)) {
      problems.add(new FieldProblem(variable.name(), "error.date-after", other.name()));
    }
  }
}
