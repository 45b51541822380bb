package org.caseregistry.staging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The three stomach tables of domain.md ("Gastric cancer"), copied as text grids, and the outcome
 * staging should give for any input, worked out from them without the production tables. "-" is a
 * cell the table leaves empty (Tis N1 and the like).
 */
final class GastricTablesTranscription {

  static final String CLINICAL =
      """
           | N0  | N1  | N2  | N3
      Tis  | 0   | -   | -   | -
      T1   | I   | IIA | IIA | IIA
      T2   | I   | IIA | IIA | IIA
      T3   | IIB | III | III | III
      T4a  | IIB | III | III | III
      T4b  | IVA | IVA | IVA | IVA
      """;

  static final String PATHOLOGICAL =
      """
           | N0   | N1   | N2   | N3a  | N3b
      Tis  | 0    | -    | -    | -    | -
      T1   | IA   | IB   | IIA  | IIB  | IIIB
      T2   | IB   | IIA  | IIB  | IIIA | IIIB
      T3   | IIA  | IIB  | IIIA | IIIB | IIIC
      T4a  | IIB  | IIIA | IIIA | IIIB | IIIC
      T4b  | IIIA | IIIB | IIIB | IIIC | IIIC
      """;

  static final String POST_NEOADJUVANT =
      """
           | N0  | N1  | N2  | N3
      T0   | I   | I   | II  | II
      Tis  | I   | I   | II  | II
      T1   | I   | I   | II  | II
      T2   | I   | II  | II  | III
      T3   | II  | II  | III | III
      T4a  | II  | III | III | III
      T4b  | III | III | III | III
      """;

  /** One cell of a grid: the row and column headers as printed, and the stage (null for "-"). */
  record Cell(String table, String t, String n, StageGroup stage) {
    @Override
    public String toString() {
      return table + " " + t + " " + n + " → " + (stage == null ? "-" : stage.label());
    }
  }

  private GastricTablesTranscription() {}

  static String grid(StagePrefix classification) {
    return switch (classification) {
      case C -> CLINICAL;
      case P -> PATHOLOGICAL;
      case YP -> POST_NEOADJUVANT;
    };
  }

  static List<Cell> cells(StagePrefix classification) {
    List<String> lines = grid(classification).strip().lines().toList();
    List<String> header = split(lines.get(0));
    List<Cell> cells = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> parts = split(line);
      for (int column = 1; column < parts.size(); column++) {
        String stage = parts.get(column);
        cells.add(
            new Cell(
                classification.code(),
                parts.get(0),
                header.get(column),
                stage.equals("-") ? null : StageGroup.fromCode(stage)));
      }
    }
    return cells;
  }

  /** Every T category a printed row header stands for: "T1" is T1, T1a and T1b. */
  static List<TCategory> tCategoriesOf(String row) {
    return row.equals("T1")
        ? List.of(TCategory.T1, TCategory.T1A, TCategory.T1B)
        : List.of(TCategory.fromCode(row));
  }

  /** Every N category a printed column header stands for: "N3" is N3, N3a and N3b. */
  static List<GastricNCategory> nCategoriesOf(String column) {
    return column.equals("N3")
        ? List.of(GastricNCategory.N3, GastricNCategory.N3A, GastricNCategory.N3B)
        : List.of(GastricNCategory.fromCode(column));
  }

  /** What staging should answer, from the grids. */
  static StagingResult expected(
      StagePrefix classification, boolean carcinoma, TCategory t, GastricNCategory n, MCategory m) {
    if (!carcinoma) {
      return StagingResult.notDerivable(StagingReason.GASTRIC_HISTOLOGY_NOT_STAGED);
    }
    if (m == MCategory.M1) {
      return StagingResult.derived(
          classification == StagePrefix.C ? StageGroup.IVB : StageGroup.IV);
    }
    StagingResult m0 = expectedM0(classification, t, n);
    boolean tOrNUnknown =
        m0.whyNotDerivable()
            .filter(r -> r == StagingReason.T_UNKNOWN || r == StagingReason.N_UNKNOWN)
            .isPresent();
    if (m == MCategory.MX && !tOrNUnknown) {
      return StagingResult.notDerivable(StagingReason.M_UNKNOWN);
    }
    return m0;
  }

  private static StagingResult expectedM0(
      StagePrefix classification, TCategory t, GastricNCategory n) {
    Map<TCategory, Map<GastricNCategory, StageGroup>> grid = byCategory(classification);
    List<TCategory> tLeaves =
        t == TCategory.T4 ? List.of(TCategory.T4A, TCategory.T4B) : List.of(t);
    List<GastricNCategory> nLeaves =
        classification == StagePrefix.P && n == GastricNCategory.N3
            ? List.of(GastricNCategory.N3A, GastricNCategory.N3B)
            : List.of(n);
    List<Optional<StageGroup>> stages = new ArrayList<>();
    boolean nMatters = false;
    for (TCategory tLeaf : tLeaves) {
      Set<Optional<StageGroup>> perN = new LinkedHashSet<>();
      for (GastricNCategory nLeaf : nLeaves) {
        Optional<StageGroup> stage =
            Optional.ofNullable(grid.getOrDefault(tLeaf, Map.of()).get(nLeaf));
        stages.add(stage);
        perN.add(stage);
      }
      nMatters |= perN.size() > 1;
    }
    Set<Optional<StageGroup>> distinct = new LinkedHashSet<>(stages);
    if (distinct.size() == 1 && stages.get(0).isPresent()) {
      return StagingResult.derived(stages.get(0).get());
    }
    if (t == TCategory.TX) {
      return StagingResult.notDerivable(StagingReason.T_UNKNOWN);
    }
    if (stages.stream().anyMatch(Optional::isEmpty)) {
      return StagingResult.notDerivable(
          n == GastricNCategory.NX ? StagingReason.N_UNKNOWN : StagingReason.NOT_IN_TABLE);
    }
    return StagingResult.notDerivable(
        nMatters ? StagingReason.N_SUBCATEGORY_NEEDED : StagingReason.T_SUBCATEGORY_NEEDED);
  }

  /** The grid keyed by every category its headers stand for. */
  private static Map<TCategory, Map<GastricNCategory, StageGroup>> byCategory(
      StagePrefix classification) {
    Map<TCategory, Map<GastricNCategory, StageGroup>> grid = new EnumMap<>(TCategory.class);
    for (Cell cell : cells(classification)) {
      if (cell.stage() == null) {
        continue;
      }
      for (TCategory t : tCategoriesOf(cell.t())) {
        for (GastricNCategory n : nCategoriesOf(cell.n())) {
          grid.computeIfAbsent(t, key -> new EnumMap<>(GastricNCategory.class))
              .put(n, cell.stage());
        }
      }
    }
    return grid;
  }

  private static List<String> split(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }
}
