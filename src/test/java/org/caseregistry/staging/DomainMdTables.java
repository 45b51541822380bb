package org.caseregistry.staging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The AJCC tables of docs/domain.md transcribed as text, close to how the document prints them, and
 * read with a parser of their own: the tests' expectation, independent of {@link StageTables}.
 *
 * <p>Notation: a line holds "T N" pairs separated by ";", then the grade and location columns when
 * the table has them, then the stage. T1 and T4 mean both sub-categories, "a-b" a range, "any"
 * every value; locations are "lower" (lower third and esophagogastric junction), "upper/middle",
 * "unknown".
 */
final class DomainMdTables {

  /** Every T the tables distinguish, in the order ranges run. */
  static final List<TCategory> T_ORDER =
      List.of(
          TCategory.T0,
          TCategory.TIS,
          TCategory.T1A,
          TCategory.T1B,
          TCategory.T2,
          TCategory.T3,
          TCategory.T4A,
          TCategory.T4B);

  static final List<NCategory> N_ORDER =
      List.of(NCategory.N0, NCategory.N1, NCategory.N2, NCategory.N3);
  static final List<Grade> GRADE_ORDER = List.of(Grade.G1, Grade.G2, Grade.G3);

  /** "M1 → IVB in every table. Any N3 (M0) → IVA." — the last line carries the N3 rule. */
  static final Table CLINICAL_SQUAMOUS =
      Table.parse(
          "clinical squamous",
          StagePrefix.C,
          """
          Tis N0                         | 0
          T1 N0-N1                       | I
          T2 N0-N1                       | II
          T3 N0                          | II
          T3 N1; T1-T3 N2                | III
          T4a,T4b N0-N2                  | IVA
          any N3                         | IVA
          """);

  static final Table CLINICAL_ADENOCARCINOMA =
      Table.parse(
          "clinical adenocarcinoma",
          StagePrefix.C,
          """
          Tis N0                         | 0
          T1 N0                          | I
          T1 N1                          | IIA
          T2 N0                          | IIB
          T2 N1; T3-T4a N0-N1            | III
          T1-T4a N2; T4b N0-N2           | IVA
          any N3                         | IVA
          """);

  static final Table PATHOLOGICAL_SQUAMOUS =
      Table.parse(
          "pathological squamous",
          StagePrefix.P,
          """
          Tis N0                         | —        | any          | 0
          T1a N0                         | G1,GX    | any          | IA
          T1a N0                         | G2-G3    | any          | IB
          T1b N0                         | any      | any          | IB
          T2 N0                          | G1       | any          | IB
          T2 N0                          | G2-G3,GX | any          | IIA
          T3 N0                          | G1       | any          | IIA
          T3 N0                          | G2-G3    | lower        | IIA
          T3 N0                          | G2-G3    | upper/middle | IIB
          T3 N0                          | GX       | any          | IIB
          T3 N0                          | any      | unknown      | IIB
          T1 N1                          | any      | any          | IIB
          T1 N2; T2 N1                   | any      | any          | IIIA
          T2 N2; T3 N1-N2; T4a N0-N1     | any      | any          | IIIB
          T4a N2; T4b N0-N2; any N3      | any      | any          | IVA
          """);

  static final Table PATHOLOGICAL_ADENOCARCINOMA =
      Table.parse(
          "pathological adenocarcinoma",
          StagePrefix.P,
          """
          Tis N0                         | —        | 0
          T1a N0                         | G1,GX    | IA
          T1a N0                         | G2       | IB
          T1b N0                         | G1-G2,GX | IB
          T1 N0                          | G3       | IC
          T2 N0                          | G1-G2    | IC
          T2 N0                          | G3,GX    | IIA
          T1 N1; T3 N0                   | any      | IIB
          T1 N2; T2 N1                   | any      | IIIA
          T2 N2; T3 N1-N2; T4a N0-N1     | any      | IIIB
          T4a N2; T4b N0-N2; any N3      | any      | IVA
          """);

  static final Table POST_NEOADJUVANT =
      Table.parse(
          "post-neoadjuvant",
          StagePrefix.YP,
          """
          T0-T2 N0                       | I
          T3 N0                          | II
          T0-T2 N1                       | IIIA
          T3 N1; T0-T3 N2; T4a N0        | IIIB
          T4a N1-N2,NX; T4b N0-N2; any N3 | IVA
          """);

  private DomainMdTables() {}

  static List<Table> all() {
    return List.of(
        CLINICAL_SQUAMOUS,
        CLINICAL_ADENOCARCINOMA,
        PATHOLOGICAL_SQUAMOUS,
        PATHOLOGICAL_ADENOCARCINOMA,
        POST_NEOADJUVANT);
  }

  /** The tables a histology is staged with; both for an unknown one, none for "other". */
  static List<Table> tablesFor(StagePrefix classification, Histology histology) {
    if (classification == StagePrefix.YP) {
      return histology == Histology.OTHER ? List.of() : List.of(POST_NEOADJUVANT);
    }
    Table squamous = classification == StagePrefix.C ? CLINICAL_SQUAMOUS : PATHOLOGICAL_SQUAMOUS;
    Table adeno =
        classification == StagePrefix.C ? CLINICAL_ADENOCARCINOMA : PATHOLOGICAL_ADENOCARCINOMA;
    return switch (histology) {
      case SQUAMOUS_CELL_CARCINOMA, ADENOSQUAMOUS -> List.of(squamous);
      case ADENOCARCINOMA -> List.of(adeno);
      case UNKNOWN -> List.of(squamous, adeno);
      case OTHER -> List.of();
    };
  }

  /** T1 and T4 written without sub-category stand for both. */
  static List<TCategory> leavesOf(TCategory t) {
    return switch (t) {
      case T1 -> List.of(TCategory.T1A, TCategory.T1B);
      case T4 -> List.of(TCategory.T4A, TCategory.T4B);
      default -> List.of(t);
    };
  }

  record Table(String name, StagePrefix classification, List<Line> lines) {

    static Table parse(String name, StagePrefix classification, String text) {
      List<Line> lines =
          text.lines().map(String::strip).filter(line -> !line.isEmpty()).map(Line::parse).toList();
      return new Table(name, classification, lines);
    }

    /** The first line that covers the combination, as the document is read top down. */
    Optional<Line> firstMatch(TCategory t, NCategory n, Grade grade, TumourLocation location) {
      return lines.stream().filter(line -> line.covers(t, n, grade, location)).findFirst();
    }

    Optional<StageGroup> stage(TCategory t, NCategory n, Grade grade, TumourLocation location) {
      return firstMatch(t, n, grade, location).map(Line::stage);
    }

    boolean usesGrade() {
      return classification == StagePrefix.P;
    }

    boolean usesLocation() {
      return this == PATHOLOGICAL_SQUAMOUS;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record TN(TCategory t, NCategory n) {}

  /**
   * One printed line; grades and locations are every value when the column says "any" or is absent.
   */
  record Line(
      String text,
      Set<TN> pairs,
      Set<Grade> grades,
      Set<TumourLocation> locations,
      StageGroup stage) {

    static Line parse(String text) {
      String[] columns = Arrays.stream(text.split("\\|")).map(String::strip).toArray(String[]::new);
      String stage = columns[columns.length - 1];
      Set<Grade> grades = columns.length >= 3 ? grades(columns[1]) : EnumSet.allOf(Grade.class);
      Set<TumourLocation> locations =
          columns.length == 4 ? locations(columns[2]) : EnumSet.allOf(TumourLocation.class);
      return new Line(
          text,
          pairs(columns[0]),
          grades,
          locations,
          stage.equals("0") ? StageGroup.STAGE_0 : StageGroup.valueOf(stage));
    }

    boolean covers(TCategory t, NCategory n, Grade grade, TumourLocation location) {
      return pairs.contains(new TN(t, n)) && grades.contains(grade) && locations.contains(location);
    }

    @Override
    public String toString() {
      return text.replaceAll("\\s+", " ");
    }

    private static Set<TN> pairs(String column) {
      Set<TN> pairs = new LinkedHashSet<>();
      for (String pair : column.split(";")) {
        String[] tAndN = pair.strip().split("\\s+");
        for (TCategory t : tSpec(tAndN[0])) {
          for (NCategory n : nSpec(tAndN[1])) {
            pairs.add(new TN(t, n));
          }
        }
      }
      return pairs;
    }

    private static List<TCategory> tSpec(String spec) {
      if (spec.equals("any")) {
        return T_ORDER;
      }
      return items(spec)
          .flatMap(
              item -> {
                String[] range = item.split("-");
                List<TCategory> first = leavesOf(tCategory(range[0]));
                List<TCategory> last = leavesOf(tCategory(range[range.length - 1]));
                return T_ORDER
                    .subList(
                        T_ORDER.indexOf(first.get(0)),
                        T_ORDER.indexOf(last.get(last.size() - 1)) + 1)
                    .stream();
              })
          .toList();
    }

    private static TCategory tCategory(String token) {
      return TCategory.valueOf(token.toUpperCase(Locale.ROOT));
    }

    private static List<NCategory> nSpec(String spec) {
      return items(spec)
          .flatMap(
              item -> {
                String[] range = item.split("-");
                if (range.length == 1) {
                  return Stream.of(NCategory.valueOf(item));
                }
                return N_ORDER
                    .subList(
                        N_ORDER.indexOf(NCategory.valueOf(range[0])),
                        N_ORDER.indexOf(NCategory.valueOf(range[1])) + 1)
                    .stream();
              })
          .toList();
    }

    private static Set<Grade> grades(String spec) {
      if (spec.equals("any") || spec.equals("—")) {
        return EnumSet.allOf(Grade.class);
      }
      Set<Grade> grades = EnumSet.noneOf(Grade.class);
      items(spec)
          .forEach(
              item -> {
                String[] range = item.split("-");
                if (range.length == 1) {
                  grades.add(Grade.valueOf(item));
                } else {
                  grades.addAll(
                      GRADE_ORDER.subList(
                          GRADE_ORDER.indexOf(Grade.valueOf(range[0])),
                          GRADE_ORDER.indexOf(Grade.valueOf(range[1])) + 1));
                }
              });
      return grades;
    }

    private static Set<TumourLocation> locations(String spec) {
      return switch (spec) {
        case "any" -> EnumSet.allOf(TumourLocation.class);
        case "lower" ->
            EnumSet.of(TumourLocation.LOWER_THIRD, TumourLocation.ESOPHAGOGASTRIC_JUNCTION);
        case "upper/middle" -> EnumSet.of(TumourLocation.UPPER_THIRD, TumourLocation.MIDDLE_THIRD);
        case "unknown" -> EnumSet.of(TumourLocation.UNKNOWN);
        default -> throw new IllegalArgumentException("Location column: " + spec);
      };
    }

    private static Stream<String> items(String spec) {
      return Arrays.stream(spec.split(",")).map(String::strip);
    }
  }

  /** Expected outcome of staging, worked out from the transcription. */
  static StagingResult expected(StagingCase input) {
    if (input.epicentreMoreThan2cmIntoStomach()) {
      // Issue 13: staged with the gastric tables (their own transcription), with a note.
      return GastricTablesTranscription.expected(
              input.classification(),
              input.histology() != Histology.OTHER,
              input.t(),
              GastricNCategory.of(input.n()),
              input.m())
          .withNote(StagingNote.STAGED_AS_GASTRIC);
    }
    if (input.histology() == Histology.OTHER) {
      return StagingResult.notDerivable(StagingReason.HISTOLOGY_NOT_STAGED);
    }
    if (input.m() == MCategory.M1) {
      return StagingResult.derived(StageGroup.IVB);
    }
    StagingResult withoutMetastasis = expectedM0(input);
    boolean tOrNReported =
        withoutMetastasis
            .whyNotDerivable()
            .filter(
                reason -> reason == StagingReason.T_UNKNOWN || reason == StagingReason.N_UNKNOWN)
            .isPresent();
    if (input.m() == MCategory.MX && !tOrNReported) {
      return StagingResult.notDerivable(StagingReason.M_UNKNOWN);
    }
    return withoutMetastasis;
  }

  private static StagingResult expectedM0(StagingCase input) {
    List<List<Optional<StageGroup>>> stagesPerTable = new ArrayList<>();
    for (Table table : tablesFor(input.classification(), input.histology())) {
      stagesPerTable.add(
          leavesOf(input.t()).stream()
              .map(t -> table.stage(t, input.n(), input.grade(), input.location()))
              .toList());
    }
    List<Optional<StageGroup>> all = stagesPerTable.stream().flatMap(List::stream).toList();
    Set<Optional<StageGroup>> distinct = new LinkedHashSet<>(all);
    if (distinct.size() == 1 && all.get(0).isPresent()) {
      return StagingResult.derived(all.get(0).get());
    }
    if (input.t() == TCategory.TX) {
      return StagingResult.notDerivable(StagingReason.T_UNKNOWN);
    }
    if (all.stream().anyMatch(Optional::isEmpty)) {
      return StagingResult.notDerivable(
          input.n() == NCategory.NX ? StagingReason.N_UNKNOWN : StagingReason.NOT_IN_TABLE);
    }
    boolean subcategoryMatters =
        stagesPerTable.stream().anyMatch(stages -> Set.copyOf(stages).size() > 1);
    return StagingResult.notDerivable(
        subcategoryMatters ? StagingReason.T_SUBCATEGORY_NEEDED : StagingReason.HISTOLOGY_UNKNOWN);
  }
}
