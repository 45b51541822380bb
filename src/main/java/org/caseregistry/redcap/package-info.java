/**
 * REDCap interchange: a series' form read from and written to REDCap's data dictionary (the CSV
 * with REDCap's 18 columns), and cases read from REDCap's flat record export. Reading is a dry run
 * that lists every row it cannot take as it is, with its row number and the reason; nothing is
 * dropped silently. The codec is plain Java; the series' form is saved through the series module,
 * which versions and audits it.
 */
package org.caseregistry.redcap;
