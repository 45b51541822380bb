package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * The sheets of repeating custom sections in the import format ({@link CaseFileFormat}): one per
 * section, named {@code custom_<key>} as the dataset's long files, with {@code study_code} and then
 * the section's entered fields, one row per item in the order of the rows.
 */
public final class CustomSheets {

  /** The sheets of repeating custom sections are named {@code custom_<key>}. */
  public static final String PREFIX = "custom_";

  /** The longest sheet name a workbook takes. */
  static final int MAX_NAME = 31;

  private CustomSheets() {}

  /**
   * The repeating custom sections of the form, each with a sheet of its own: one row per item, as
   * the built-in list sheets hold complications or visits (a long sheet, so that a case costs only
   * the items it has, and a number typed in a file never decides what is allocated).
   */
  public static List<SectionDefinition> sections(FormDefinition form) {
    return form.sections().stream().filter(SectionDefinition::repeating).toList();
  }

  /** The sheet of a repeating custom section: {@code custom_<key>}, as the dataset's long files. */
  public static String sheetName(SectionDefinition section) {
    return PREFIX + section.key();
  }

  /**
   * The name of a custom section's sheet in a workbook, where a sheet name has at most 31
   * characters (longer ones are cut, and read back by that prefix when it names one section only).
   */
  public static String workbookSheetName(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /**
   * The repeating custom section a sheet or file name stands for (case-insensitive, with or without
   * ".csv"; a workbook's cut name when it fits one section only), or null.
   */
  public static SectionDefinition section(String name, FormDefinition form) {
    String plain = CaseFileFormat.plainName(name);
    SectionDefinition found = null;
    for (SectionDefinition section : sections(form)) {
      String full = sheetName(section);
      if (full.equals(plain)) {
        return section;
      }
      if (plain.length() == MAX_NAME && full.startsWith(plain)) {
        if (found != null) {
          return null;
        }
        found = section;
      }
    }
    return found;
  }

  /** The columns of a repeating custom section's sheet: study_code, then its entered fields. */
  public static List<String> columns(SectionDefinition section, boolean withIdentifiers) {
    List<String> columns = new ArrayList<>();
    columns.add(CaseFileFormat.STUDY_CODE);
    for (FieldDefinition field : CaseFileFormat.enteredFields(section)) {
      if (withIdentifiers || !field.identifier()) {
        columns.add(field.name());
      }
    }
    return columns;
  }
}
