package org.caseregistry.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new case: its study code (unique within the series, never a name) and its site. */
public record NewCaseRequest(
    @Schema(example = "BN7", requiredMode = Schema.RequiredMode.REQUIRED) String studyCode,
    @Schema(
            description = "One of your sites taking part in the series",
            requiredMode = Schema.RequiredMode.REQUIRED)
        Long siteId) {}
