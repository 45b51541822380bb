package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dataset ZIP of the demo series comes with R, Stata and SPSS scripts; R (where installed, and
 * always under CI=true) runs the R script on the unzipped files and finds the variable labels, the
 * value labels of the coded variables (in the export's language) and the types.
 */
@IntegrationTest
class AnalysisScriptIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired HospitalSiteRepository sites;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path folder;

  private Map<String, byte[]> demoDataset(String language) throws Exception {
    Account coordinator =
        testAccounts.account(
            Role.COORDINATOR,
            sites.findByCodeIgnoreCase("BVE").orElseThrow(),
            sites.findByCodeIgnoreCase("BVTN").orElseThrow());
    long series =
        jdbc.queryForObject(
            "select id from case_series where title = ?",
            Long.class,
            ReportGoldenIntegrationTest.DEMO_TITLE);
    byte[] zip =
        mvc.perform(
                get("/series/" + series + "/reports/dataset.zip")
                    .param("lang", language)
                    .with(user(TestAccounts.principal(coordinator))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    return ReportTestSupport.unzip(zip);
  }

  @Test
  void everyExportHoldsTheThreeScriptsWithTheLabelsOfEveryCodedVariable() throws Exception {
    Map<String, byte[]> zip = demoDataset("en");
    assertThat(zip).containsKeys("analysis.R", "analysis.do", "analysis.sps");
    String r = text(zip, "analysis.R");
    String stata = text(zip, "analysis.do");
    String spss = text(zip, "analysis.sps");
    assertThat(r)
        .contains("cases[[\"sex\"]] <- factor(cases[[\"sex\"]], levels = c(\"MALE\", \"FEMALE\"")
        .contains("cases[[\"age_years\"]] <- as.integer(cases[[\"age_years\"]])")
        .contains("read.csv(\"complications.csv\"");
    assertThat(stata)
        .contains("import delimited using \"cases.csv\"")
        .contains("label define l_sex 1 `\"Male\"' 2 `\"Female\"'")
        .contains("label values sex l_sex");
    assertThat(spss)
        .contains("GET DATA /TYPE=TXT /FILE='cases.csv'")
        .contains("RECODE sex ('MALE'=1) ('FEMALE'=2)")
        .contains("VALUE LABELS n_sex 1 'Male' 2 'Female'");
    assertThat(text(demoDataset("vi"), "analysis.R")).contains("\"Nam\"");
  }

  @Test
  void rReadsTheDemoDatasetWithItsLabels() throws Exception {
    Path rscript = rscript();
    for (Map.Entry<String, byte[]> entry : demoDataset("en").entrySet()) {
      Files.write(folder.resolve(entry.getKey()), entry.getValue());
    }
    Files.writeString(
        folder.resolve("check.R"),
        String.join(
            "\n",
            "source(\"analysis.R\")",
            "cat(\"rows=\", nrow(cases), \"\\n\", sep = \"\")",
            "cat(\"sex_label=\", attr(cases$sex, \"label\"), \"\\n\", sep = \"\")",
            "cat(\"sex_class=\", class(cases$sex), \"\\n\", sep = \"\")",
            "cat(\"sex_levels=\", paste(levels(cases$sex), collapse = \"|\"), \"\\n\", sep = \"\")",
            "cat(\"age_class=\", class(cases$age_years), \"\\n\", sep = \"\")",
            "cat(\"mean_age=\", mean(cases$age_at_surgery), \"\\n\", sep = \"\")",
            "cat(\"pn_bn6=\", as.character(cases$pn[cases$study_code == \"BN6\"]), \"\\n\","
                + " sep = \"\")",
            "cat(\"pn_missing=\", paste(attr(cases$pn, \"missing_codes\"), collapse = \"|\"),"
                + " \"\\n\", sep = \"\")",
            ""),
        StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(rscript.toString(), "--vanilla", "check.R")
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("Rscript finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("rows=6")
        .contains("sex_label=Sex")
        .contains("sex_class=factor")
        .contains("sex_levels=Male|Female")
        .contains("age_class=integer")
        .contains("mean_age=57.5")
        .contains("pn_missing=");
    assertThat(output).containsPattern("pn_bn6=\\S*N2");
  }

  /** Rscript, or the test is skipped with a loud message; under CI=true it fails instead. */
  private static Path rscript() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, "Rscript");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String missing = "Rscript not found (Debian package r-base-core)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(
          "The R script test cannot run (CI=true, so it may not be skipped): " + missing);
    }
    System.err.println("SKIPPED: " + missing);
    Assumptions.abort(missing);
    return null;
  }

  private static String text(Map<String, byte[]> zip, String name) throws IOException {
    return new String(zip.get(name), StandardCharsets.UTF_8);
  }
}
