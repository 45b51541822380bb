package org.caseregistry.cases.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.catalog.BuiltInApplicability;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormPart;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.staging.StagingWarningCode;

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

  /**
   * The section entries of a case as its series' form has them: the built-in modules it switches on
   * and its custom sections (labelled with the form's own words in the reader's language), in the
   * form's order.
   */
  public static List<Entry> entries(CaseService.CaseView view, boolean vietnamese) {
    long caseId = view.header().id();
    Map<String, Entry> builtIn = new HashMap<>();
    for (Entry entry : entries(caseId, view.data(), view.derived().warnings())) {
      builtIn.put(entry.key(), entry);
    }
    List<Entry> entries = new ArrayList<>();
    for (FormPart part : view.form().activeParts()) {
      entries.add(
          part.isBuiltIn()
              ? builtIn.get(part.module().slug())
              : customEntry(view, part.section(), vietnamese));
    }
    return entries;
  }

  private static Entry customEntry(
      CaseService.CaseView view, SectionDefinition section, boolean vietnamese) {
    long caseId = view.header().id();
    int warningCount =
        (int) view.customWarnings().stream().filter(w -> w.section().equals(section.key())).count();
    boolean filled =
        section.repeating()
            ? !view.data().custom().items(section.key()).isEmpty()
            : view.data().custom().single(section.key()).version() > 0;
    String base = "/cases/" + caseId + "/forms/" + section.key();
    return new Entry(
        "custom-" + section.key(),
        section.label(vietnamese),
        warningCount > 0 ? State.WARNINGS : filled ? State.FILLED : State.EMPTY,
        section.repeating() ? base + "/items/new" : base,
        "/cases/" + caseId + "#custom-" + section.key(),
        section.repeating(),
        section.repeating() ? view.data().custom().items(section.key()).size() : 0,
        warningCount);
  }

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
   * Where "Save and next" leads after saving {@code saved} (one section, or the sections of one
   * page): the form of the next section in form order, after the first one saved, that is not on
   * the page, applies, is not switched off and is still empty; when there is none, back to the case
   * with the (first) saved section in view.
   */
  static String next(CaseService.CaseView view, List<Section> saved) {
    return next(
        view.header().id(), saved, view.data(), view.derived().warnings(), view.form()::hasModule);
  }

  static String next(long caseId, List<Section> saved, CaseData data, List<CaseWarning> warnings) {
    return next(caseId, saved, data, warnings, section -> true);
  }

  private static String next(
      long caseId,
      List<Section> saved,
      CaseData data,
      List<CaseWarning> warnings,
      Predicate<Section> inForm) {
    Section first = saved.stream().min(Enum::compareTo).orElseThrow();
    for (Entry entry : entries(caseId, data, warnings)) {
      Section section = Section.fromSlug(entry.key());
      if (section != null
          && inForm.test(section)
          && section.compareTo(first) > 0
          && !saved.contains(section)
          && !data.isFilled(section)
          && entry.state() != State.NOT_APPLICABLE
          && entry.state() != State.HIDDEN) {
        return entry.formLink();
      }
    }
    return "/cases/" + caseId + "#" + first.slug();
  }

  /** The section a warning concerns: its variable's, else the first section it names. */
  public static Section sectionOf(CaseWarning warning) {
    if (warning.variable() != null && CaseVariables.exists(warning.variable())) {
      return CaseVariables.get(warning.variable()).section();
    }
    for (StagingWarningCode code : StagingWarningCode.values()) {
      // The staging checks compare the recorded pathological stage with other sections.
      if (code.code().equals(warning.code())) {
        return Section.PATHOLOGY;
      }
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
