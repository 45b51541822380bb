package org.caseregistry.redcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.series.FormService;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A series' form as a REDCap data dictionary: downloaded by everyone who sees the series; uploaded
 * by its coordinators and admins, first as a dry run that changes nothing, then applied as a new
 * version of the form through {@link FormService}, which refuses what would orphan stored values
 * and keeps the history (who, when, what changed).
 */
@Service
public class RedcapService {

  /** Dictionaries larger than this are refused before they are read. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private final FormService formService;
  private final DictionaryWriter writer;
  private final DictionaryReader reader = new DictionaryReader();

  RedcapService(FormService formService, MessageSource messages) {
    this.formService = formService;
    this.writer = new DictionaryWriter(key -> messages.getMessage(key, null, null, Locale.ENGLISH));
  }

  /** What a dry run or an apply found, and the version the form had when it was judged. */
  public record Outcome(DictionaryReading reading, int baseVersion, Integer savedVersion) {

    public boolean applicable() {
      return reading.applicable();
    }

    public boolean saved() {
      return savedVersion != null;
    }
  }

  public static boolean canUpload(CurrentAccount account) {
    return FormService.canEdit(account);
  }

  public byte[] dictionary(long seriesId, CurrentAccount account) {
    return writer.write(formService.current(seriesId, account));
  }

  /** Reads the dictionary and judges it as a save would; nothing is written. */
  public Outcome check(long seriesId, byte[] bytes, CurrentAccount account) {
    requireUploader(seriesId, account);
    int version = formService.currentVersion(seriesId);
    DictionaryReading reading = read(bytes);
    if (reading.applicable()) {
      List<FormRules.Problem> refusals = formService.check(seriesId, reading.form(), account);
      reading = reading.withProblems(refused(reading, refusals));
    }
    return new Outcome(reading, version, null);
  }

  /**
   * Applies the dictionary as the series' new form if it is still applicable and the form is still
   * at {@code baseVersion}; otherwise returns what refuses it.
   */
  public Outcome apply(long seriesId, byte[] bytes, int baseVersion, CurrentAccount account) {
    requireUploader(seriesId, account);
    DictionaryReading reading = read(bytes);
    if (!reading.applicable()) {
      return new Outcome(reading, baseVersion, null);
    }
    FormService.SaveOutcome saved =
        formService.save(seriesId, reading.form(), baseVersion, account);
    if (!saved.saved()) {
      return new Outcome(
          reading.withProblems(refused(reading, saved.problems())), baseVersion, null);
    }
    return new Outcome(reading, baseVersion, saved.version());
  }

  public int currentVersion(long seriesId, CurrentAccount account) {
    formService.current(seriesId, account);
    return formService.currentVersion(seriesId);
  }

  private DictionaryReading read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return new DictionaryReading(
          new FormDefinition(List.of(), List.of()),
          List.of(
              new DictionaryProblem(
                  1,
                  "",
                  Severity.REFUSED,
                  "redcap.problem.too_large",
                  List.of(MAX_BYTES / (1024 * 1024)))),
          "",
          0,
          Map.of());
    }
    return reader.read(bytes);
  }

  private static List<DictionaryProblem> refused(
      DictionaryReading reading, List<FormRules.Problem> problems) {
    List<DictionaryProblem> refused = new ArrayList<>();
    for (FormRules.Problem problem : problems) {
      String field = problem.path();
      refused.add(
          new DictionaryProblem(
              reading.rowOf(field),
              reading.fieldRows().containsKey(field) ? field : "",
              Severity.REFUSED,
              problem.messageKey(),
              problem.arguments()));
    }
    return refused;
  }

  /** 404 for a series the account does not see; 403 for an account that may not upload. */
  public void requireUploader(long seriesId, CurrentAccount account) {
    formService.current(seriesId, account);
    if (!canUpload(account)) {
      throw new AccessDeniedException("Only coordinators and admins change a series' form");
    }
  }
}
