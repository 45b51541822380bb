package org.caseregistry.dashboard;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.DashboardData.Part;

/**
 * Which parts of the dashboard a series' form records, from its built-in modules: a series without
 * complications has no complication panels, one without follow-up no follow-up or survival, so that
 * a series from the ICU or the blank template shows no empty panels. Enrolment and completeness are
 * counted for every series.
 */
final class FormParts {

  private FormParts() {}

  static Set<Part> of(List<Section> modules) {
    Set<Part> parts = EnumSet.of(Part.COMPLETENESS, Part.ENROLMENT);
    if (any(modules, Section.COMPLICATIONS, Section.GASTRIC_COMPLICATIONS)) {
      parts.add(Part.COMPLICATIONS);
    }
    if (countsCci(modules) || countsLengthOfStay(modules)) {
      parts.add(Part.DISTRIBUTIONS);
    }
    if (modules.contains(Section.FOLLOWUP)) {
      parts.add(Part.FOLLOW_UP);
      parts.add(Part.SURVIVAL);
    }
    return parts;
  }

  /** The CCI comes from the complications (zero when the postoperative course says none). */
  static boolean countsCci(List<Section> modules) {
    return any(modules, Section.COMPLICATIONS, Section.GASTRIC_COMPLICATIONS);
  }

  /** The length of stay runs from the operation date to the discharge date. */
  static boolean countsLengthOfStay(List<Section> modules) {
    return datesByOperation(modules) && any(modules, Section.POSTOP, Section.GASTRIC_POSTOP);
  }

  /** Enrolment is dated by the operation date where the form records one. */
  static boolean datesByOperation(List<Section> modules) {
    return any(modules, Section.OPERATION, Section.GASTRIC_OPERATION);
  }

  private static boolean any(List<Section> modules, Section... sections) {
    for (Section section : sections) {
      if (modules.contains(section)) {
        return true;
      }
    }
    return false;
  }
}
