package org.caseregistry.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.staging.StagingResult;

/** What the registry computes from a case; stored with it so that lists and reports read it. */
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
    Set<Section> sectionsFilled,
    List<CaseWarning> warnings) {}
