package org.caseregistry.form;

import org.caseregistry.catalog.Section;

/**
 * One entry of a form's order: a built-in module or a custom section, exactly one of the two. Its
 * key is the module's slug or the section's key (the two never clash: a section may not take a
 * module's slug).
 */
public record FormPart(Section module, SectionDefinition section) {

  public static FormPart of(Section module) {
    return new FormPart(module, null);
  }

  public static FormPart of(SectionDefinition section) {
    return new FormPart(null, section);
  }

  public boolean isBuiltIn() {
    return module != null;
  }

  public String key() {
    return module != null ? module.slug() : section.key();
  }
}
