package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report tables as JSON give every statistic as a number too (n, mean, sd, median, q1, q3, min,
 * max, count, percent, denominator), so that a script never parses "57.5 (6.3)".
 */
@IntegrationTest
class ReportJsonNumbersIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired HospitalSiteRepository sites;
  @Autowired ApiTestTokens tokens;
  @Autowired JdbcTemplate jdbc;

  private JsonNode report(String path) throws Exception {
    String token =
        tokens.issue(
            testAccounts.account(
                Role.COORDINATOR,
                sites.findByCodeIgnoreCase("BVE").orElseThrow(),
                sites.findByCodeIgnoreCase("BVTN").orElseThrow()));
    long series =
        jdbc.queryForObject(
            "select id from case_series where title = ?",
            Long.class,
            ReportGoldenIntegrationTest.DEMO_TITLE);
    String json =
        mvc.perform(
                MockMvcRequestBuilders.get("/api/v1/series/" + series + "/reports" + path)
                    .with(bearer(token)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonMapper.builder().build().readTree(json);
  }

  private static List<JsonNode> cells(JsonNode node) {
    List<JsonNode> found = new ArrayList<>();
    if (node.isObject() && node.has("text") && node.has("decimals")) {
      found.add(node);
    }
    for (JsonNode child : node) {
      found.addAll(cells(child));
    }
    return found;
  }

  @Test
  void summaryCellsCarryTheirStatisticsAsNumbers() throws Exception {
    List<JsonNode> cells = cells(report("/summary?vars=age_at_surgery,sex"));
    JsonNode meanSd =
        cells.stream().filter(c -> c.path("values").has("sd")).findFirst().orElseThrow();
    assertThat(meanSd.get("text").asString()).isEqualTo("57.5 (6.3)");
    assertThat(meanSd.get("values").get("mean").decimalValue()).isEqualByComparingTo("57.5");
    assertThat(meanSd.get("values").get("n").asInt()).isEqualTo(6);
    assertThat(meanSd.get("values").get("sd").asDouble()).isBetween(6.25, 6.35);
    JsonNode median =
        cells.stream().filter(c -> c.path("values").has("median")).findFirst().orElseThrow();
    assertThat(median.get("values").has("q1")).isTrue();
    assertThat(median.get("values").has("q3")).isTrue();
    JsonNode range =
        cells.stream().filter(c -> c.path("values").has("max")).findFirst().orElseThrow();
    assertThat(range.get("values").has("min")).isTrue();
    JsonNode category =
        cells.stream().filter(c -> c.path("values").has("percent")).findFirst().orElseThrow();
    assertThat(category.get("values").get("denominator").asInt()).isEqualTo(6);
    assertThat(category.get("values").get("count").asInt()).isPositive();
  }

  @Test
  void perPatientOverallCellsCarryTheirStatisticsAsNumbers() throws Exception {
    List<JsonNode> cells = cells(report("/patients"));
    List<JsonNode> means = cells.stream().filter(c -> c.path("values").has("mean")).toList();
    assertThat(means)
        .anySatisfy(
            cell -> {
              assertThat(cell.get("values").get("mean").decimalValue())
                  .isEqualByComparingTo("57.5");
              assertThat(cell.get("values").get("n").asInt()).isEqualTo(6);
            });
    List<JsonNode> counts =
        cells.stream().filter(c -> c.path("values").has("denominator")).toList();
    assertThat(counts).isNotEmpty();
    assertThat(counts)
        .allSatisfy(cell -> assertThat(cell.get("text").asString()).matches("\\d+/\\d+"));
  }
}
