package org.caseregistry.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a case is withdrawn from the study (for example, consent withdrawn). */
public record WithdrawalRequest(
    @Schema(
            example = "Consent withdrawn",
            maxLength = 500,
            requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {}
