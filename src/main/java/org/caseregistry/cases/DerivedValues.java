package org.caseregistry.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.caseregistry.catalog.Section;
import org.caseregistry.followup.FollowUpSummary;
import org.caseregistry.staging.StagingResult;

/**
 * What the registry computes from a case; stored with it so that lists, reports and the dashboard
 * read it.
 *
 * <p>{@code complicationTally} counts the case's complications per key: {@code GRADE:<Clavien-Dindo
 * grade>}, {@code CATEGORY:<ECCG category>}, {@code ITEM:<ECCG item>} and, for anastomotic leaks,
 * {@code LEAK:<ECCG severity type>}; the part after the colon is empty when not given.
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
    List<CaseWarning> warnings) {}
