package org.caseregistry.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormChanges;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.platform.EditConflictException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each series' own form: read by everyone who sees the series, changed by its coordinators and by
 * admins. Every change is a new version; a change that would orphan or reinterpret stored values is
 * refused with the number of cases it touches, unless the field or code is retired instead.
 */
@Service
public class FormService {

  private final SeriesFormStore store;
  private final SeriesService seriesService;
  private final StoredFormValues storedValues;

  FormService(SeriesFormStore store, SeriesService seriesService, StoredFormValues storedValues) {
    this.store = store;
    this.seriesService = seriesService;
    this.storedValues = storedValues;
  }

  /** The outcome of a save: the new version number, or the problems that refused it. */
  public record SaveOutcome(int version, List<FormRules.Problem> problems) {
    public boolean saved() {
      return problems.isEmpty();
    }
  }

  /**
   * The current form of a series, for callers that have already checked access to the series or its
   * case. A series that never saved a form has the esophagectomy modules, as before forms.
   */
  @Transactional(readOnly = true)
  public FormDefinition current(long seriesId) {
    return store
        .latest(seriesId)
        .map(FormVersion::definition)
        .orElseGet(FormTemplate.ESOPHAGECTOMY::definition);
  }

  @Transactional(readOnly = true)
  public FormDefinition current(long seriesId, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    return current(seriesId);
  }

  /** The current version number (0 while the series has the implicit all-modules form). */
  @Transactional(readOnly = true)
  public int currentVersion(long seriesId) {
    return store.latest(seriesId).map(FormVersion::version).orElse(0);
  }

  /** The current forms of many series at once (one statement). */
  @Transactional(readOnly = true)
  public Map<Long, FormDefinition> currentOfAll() {
    return store.latestOfAll();
  }

  @Transactional(readOnly = true)
  public List<FormVersion> history(long seriesId, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    return store.all(seriesId);
  }

  public static boolean canEdit(CurrentAccount account) {
    return SeriesService.canManage(account);
  }

  /**
   * Saves a new version if {@code expectedVersion} is still the current one; field problems and
   * refused destructive changes come back without saving anything. A form without an order keeps
   * the current one (new custom sections last).
   */
  @Transactional
  public SaveOutcome save(
      long seriesId, FormDefinition next, int expectedVersion, CurrentAccount account) {
    if (!canEdit(account)) {
      throw new AccessDeniedException("Only coordinators and admins change a series' form");
    }
    seriesService.visible(seriesId, account);
    int current = currentVersion(seriesId);
    if (current != expectedVersion) {
      throw new EditConflictException();
    }
    FormDefinition before = current(seriesId);
    if (next.order() == null && before.order() != null) {
      // A form given without an order (the API, a dictionary) keeps the one the series has.
      next = next.withOrder(before.order());
    }
    List<FormRules.Problem> problems = new ArrayList<>(FormRules.check(next));
    if (problems.isEmpty()) {
      problems.addAll(refusals(seriesId, before, next));
    }
    if (!problems.isEmpty()) {
      return new SaveOutcome(current, problems);
    }
    List<FormChanges.Change> changes = FormChanges.describe(before, next);
    if (changes.isEmpty() && current > 0) {
      return new SaveOutcome(current, List.of());
    }
    if (!store.insert(seriesId, current + 1, next, changes, account.username())) {
      throw new EditConflictException();
    }
    return new SaveOutcome(current + 1, List.of());
  }

  /**
   * What {@link #save} would refuse in this form, without saving it: the form's own rules, then the
   * changes that would orphan stored values. For dry runs (the REDCap dictionary upload).
   */
  @Transactional(readOnly = true)
  public List<FormRules.Problem> check(long seriesId, FormDefinition next, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    List<FormRules.Problem> problems = new ArrayList<>(FormRules.check(next));
    if (problems.isEmpty()) {
      problems.addAll(refusals(seriesId, current(seriesId), next));
    }
    return problems;
  }

  /** The first version of a new series' form, from a template or a copy of another series. */
  @Transactional
  public void initialise(long seriesId, FormDefinition definition, String username) {
    if (currentVersion(seriesId) == 0) {
      store.insert(
          seriesId,
          1,
          definition,
          FormChanges.describe(new FormDefinition(List.of(), List.of()), definition),
          username);
    }
  }

  private List<FormRules.Problem> refusals(
      long seriesId, FormDefinition before, FormDefinition after) {
    List<FormRules.Problem> refused = new ArrayList<>();
    for (FormChanges.Risk risk : FormChanges.risks(before, after)) {
      long cases = storedValues.casesAffected(seriesId, risk);
      if (cases > 0) {
        String key = "form.refused.limits-narrowed";
        if (risk instanceof FormChanges.FieldRemoved removed) {
          key = removed.messageKey();
        } else if (risk instanceof FormChanges.CodesRemoved) {
          key = "form.refused.codes-removed";
        }
        String detail =
            risk instanceof FormChanges.CodesRemoved codes ? String.join(", ", codes.codes()) : "";
        refused.add(new FormRules.Problem(risk.field(), key, List.of(risk.field(), cases, detail)));
      }
    }
    for (Section module : before.modules()) {
      if (!after.hasModule(module)) {
        long cases = storedValues.casesWithModule(seriesId, module);
        if (cases > 0) {
          refused.add(
              new FormRules.Problem(
                  "modules", "form.refused.module-off", List.of(module.slug(), cases, "")));
        }
      }
    }
    return refused;
  }
}
