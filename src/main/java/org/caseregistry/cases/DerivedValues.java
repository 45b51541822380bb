package org.caseregistry.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.caseregistry.cases.rules.CaseDerivation;
import org.caseregistry.catalog.Section;
import org.caseregistry.followup.FollowUpSummary;
import org.caseregistry.staging.StagingResult;

/**
 * What the registry computes from a case; stored with it so that lists, reports and the dashboard
 * read it. Always made by {@link #derivedFrom} from the whole case, whichever path changed it (as
 * dddsample's {@code Delivery.derivedFrom} for a cargo): no caller computes a derived value itself.
 *
 * <p>{@code complicationTally} counts the case's complications per stored key of the complication
 * module's {@code TallyKind} ({@code GRADE:IIIA}, {@code LEAK:TYPE_II}, ...).
 */
public record DerivedValues(
    BigDecimal bmi,
    Integer ageAtSurgery,
    StagingResult clinicalStage,
    StagingResult pathologicalStage,
    String pathologicalPrefix,
    String pnFromCount,
    Integer nodesPositiveTotal,
    Integer nodesExaminedTotal,
    Integer lengthOfStayDays,
    BigDecimal cci,
    String worstClavienDindo,
    int complicationCount,
    SortedMap<String, Integer> complicationTally,
    Set<Section> sectionsFilled,
    FollowUpSummary followUp,
    List<CaseWarning> warnings) {

  /** Every derived value of the case, from its data as it now stands. */
  public static DerivedValues derivedFrom(CaseData data) {
    return CaseDerivation.derive(data);
  }
}
