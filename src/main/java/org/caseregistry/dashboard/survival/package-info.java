/**
 * Survival analysis, the pure part: the Kaplan-Meier estimator with Greenwood's variance and the
 * Brookmeyer-Crowley interval of the median, the log-rank test, and the chi-square distribution it
 * needs. Plain Java, no framework; tested against the Freireich et al. (1963) 6-MP remission data
 * as printed in Kleinbaum and Klein, "Survival Analysis: A Self-Learning Text".
 */
package org.caseregistry.dashboard.survival;
