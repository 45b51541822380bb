/**
 * The clinical rules of a case, in plain Java without Spring or a database: the derivation of every
 * derived value ({@code CaseDerivation}, {@code ComplicationTally}), the warnings ({@code
 * CaseWarnings}), the checks that refuse a save ({@code SaveChecks}), the rules of the gastrectomy
 * module ({@code GastricRules}) and the evaluator of a series' own form ({@code CustomRules}).
 * Reached from outside the module only through {@link org.caseregistry.cases.DerivedValues} and the
 * outcomes of the saves.
 */
package org.caseregistry.cases.rules;
