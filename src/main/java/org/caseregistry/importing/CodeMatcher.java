package org.caseregistry.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Variable;

/**
 * Finds the code a cell of a coded variable means: the code itself; or, case- and
 * diacritics-insensitively, its English or Vietnamese label or its notation ("T1a"); or a reason
 * for a missing value where the variable takes one. A text that fits several codes is refused,
 * naming them.
 */
final class CodeMatcher {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** What a cell means. Exactly one of code, missing and candidates is set, or none (no match). */
  record Match(String code, MissingReason missing, List<String> candidates) {

    boolean isAmbiguous() {
      return candidates != null && candidates.size() > 1;
    }

    boolean isNoMatch() {
      return code == null && missing == null && !isAmbiguous();
    }
  }

  /** A message in a language, or null when the bundle has none. */
  private final BiFunction<String, Locale, String> messages;

  private final Map<String, Map<String, Set<String>>> byVariable = new ConcurrentHashMap<>();

  CodeMatcher(BiFunction<String, Locale, String> messages) {
    this.messages = messages;
  }

  Match match(Variable variable, String cell) {
    String text = cell == null ? "" : cell.strip();
    if (variable.option(text).isPresent()) {
      return new Match(text, null, null);
    }
    Set<String> targets =
        byVariable.computeIfAbsent(variable.name(), name -> targets(variable)).get(normalize(text));
    if (targets == null || targets.isEmpty()) {
      return new Match(null, null, null);
    }
    if (targets.size() > 1) {
      return new Match(null, null, List.copyOf(targets));
    }
    String target = targets.iterator().next();
    for (MissingReason reason : MissingReason.values()) {
      if (target.equals(reasonTarget(reason))) {
        return new Match(null, reason, null);
      }
    }
    return new Match(target, null, null);
  }

  /** Every accepted text (normalised) of a variable, with the codes or reasons it stands for. */
  private Map<String, Set<String>> targets(Variable variable) {
    Map<String, Set<String>> targets = new LinkedHashMap<>();
    for (CodeOption option : variable.options()) {
      List<String> texts = new ArrayList<>(List.of(option.code()));
      if (option.literalLabel() != null) {
        texts.add(option.literalLabel());
      }
      texts.add(messages.apply(option.labelKey(), Locale.ENGLISH));
      texts.add(messages.apply(option.labelKey(), VIETNAMESE));
      add(targets, texts, option.code());
    }
    if (variable.acceptsMissingReason()) {
      for (MissingReason reason : MissingReason.values()) {
        if (reason == MissingReason.NOT_APPLICABLE && !variable.notApplicableAllowed()) {
          continue;
        }
        add(
            targets,
            List.of(
                reason.name(),
                String.valueOf(messages.apply(reason.messageKey(), Locale.ENGLISH)),
                String.valueOf(messages.apply(reason.messageKey(), VIETNAMESE))),
            reasonTarget(reason));
      }
    }
    return targets;
  }

  private static void add(Map<String, Set<String>> targets, List<String> texts, String target) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        targets.computeIfAbsent(normalize(text), key -> new LinkedHashSet<>()).add(target);
      }
    }
  }

  private static String reasonTarget(MissingReason reason) {
    return "[" + reason.name() + "]";
  }

  /** Lower case, without diacritics (đ as d), runs of blanks and underscores as one space. */
  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .replace('đ', 'd')
        .replace('Đ', 'D')
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s_]+", " ")
        .strip();
  }
}
