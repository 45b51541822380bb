package org.caseregistry.importing;

/** The 10,000-case workbook of {@link ImportPerformanceIntegrationTest}, for the benchmark. */
public final class ImportBenchmarkFiles {

  private ImportBenchmarkFiles() {}

  /** 10,000 new cases (study codes P1 to P10000) at two sites, every sheet filled. */
  public static byte[] tenThousandCases(String siteA, String siteB) {
    return ImportFiles.xlsx(ImportPerformanceIntegrationTest.generate(siteA, siteB));
  }
}
