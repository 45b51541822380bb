package org.caseregistry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case with everything recorded and derived: its header, every section (values by variable name,
 * as codes, numbers, ISO dates or text; the reasons given for missing values; versions for
 * optimistic locking), the derived values and the warnings.
 */
public record CaseJson(
    long id,
    long seriesId,
    String seriesTitle,
    SiteJson site,
    String studyCode,
    @Schema(allowableValues = {"ACTIVE", "WITHDRAWN"}) String status,
    boolean demo,
    @Schema(description = "False while the case is withdrawn: it is then read-only")
        boolean editable,
    @Schema(description = "Present while the case is withdrawn") Withdrawal withdrawal,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Schema(description = "Every section by its name (patient, tumour, …, followup)")
        Map<String, SectionJson> sections,
    Derived derived,
    List<Warning> warnings) {

  public record SiteJson(long id, String code, String name) {}

  public record Withdrawal(String reason, Instant at, String by) {}

  /**
   * A section. A single section has a version (0 while nothing was ever saved), values and missing
   * reasons; a list section has items instead.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SectionJson(
      boolean list,
      @Schema(description = "Single sections: send it back to save (body or If-Match)")
          Integer version,
      @Schema(description = "Single sections: every variable, null when not entered")
          Map<String, Object> values,
      @Schema(description = "Single sections: UNKNOWN or NOT_APPLICABLE for values left empty")
          Map<String, String> missing,
      @Schema(description = "List sections: the items, in their order") List<ItemJson> items) {}

  public record ItemJson(
      long id, int version, Map<String, Object> values, Map<String, String> missing) {}

  public record Derived(
      BigDecimal bmi,
      Integer ageAtSurgery,
      Stage clinicalStage,
      @Schema(description = "Null until the pathology section says pTNM or ypTNM")
          Stage pathologicalStage,
      String pnFromCount,
      Integer nodesPositiveTotal,
      Integer nodesExaminedTotal,
      Integer lengthOfStayDays,
      BigDecimal cci,
      String worstClavienDindo,
      int complicationCount,
      List<String> sectionsFilled) {}

  /** A stage group (AJCC 8th), or the reason none can be derived. */
  public record Stage(
      @Schema(allowableValues = {"cTNM", "pTNM", "ypTNM"}) String classification,
      @Schema(description = "The stage group, e.g. IIA; null when not derivable") String stage,
      @Schema(description = "Why no stage group, e.g. t-unknown; null when derived") String reason,
      @Schema(description = "English text") String message) {}

  public record Warning(
      String code,
      @Schema(description = "The variable it concerns, if one") String variable,
      @Schema(description = "English text") String message) {}
}
