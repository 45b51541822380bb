/**
 * Postoperative complications, the pure part: Clavien-Dindo grades, the Comprehensive Complication
 * Index, and the ECCG list of esophagectomy complications with their severity types. Plain Java
 * without framework dependencies; texts are in the {@code i18n/complication} bundles.
 */
package org.caseregistry.complication;
