package org.caseregistry.staging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.platform.EnumCodes;

/**
 * Classification a TNM belongs to: clinical, pathological, or pathological after neoadjuvant
 * therapy.
 */
public enum StagePrefix {
  C("c"),
  P("p"),
  /** Pathological after any neoadjuvant therapy. */
  YP("yp");

  /** "pT", "ypTNM", "cN": the prefix followed by what it prefixes. */
  private static final Pattern PREFIXED_CATEGORY = Pattern.compile("(?i)(yp|p|c)(tnm|t|n|m)");

  private final String code;

  StagePrefix(String code) {
    this.code = code;
  }

  /** "c", "p" or "yp", to be written before a category: "ypT2". */
  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.prefix." + code;
  }

  /** Accepts "p", "YP", and the prefix with what it prefixes: "pT", "ypTNM". */
  public static StagePrefix fromCode(String code) {
    Matcher prefixed = PREFIXED_CATEGORY.matcher(code == null ? "" : code.strip());
    return EnumCodes.fromCode(
        StagePrefix.class, StagePrefix::code, prefixed.matches() ? prefixed.group(1) : code);
  }
}
