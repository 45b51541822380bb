/**
 * Follow-up after the operation, the pure part: the visit windows (1, 3, 6 and 12 months) and what
 * a case's visits sum up to (time of death, of relapse, of the last visit, the status counted in
 * each window). Plain Java; the registry stores the summary with the case's other derived values,
 * so that dashboards count cases instead of visits.
 */
package org.caseregistry.followup;
