package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.catalog.BuiltInApplicability;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;

/**
 * The sections of a case as the workspace shows them: one entry per section with its state and the
 * link to its form, computed here and nowhere else, so that the navigation, "Save and next" and the
 * case page agree (and sections of a series' own form can slot in as further entries).
 */
public final class CaseWorkspace {

  /** How a section stands. */
  public enum State {
    EMPTY,
    FILLED,
    WARNINGS,
    /** Does not apply given another answer (e.g. complications when there was none). */
    NOT_APPLICABLE,
    /** Switched off by the series' form. */
    HIDDEN;

    public String messageKey() {
      return "workspace.state." + name();
    }
  }

  /**
   * One section in the navigation.
   *
   * @param key the section's slug, also the anchor of its card on the case page
   * @param formLink its form (a list section: a new item)
   * @param itemCount the number of items of a list section, else 0
   */
  public record Entry(
      String key,
      String labelKey,
      State state,
      String formLink,
      String caseLink,
      boolean list,
      int itemCount,
      int warningCount) {}

  private CaseWorkspace() {}

  /** The section entries of a case, in form order. */
  public static List<Entry> entries(long caseId, CaseData data, List<CaseWarning> warnings) {
    List<Entry> entries = new ArrayList<>();
    for (Section section : Section.values()) {
      int warningCount = (int) warnings.stream().filter(w -> sectionOf(w) == section).count();
      State state;
      if (section.isList() && BuiltInApplicability.notApplicable(section, data::valueOrNull)) {
        state = data.items(section).isEmpty() ? State.NOT_APPLICABLE : State.WARNINGS;
      } else if (warningCount > 0) {
        state = State.WARNINGS;
      } else {
        state = data.isFilled(section) ? State.FILLED : State.EMPTY;
      }
      entries.add(
          new Entry(
              section.slug(),
              section.messageKey(),
              state,
              formLink(caseId, section),
              "/cases/" + caseId + "#" + section.slug(),
              section.isList(),
              section.isList() ? data.items(section).size() : 0,
              warningCount));
    }
    return entries;
  }

  /** The form of a section: a single section's form, or a new item of a list. */
  static String formLink(long caseId, Section section) {
    String base = "/cases/" + caseId + "/sections/" + section.slug();
    return section.isList() ? base + "/items/new" : base;
  }

  /**
   * Where "Save and next" leads after {@code after}: the form of the next section that applies and
   * is not switched off, or back to the case with the saved section in view.
   */
  static String next(long caseId, Section after, CaseData data, List<CaseWarning> warnings) {
    List<Entry> entries = entries(caseId, data, warnings);
    boolean passed = false;
    for (Entry entry : entries) {
      if (passed && entry.state() != State.NOT_APPLICABLE && entry.state() != State.HIDDEN) {
        return entry.formLink();
      }
      passed |= entry.key().equals(after.slug());
    }
    return "/cases/" + caseId + "#" + after.slug();
  }

  /** The section a warning concerns: its variable's, else the first section it names. */
  public static Section sectionOf(CaseWarning warning) {
    if (warning.variable() != null && CaseVariables.exists(warning.variable())) {
      return CaseVariables.get(warning.variable()).section();
    }
    for (Object argument : warning.arguments()) {
      if (argument instanceof String name) {
        Section section = Section.fromSlug(name);
        if (section != null) {
          return section;
        }
      }
    }
    return null;
  }
}
