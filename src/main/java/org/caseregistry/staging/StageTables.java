package org.caseregistry.staging;

import static org.caseregistry.staging.Grade.G1;
import static org.caseregistry.staging.Grade.G2;
import static org.caseregistry.staging.Grade.G3;
import static org.caseregistry.staging.Grade.GX;
import static org.caseregistry.staging.NCategory.N0;
import static org.caseregistry.staging.NCategory.N1;
import static org.caseregistry.staging.NCategory.N2;
import static org.caseregistry.staging.NCategory.N3;
import static org.caseregistry.staging.NCategory.NX;
import static org.caseregistry.staging.StageGroup.I;
import static org.caseregistry.staging.StageGroup.IA;
import static org.caseregistry.staging.StageGroup.IB;
import static org.caseregistry.staging.StageGroup.IC;
import static org.caseregistry.staging.StageGroup.II;
import static org.caseregistry.staging.StageGroup.IIA;
import static org.caseregistry.staging.StageGroup.IIB;
import static org.caseregistry.staging.StageGroup.III;
import static org.caseregistry.staging.StageGroup.IIIA;
import static org.caseregistry.staging.StageGroup.IIIB;
import static org.caseregistry.staging.StageGroup.IVA;
import static org.caseregistry.staging.StageGroup.STAGE_0;
import static org.caseregistry.staging.TCategory.T0;
import static org.caseregistry.staging.TCategory.T1;
import static org.caseregistry.staging.TCategory.T1A;
import static org.caseregistry.staging.TCategory.T1B;
import static org.caseregistry.staging.TCategory.T2;
import static org.caseregistry.staging.TCategory.T3;
import static org.caseregistry.staging.TCategory.T4A;
import static org.caseregistry.staging.TCategory.T4B;
import static org.caseregistry.staging.TCategory.TIS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The AJCC 8th edition stage tables for esophagus and esophagogastric junction, M0, transcribed row
 * by row from docs/domain.md. M1 (stage IVB in every table) is applied before the tables.
 */
final class StageTables {

  /** "T0–T2" and similar ranges run in this order; Tis lies between T0 and T1. */
  private static final List<TCategory> T_ORDER = List.of(T0, TIS, T1A, T1B, T2, T3, T4A, T4B);

  private static final Set<TCategory> ANY_T = Set.copyOf(T_ORDER);
  private static final Set<NCategory> N0_TO_N1 = EnumSet.of(N0, N1);
  private static final Set<NCategory> N0_TO_N2 = EnumSet.of(N0, N1, N2);
  private static final Set<NCategory> N1_TO_N2 = EnumSet.of(N1, N2);
  private static final Set<Grade> ANY_GRADE = EnumSet.allOf(Grade.class);
  private static final Set<TumourLocation> ANY_LOCATION = EnumSet.allOf(TumourLocation.class);

  /** The squamous pathological table counts the esophagogastric junction as lower. */
  private static final Set<TumourLocation> LOWER =
      EnumSet.of(TumourLocation.LOWER_THIRD, TumourLocation.ESOPHAGOGASTRIC_JUNCTION);

  private static final Set<TumourLocation> UPPER_OR_MIDDLE =
      EnumSet.of(TumourLocation.UPPER_THIRD, TumourLocation.MIDDLE_THIRD);

  static final StageTable CLINICAL_SQUAMOUS =
      new StageTable(
          "clinical, squamous",
          rows(
              row(t(TIS), n(N0), STAGE_0),
              row(t(T1), N0_TO_N1, I),
              row(t(T2), N0_TO_N1, II),
              row(t(T3), n(N0), II),
              row(t(T3), n(N1), III),
              row(tRange(T1A, T3), n(N2), III),
              row(t(T4A, T4B), N0_TO_N2, IVA),
              row(ANY_T, n(N3), IVA)));

  static final StageTable CLINICAL_ADENOCARCINOMA =
      new StageTable(
          "clinical, adenocarcinoma",
          rows(
              row(t(TIS), n(N0), STAGE_0),
              row(t(T1), n(N0), I),
              row(t(T1), n(N1), IIA),
              row(t(T2), n(N0), IIB),
              row(t(T2), n(N1), III),
              row(tRange(T3, T4A), N0_TO_N1, III),
              row(tRange(T1A, T4A), n(N2), IVA),
              row(t(T4B), N0_TO_N2, IVA),
              row(ANY_T, n(N3), IVA)));

  static final StageTable PATHOLOGICAL_SQUAMOUS =
      new StageTable(
          "pathological, squamous",
          rows(
              row(t(TIS), n(N0), STAGE_0),
              row(t(T1A), n(N0), grades(G1, GX), IA),
              row(t(T1A), n(N0), grades(G2, G3), IB),
              row(t(T1B), n(N0), IB),
              row(t(T2), n(N0), grades(G1), IB),
              row(t(T2), n(N0), grades(G2, G3, GX), IIA),
              // G1 comes before "location unknown": it is IIA wherever the tumour lies.
              row(t(T3), n(N0), grades(G1), IIA),
              row(t(T3), n(N0), grades(G2, G3), LOWER, IIA),
              row(t(T3), n(N0), grades(G2, G3), UPPER_OR_MIDDLE, IIB),
              row(t(T3), n(N0), grades(GX), IIB),
              row(t(T3), n(N0), ANY_GRADE, Set.of(TumourLocation.UNKNOWN), IIB),
              row(t(T1), n(N1), IIB),
              row(t(T1), n(N2), IIIA),
              row(t(T2), n(N1), IIIA),
              row(t(T2), n(N2), IIIB),
              row(t(T3), N1_TO_N2, IIIB),
              row(t(T4A), N0_TO_N1, IIIB),
              row(t(T4A), n(N2), IVA),
              row(t(T4B), N0_TO_N2, IVA),
              row(ANY_T, n(N3), IVA)));

  static final StageTable PATHOLOGICAL_ADENOCARCINOMA =
      new StageTable(
          "pathological, adenocarcinoma",
          rows(
              row(t(TIS), n(N0), STAGE_0),
              row(t(T1A), n(N0), grades(G1, GX), IA),
              row(t(T1A), n(N0), grades(G2), IB),
              row(t(T1B), n(N0), grades(G1, G2, GX), IB),
              row(t(T1), n(N0), grades(G3), IC),
              row(t(T2), n(N0), grades(G1, G2), IC),
              row(t(T2), n(N0), grades(G3, GX), IIA),
              row(t(T1), n(N1), IIB),
              row(t(T3), n(N0), IIB),
              row(t(T1), n(N2), IIIA),
              row(t(T2), n(N1), IIIA),
              row(t(T2), n(N2), IIIB),
              row(t(T3), N1_TO_N2, IIIB),
              row(t(T4A), N0_TO_N1, IIIB),
              row(t(T4A), n(N2), IVA),
              row(t(T4B), N0_TO_N2, IVA),
              row(ANY_T, n(N3), IVA)));

  /** One table for both histologies, without grade. */
  static final StageTable POST_NEOADJUVANT =
      new StageTable(
          "post-neoadjuvant",
          rows(
              row(tRange(T0, T2), n(N0), I),
              row(t(T3), n(N0), II),
              row(tRange(T0, T2), n(N1), IIIA),
              row(t(T3), n(N1), IIIB),
              row(tRange(T0, T3), n(N2), IIIB),
              row(t(T4A), n(N0), IIIB),
              // The one row where an unknown category still gives a stage.
              row(t(T4A), n(N1, N2, NX), IVA),
              row(t(T4B), N0_TO_N2, IVA),
              row(ANY_T, n(N3), IVA)));

  private StageTables() {}

  static StageTable table(StagePrefix classification, TableFamily family) {
    return switch (classification) {
      case C -> family == TableFamily.SQUAMOUS ? CLINICAL_SQUAMOUS : CLINICAL_ADENOCARCINOMA;
      case P ->
          family == TableFamily.SQUAMOUS ? PATHOLOGICAL_SQUAMOUS : PATHOLOGICAL_ADENOCARCINOMA;
      case YP -> POST_NEOADJUVANT;
    };
  }

  private static List<StageTable.Row> rows(StageTable.Row... rows) {
    return List.of(rows);
  }

  private static StageTable.Row row(Set<TCategory> t, Set<NCategory> n, StageGroup stage) {
    return row(t, n, ANY_GRADE, ANY_LOCATION, stage);
  }

  private static StageTable.Row row(
      Set<TCategory> t, Set<NCategory> n, Set<Grade> grades, StageGroup stage) {
    return row(t, n, grades, ANY_LOCATION, stage);
  }

  private static StageTable.Row row(
      Set<TCategory> t,
      Set<NCategory> n,
      Set<Grade> grades,
      Set<TumourLocation> locations,
      StageGroup stage) {
    return new StageTable.Row(t, n, grades, locations, stage);
  }

  /** The categories, with T1 and T4 standing for both their sub-categories. */
  private static Set<TCategory> t(TCategory... categories) {
    return Set.copyOf(
        Stream.of(categories).flatMap(category -> category.subcategories().stream()).toList());
  }

  /** From {@code first} to {@code last} inclusive, in {@link #T_ORDER}. */
  private static Set<TCategory> tRange(TCategory first, TCategory last) {
    return Set.copyOf(T_ORDER.subList(T_ORDER.indexOf(first), T_ORDER.indexOf(last) + 1));
  }

  private static Set<NCategory> n(NCategory... categories) {
    return Set.copyOf(Arrays.asList(categories));
  }

  private static Set<Grade> grades(Grade... grades) {
    return Set.copyOf(Arrays.asList(grades));
  }
}
