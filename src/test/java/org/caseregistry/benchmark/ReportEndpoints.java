package org.caseregistry.benchmark;

import java.util.List;

/** The report and export endpoints the benchmark measures. */
final class ReportEndpoints {

  private ReportEndpoints() {}

  static List<RegistryBenchmark.Endpoint> of(long bigSeries, long smallSeries, long oneSite) {
    return List.of();
  }
}
