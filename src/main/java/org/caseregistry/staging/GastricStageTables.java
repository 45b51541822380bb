package org.caseregistry.staging;

import static org.caseregistry.staging.StageGroup.I;
import static org.caseregistry.staging.StageGroup.IA;
import static org.caseregistry.staging.StageGroup.IB;
import static org.caseregistry.staging.StageGroup.II;
import static org.caseregistry.staging.StageGroup.IIA;
import static org.caseregistry.staging.StageGroup.IIB;
import static org.caseregistry.staging.StageGroup.III;
import static org.caseregistry.staging.StageGroup.IIIA;
import static org.caseregistry.staging.StageGroup.IIIB;
import static org.caseregistry.staging.StageGroup.IIIC;
import static org.caseregistry.staging.StageGroup.IVA;
import static org.caseregistry.staging.StageGroup.STAGE_0;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AJCC 8th edition stomach tables for M0 as grids, transcribed from domain.md ("Gastric
 * cancer"): one row per T the table distinguishes, one column per N. A missing cell (Tis N1, T0
 * without neoadjuvant therapy) is a combination the table does not cover.
 */
final class GastricStageTables {

  /** The columns of the clinical and the post-neoadjuvant tables: N3a and N3b share N3. */
  private static final List<GastricNCategory> N0_TO_N3 =
      List.of(GastricNCategory.N0, GastricNCategory.N1, GastricNCategory.N2, GastricNCategory.N3);

  /** The columns of the pathological table. */
  private static final List<GastricNCategory> N0_TO_N3B =
      List.of(
          GastricNCategory.N0,
          GastricNCategory.N1,
          GastricNCategory.N2,
          GastricNCategory.N3A,
          GastricNCategory.N3B);

  private static final Map<TCategory, Map<GastricNCategory, StageGroup>> CLINICAL =
      grid(
          N0_TO_N3,
          row(TCategory.TIS, STAGE_0),
          row(TCategory.T1, I, IIA, IIA, IIA),
          row(TCategory.T2, I, IIA, IIA, IIA),
          row(TCategory.T3, IIB, III, III, III),
          row(TCategory.T4A, IIB, III, III, III),
          row(TCategory.T4B, IVA, IVA, IVA, IVA));

  private static final Map<TCategory, Map<GastricNCategory, StageGroup>> PATHOLOGICAL =
      grid(
          N0_TO_N3B,
          row(TCategory.TIS, STAGE_0),
          row(TCategory.T1, IA, IB, IIA, IIB, IIIB),
          row(TCategory.T2, IB, IIA, IIB, IIIA, IIIB),
          row(TCategory.T3, IIA, IIB, IIIA, IIIB, IIIC),
          row(TCategory.T4A, IIB, IIIA, IIIA, IIIB, IIIC),
          row(TCategory.T4B, IIIA, IIIB, IIIB, IIIC, IIIC));

  private static final Map<TCategory, Map<GastricNCategory, StageGroup>> POST_NEOADJUVANT =
      grid(
          N0_TO_N3,
          row(TCategory.T0, I, I, II, II),
          row(TCategory.TIS, I, I, II, II),
          row(TCategory.T1, I, I, II, II),
          row(TCategory.T2, I, II, II, III),
          row(TCategory.T3, II, II, III, III),
          row(TCategory.T4A, II, III, III, III),
          row(TCategory.T4B, III, III, III, III));

  private GastricStageTables() {}

  /**
   * The stage of a T and N with M0, where {@code t} is a row the tables know (T1a and T1b read as
   * T1) and {@code n} a column of the classification's table (see {@link #columnsFor}).
   */
  static Optional<StageGroup> lookup(StagePrefix classification, TCategory t, GastricNCategory n) {
    Map<GastricNCategory, StageGroup> row = table(classification).get(row(t));
    return row == null ? Optional.empty() : Optional.ofNullable(row.get(n));
  }

  /**
   * The columns a recorded N may stand for: the pathological table needs N3a or N3b, the other two
   * read either as N3.
   */
  static List<GastricNCategory> columnsFor(StagePrefix classification, GastricNCategory n) {
    if (classification == StagePrefix.P) {
      return n.subcategories();
    }
    return n == GastricNCategory.N3A || n == GastricNCategory.N3B
        ? List.of(GastricNCategory.N3)
        : List.of(n);
  }

  private static TCategory row(TCategory t) {
    return t == TCategory.T1A || t == TCategory.T1B ? TCategory.T1 : t;
  }

  private static Map<TCategory, Map<GastricNCategory, StageGroup>> table(StagePrefix prefix) {
    return switch (prefix) {
      case C -> CLINICAL;
      case P -> PATHOLOGICAL;
      case YP -> POST_NEOADJUVANT;
    };
  }

  private record Row(TCategory t, List<StageGroup> stages) {}

  private static Row row(TCategory t, StageGroup... stagesByColumn) {
    return new Row(t, Arrays.asList(stagesByColumn));
  }

  private static Map<TCategory, Map<GastricNCategory, StageGroup>> grid(
      List<GastricNCategory> columns, Row... rows) {
    Map<TCategory, Map<GastricNCategory, StageGroup>> grid = new EnumMap<>(TCategory.class);
    for (Row row : rows) {
      Map<GastricNCategory, StageGroup> cells = new EnumMap<>(GastricNCategory.class);
      for (int column = 0; column < row.stages().size(); column++) {
        cells.put(columns.get(column), row.stages().get(column));
      }
      grid.put(row.t(), Map.copyOf(cells));
    }
    return grid;
  }
}
