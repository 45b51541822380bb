package org.caseregistry.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link SignInThrottle} slows password guessing ({@code registry.security.sign-in.*}; the
 * defaults are in {@code application.properties}).
 *
 * @param freeAttempts attempts of one client on one username before it must wait
 * @param firstDelay the first wait, doubled by every further attempt
 * @param maxDelay the longest wait
 * @param forgetAfter how long a quiet pair is remembered
 */
@Validated
@ConfigurationProperties("registry.security.sign-in")
record SignInThrottleProperties(
    @Min(1) int freeAttempts,
    @NotNull Duration firstDelay,
    @NotNull Duration maxDelay,
    @NotNull Duration forgetAfter) {}
