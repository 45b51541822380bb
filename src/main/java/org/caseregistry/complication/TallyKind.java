package org.caseregistry.complication;

/**
 * What a key of a case's complication tally counts by. A stored key is the kind, a colon and a code
 * ({@code GRADE:IIIA}, {@code LEAK:TYPE_II}); the code is empty when the complication does not give
 * it. The cases module writes the keys, the dashboard and reports read them: both through this
 * type.
 */
public enum TallyKind {
  /** Clavien-Dindo grade of each complication. */
  GRADE,
  /** ECCG category (gastric complications: their own category). */
  CATEGORY,
  /** The complication itself, ECCG item or gastric complication. */
  ITEM,
  /** ECCG severity type of an anastomotic leak. */
  LEAK,
  /** ISGPS grade of a postoperative pancreatic fistula. */
  POPF;

  private static final char SEPARATOR = ':';

  /** The stored key for a code of this kind; a missing code gives the empty code. */
  public String key(String code) {
    return name() + SEPARATOR + (code == null ? "" : code);
  }

  /** The kind of a stored key. */
  public static TallyKind ofKey(String key) {
    return valueOf(key.substring(0, separator(key)));
  }

  /** The code part of a stored key (empty when the complication gave none). */
  public static String codeOf(String key) {
    return key.substring(separator(key) + 1);
  }

  private static int separator(String key) {
    int colon = key.indexOf(SEPARATOR);
    if (colon < 0) {
      throw new IllegalArgumentException("Not a complication tally key: " + key);
    }
    return colon;
  }
}
