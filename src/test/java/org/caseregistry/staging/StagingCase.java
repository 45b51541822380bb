package org.caseregistry.staging;

import java.util.ArrayList;
import java.util.List;

/**
 * One input to staging, whatever the classification, so that tests can run over every combination.
 * Clinical and yp staging take no grade or location: their cases carry GX and UNKNOWN, unused.
 */
record StagingCase(
    StagePrefix classification,
    Histology histology,
    TCategory t,
    NCategory n,
    MCategory m,
    Grade grade,
    TumourLocation location,
    boolean epicentreMoreThan2cmIntoStomach) {

  static StagingCase clinical(Histology histology, TCategory t, NCategory n, MCategory m) {
    return new StagingCase(
        StagePrefix.C, histology, t, n, m, Grade.GX, TumourLocation.UNKNOWN, false);
  }

  static StagingCase pathological(
      Histology histology,
      TCategory t,
      NCategory n,
      MCategory m,
      Grade grade,
      TumourLocation location) {
    return new StagingCase(StagePrefix.P, histology, t, n, m, grade, location, false);
  }

  static StagingCase postNeoadjuvant(Histology histology, TCategory t, NCategory n, MCategory m) {
    return new StagingCase(
        StagePrefix.YP, histology, t, n, m, Grade.GX, TumourLocation.UNKNOWN, false);
  }

  /** Every combination of every value the classification's input takes. */
  static List<StagingCase> all(StagePrefix classification) {
    boolean pathological = classification == StagePrefix.P;
    List<Grade> grades = pathological ? List.of(Grade.values()) : List.of(Grade.GX);
    List<TumourLocation> locations =
        pathological ? List.of(TumourLocation.values()) : List.of(TumourLocation.UNKNOWN);
    List<StagingCase> cases = new ArrayList<>();
    for (Histology histology : Histology.values()) {
      for (TCategory t : TCategory.values()) {
        for (NCategory n : NCategory.values()) {
          for (MCategory m : MCategory.values()) {
            for (Grade grade : grades) {
              for (TumourLocation location : locations) {
                for (boolean gastric : List.of(false, true)) {
                  cases.add(
                      new StagingCase(
                          classification, histology, t, n, m, grade, location, gastric));
                }
              }
            }
          }
        }
      }
    }
    return cases;
  }

  static List<StagingCase> all() {
    List<StagingCase> cases = new ArrayList<>();
    for (StagePrefix classification : StagePrefix.values()) {
      cases.addAll(all(classification));
    }
    return cases;
  }

  StagingCase with(Histology histology) {
    return new StagingCase(
        classification, histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach);
  }

  StagingCase with(TCategory t) {
    return new StagingCase(
        classification, histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach);
  }

  StagingCase with(NCategory n) {
    return new StagingCase(
        classification, histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach);
  }

  StagingCase with(Grade grade) {
    return new StagingCase(
        classification, histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach);
  }

  StagingCase with(TumourLocation location) {
    return new StagingCase(
        classification, histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach);
  }

  /** Runs the production code. */
  StagingResult stage() {
    return switch (classification) {
      case C ->
          EsophagusStaging.clinical(
              new ClinicalStagingInput(histology, t, n, m, epicentreMoreThan2cmIntoStomach));
      case P ->
          EsophagusStaging.pathological(
              new PathologicalStagingInput(
                  histology, t, n, m, grade, location, epicentreMoreThan2cmIntoStomach));
      case YP ->
          EsophagusStaging.postNeoadjuvant(
              new PostNeoadjuvantStagingInput(histology, t, n, m, epicentreMoreThan2cmIntoStomach));
    };
  }

  @Override
  public String toString() {
    String tnm = classification.code() + t.code() + n.code() + m.code() + " " + histology.code();
    String details =
        classification == StagePrefix.P ? " " + grade.code() + " " + location.code() : "";
    return tnm + details + (epicentreMoreThan2cmIntoStomach ? " epicentre >2 cm into stomach" : "");
  }
}
