package org.caseregistry.staging;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A TNM as written in a report or a CSV cell: "pT2N0M0", "ypT0N1M0", "cT4bNXM0". */
public record Tnm(StagePrefix prefix, TCategory t, NCategory n, MCategory m) {

  private static final Pattern NOTATION =
      Pattern.compile("(?i)\\s*(yp|p|c)\\s*(T\\w+?)\\s*(N\\w+?)\\s*(M\\w+)\\s*");

  public Tnm {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(m, "m");
  }

  /** Reads "pT2N0M0", "ypT2 N0 M0", "CT1AN0M0"; the prefix is required. */
  public static Tnm parse(String notation) {
    Matcher matcher = NOTATION.matcher(notation == null ? "" : notation);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a TNM notation: \"" + notation + "\"");
    }
    return new Tnm(
        StagePrefix.fromCode(matcher.group(1)),
        TCategory.fromCode(matcher.group(2)),
        NCategory.fromCode(matcher.group(3)),
        MCategory.fromCode(matcher.group(4)));
  }

  /** "pT2N0M0". */
  public String code() {
    return prefix.code() + t.code() + n.code() + m.code();
  }
}
