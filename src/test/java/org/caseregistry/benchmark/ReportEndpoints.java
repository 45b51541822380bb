package org.caseregistry.benchmark;

import java.util.List;

/** The report and export endpoints the benchmark measures. */
final class ReportEndpoints {

  static final String SUMMARY_VARIABLES =
      "vars=age_at_surgery&vars=sex&vars=bmi&vars=asa_class&vars=histology&vars=abdominal_approach"
          + "&vars=conduit_time_min&vars=length_of_stay_days&vars=cci&vars=pathological_stage";

  private ReportEndpoints() {}

  static List<RegistryBenchmark.Endpoint> of(long bigSeries, long smallSeries, long oneSite) {
    String reports = "/series/" + bigSeries + "/reports";
    return List.of(
        new RegistryBenchmark.Endpoint(
            "summary table, 10 variables by site, whole large series",
            reports + "/summary?" + SUMMARY_VARIABLES + "&group=site",
            "≤ 500 ms and ≤ 2× direct SQL",
            false),
        new RegistryBenchmark.Endpoint(
            "summary table, 10 variables, one site",
            reports + "/summary?" + SUMMARY_VARIABLES + "&site=" + oneSite,
            "",
            false),
        new RegistryBenchmark.Endpoint(
            "per-patient tables (Tables 1–3), 30-case series",
            "/series/" + smallSeries + "/reports/patients",
            "",
            false),
        new RegistryBenchmark.Endpoint(
            "data-quality page, large series", reports + "/quality", "", false),
        new RegistryBenchmark.Endpoint(
            "dashboard page, large series",
            "/series/" + bigSeries + "/dashboard",
            "≤ 500 ms (report targets)",
            false),
        new RegistryBenchmark.Endpoint(
            "dashboard survival chart (SVG), large series",
            "/series/" + bigSeries + "/dashboard/charts/overall-survival.svg",
            "",
            false),
        new RegistryBenchmark.Endpoint(
            "dataset export, CSV (ZIP), large series",
            reports + "/dataset.zip",
            "≤ 10 s, heap ≤ 256 MB",
            true),
        new RegistryBenchmark.Endpoint(
            "dataset export, CSV + XLSX (ZIP), large series",
            reports + "/dataset.zip?xlsx=true",
            "",
            true),
        new RegistryBenchmark.Endpoint(
            "summary table export, XLSX",
            reports + "/summary.xlsx?" + SUMMARY_VARIABLES + "&group=site",
            "",
            true));
  }
}
