package org.caseregistry.importing;

import java.util.Map;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.SpooledFile.SpooledSheet;

/** A list sheet whose header could be read: a built-in list section or a custom one. */
record ListSheet(
    SpooledSheet sheet, Map<String, Integer> header, Section section, SectionDefinition custom) {}
