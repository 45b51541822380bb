/**
 * A case series' own form: which built-in clinical modules it uses (the {@link
 * org.caseregistry.catalog.Section}s with their staging, complication and follow-up rules) and the
 * custom sections and fields it adds, with their branching ("show only if") and calculations in a
 * small expression language evaluated here, never by a scripting engine. Plain Java: the series
 * module stores and versions the definitions, the cases module stores the values.
 */
package org.caseregistry.form;
