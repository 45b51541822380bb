/**
 * Staging of esophageal and esophagogastric-junction cancer by the AJCC 8th edition: TNM categories
 * with their export codes, stage groups derived by {@link
 * org.caseregistry.staging.EsophagusStaging} (or the reason none can be), and consistency warnings
 * from {@link org.caseregistry.staging.StagingChecks}. Plain Java without framework dependencies;
 * texts are in the {@code i18n/staging} bundles.
 */
package org.caseregistry.staging;
