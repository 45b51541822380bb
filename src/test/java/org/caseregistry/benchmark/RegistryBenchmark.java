package org.caseregistry.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.importing.ImportBenchmarkFiles;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.series.FormService;
import org.caseregistry.testing.StatementCounter;
import org.caseregistry.testing.TestDatabaseConfiguration;
import org.caseregistry.testing.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry at scale: fills it with synthetic cases (default 100,000 across 20 sites and 3
 * series, plus a 30-case series) and prints latency percentiles under concurrent clients, SQL
 * statements per request, export time and heap, and the overhead of the summary over a direct SQL
 * query. Not a test: run it with {@code ./mvnw verify -Pbenchmark} (see README), which gives this
 * JVM, the application's, a 256 MB heap.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.DATABASE,
      "registry.demo-data.enabled=false",
      "logging.level.root=WARN"
    })
@Import(TestDatabaseConfiguration.class)
class RegistryBenchmark {

  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
  private static final int REQUESTS_PER_CLIENT = Integer.getInteger("benchmark.requests", 40);

  /**
   * Requests sent before a measurement under several clients, unmeasured, so that it measures the
   * warm server a registry runs on for weeks and not the JIT compiling the page's code paths (with
   * 5 warm-up requests the compiler threads took about a quarter of the measured CPU, JFR). The
   * one-client report rows keep 5: each of their requests is long, and the load rows ran before.
   */
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 200);

  /** Requests per report measurement (one client): fewer make a 1,000,000-case run shorter. */
  private static final int REPORT_REQUESTS = Integer.getInteger("benchmark.report-requests", 10);

  /**
   * {@code -Dbenchmark.only=list}: only the case list and search rows (a quick look at the page's
   * cost, e.g. while profiling); {@code -Dbenchmark.only=summary}: only the summary rows (the two
   * summary tables, the custom-field comparison, the direct SQL); {@code
   * -Dbenchmark.only=dashboard}: only the dashboard rows; without it, every row.
   */
  private static final boolean LIST_ONLY = "list".equals(System.getProperty("benchmark.only"));

  private static final boolean SUMMARY_ONLY =
      "summary".equals(System.getProperty("benchmark.only"));

  private static final boolean DASHBOARD_ONLY =
      "dashboard".equals(System.getProperty("benchmark.only"));

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestAccounts testAccounts;
  @Autowired StatementCounter statements;
  @Autowired ImportService importService;
  @Autowired FormService formService;

  private final List<String> report = new ArrayList<>();
  private CpuClock cpu;

  @Test
  void run() throws Exception {
    cpu = new CpuClock(jdbc);
    int cases = Integer.getInteger("benchmark.cases", 100_000);
    int sites = Integer.getInteger("benchmark.sites", 20);
    int series = Integer.getInteger("benchmark.series", 3);
    line("# Registry benchmark");
    line("");
    line(
        "Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB, Java "
            + System.getProperty("java.version")
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", PostgreSQL "
            + jdbc.queryForObject("show server_version", String.class));
    SyntheticRegistry.Generated generated =
        new SyntheticRegistry(dataSource, new SyntheticRegistry.Layout(cases, sites, series, 42))
            .generate(30);
    line(
        String.format(
            Locale.ROOT,
            "Generated %,d cases (%d sites, %d series + a 30-case series) in %.1f s (%,.0f"
                + " cases/s)",
            generated.cases(),
            sites,
            series,
            generated.millis() / 1000.0,
            generated.cases() * 1000.0 / generated.millis()));
    line("");

    String password = TestAccounts.PASSWORD;
    String admin = testAccounts.account(Role.ADMIN).getUsername();
    long bigSeries = generated.seriesIds().get(0);
    long smallSeries = generated.smallSeriesId();
    long oneSite = generated.siteIds().get(0);
    long seriesCases =
        jdbc.queryForObject(
            "select count(*) from surgical_case where series_id = ?", Long.class, bigSeries);

    line(
        "| measurement | p50 ms | p95 ms | max ms | req/s | CPU ms/req app + DB (JVM allocation) |"
            + " target | met | SQL statements per request |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
    if (!SUMMARY_ONLY && !DASHBOARD_ONLY) {
      caseListRows(admin, password, bigSeries, seriesCases);
    }
    if (LIST_ONLY) {
      publish();
      return;
    }
    summaryAndReportRows(admin, password, bigSeries, smallSeries, oneSite, series);
    // Last, so that every figure above is of the same cases; the table is written before it too,
    // so that the figures above survive whatever happens to the import. On by default since the
    // import reads, judges and writes in chunks (-Dbenchmark.import=false leaves it out).
    publish();
    if (!SUMMARY_ONLY
        && !DASHBOARD_ONLY
        && !"false".equals(System.getProperty("benchmark.import"))) {
      line("| measurement | | | | | | | | SQL statements (dry run + commit) |");
      line("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
      importInto(bigSeries, generated.siteIds());
      publish();
    }
  }

  private void caseListRows(String admin, String password, long bigSeries, long seriesCases)
      throws Exception {
    latency(
        "case list page (" + seriesCases + " cases in the series, random pages)",
        admin,
        password,
        i -> "/series/" + bigSeries + "/cases?page=" + (1 + (i * 7919) % 50),
        "p95 ≤ 50 ms");
    latency(
        "study-code search",
        admin,
        password,
        i -> "/series/" + bigSeries + "/cases?q=BN" + (1 + (i * 104729) % 9999),
        "p95 ≤ 50 ms");
  }

  private void summaryAndReportRows(
      String admin, String password, long bigSeries, long smallSeries, long oneSite, int series)
      throws Exception {
    long firstCase =
        jdbc.queryForObject(
            "select min(id) from surgical_case where series_id = ?", Long.class, bigSeries);
    if (!SUMMARY_ONLY && !DASHBOARD_ONLY) {
      latency("case page", admin, password, i -> "/cases/" + (firstCase + i * series), "");
      sectionSaves(admin, password, firstCase, series);
    }
    for (Endpoint endpoint : ReportEndpoints.of(bigSeries, smallSeries, oneSite)) {
      if (SUMMARY_ONLY && !endpoint.name().startsWith("summary table,")
          || DASHBOARD_ONLY && !endpoint.name().startsWith("dashboard")) {
        continue;
      }
      if (endpoint.export()) {
        export(endpoint, admin, password);
      } else {
        // Reports are measured one request at a time: their targets are for a single request.
        latency(
            endpoint.name(),
            admin,
            password,
            i -> endpoint.path(),
            endpoint.target(),
            1,
            REPORT_REQUESTS);
      }
    }
    if (DASHBOARD_ONLY) {
      return;
    }
    // Issue #11: the same summary over ten custom fields holding the same values (target ≤ 1.5×).
    CustomFieldsBenchmark.prepare(jdbc, formService, bigSeries);
    String reports = "/series/" + bigSeries + "/reports/summary?";
    List<Long> builtIn =
        latency(
            "summary table, 10 built-in variables by site (for the custom comparison)",
            admin,
            password,
            i -> reports + ReportEndpoints.SUMMARY_VARIABLES + "&group=site",
            "",
            1,
            REPORT_REQUESTS);
    List<Long> custom =
        latency(
            "summary table, 10 custom fields by site, the same values",
            admin,
            password,
            i -> reports + CustomFieldsBenchmark.SUMMARY_VARIABLES + "&group=site",
            "",
            1,
            REPORT_REQUESTS);
    double ratio = percentile(custom, 50) / Math.max(1, percentile(builtIn, 50));
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Custom fields against built-in variables, summary p50: %.1f ms against %.1f ms,"
                + " ratio %.2f (target ≤ 1.5: %s).",
            percentile(custom, 50),
            percentile(builtIn, 50),
            ratio,
            ratio <= 1.5 ? "met" : "missed"));
    line("");
    directSql(bigSeries);
    line("");
  }

  private void publish() throws IOException {
    Path out = Path.of("target/benchmark-results.md");
    Files.write(out, report);
    System.out.println(String.join(System.lineSeparator(), report));
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** An endpoint the benchmark measures; the report and export endpoints list themselves. */
  record Endpoint(String name, String path, String target, boolean export) {}

  private void latency(
      String name, String user, String password, IntFunction<String> path, String target)
      throws Exception {
    latency(name, user, password, path, target, CLIENTS, REQUESTS_PER_CLIENT);
  }

  private List<Long> latency(
      String name,
      String user,
      String password,
      IntFunction<String> path,
      String target,
      int clientCount,
      int requestsPerClient)
      throws Exception {
    Session warm = signIn(user, password);
    int warmup = clientCount > 1 ? WARMUP : Math.min(5, requestsPerClient);
    for (int i = 0; i < warmup; i++) {
      warm.get(path.apply(i));
    }
    statements.reset();
    warm.get(path.apply(1));
    long perRequest = statements.count();
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clientCount);
    long began;
    long ended;
    long appCpu;
    long allocated;
    long databaseCpu;
    try {
      List<Callable<Void>> clients = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        int client = c;
        Session session = signIn(user, password);
        clients.add(
            () -> {
              for (int r = 0; r < requestsPerClient; r++) {
                String next = path.apply(client * requestsPerClient + r);
                long start = System.nanoTime();
                int status = session.get(next);
                times.add((System.nanoTime() - start) / 1_000);
                if (status != 200) {
                  throw new IllegalStateException(name + " answered " + status);
                }
              }
              return null;
            });
      }
      appCpu = cpu.applicationNanos();
      databaseCpu = cpu.databaseNanos();
      allocated = cpu.allocatedBytes();
      began = System.nanoTime();
      for (Future<Void> future : pool.invokeAll(clients)) {
        future.get();
      }
      ended = System.nanoTime();
      appCpu = cpu.applicationNanos() - appCpu;
      databaseCpu = databaseCpu < 0 ? -1 : cpu.databaseNanos() - databaseCpu;
      allocated = cpu.allocatedBytes() - allocated;
    } finally {
      pool.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    line(
        String.format(
            Locale.ROOT,
            "| %s (%d client%s × %d) | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %d |",
            name,
            clientCount,
            clientCount == 1 ? "" : "s",
            requestsPerClient,
            percentile(sorted, 50),
            percentile(sorted, 95),
            sorted.get(sorted.size() - 1) / 1000.0,
            sorted.size() * 1e9 / (ended - began),
            cpuPerRequest(appCpu, databaseCpu, sorted.size())
                + String.format(Locale.ROOT, " (%,d KB)", allocated / 1024 / sorted.size()),
            target,
            met(target, percentile(sorted, 50), percentile(sorted, 95)),
            perRequest));
    return sorted;
  }

  private void export(Endpoint endpoint, String user, String password) throws Exception {
    Session session = signIn(user, password);
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    statements.reset();
    long start = System.nanoTime();
    HttpResponse<Path> response = session.download(endpoint.path());
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long bytes = Files.size(response.body());
    Files.deleteIfExists(response.body());
    line(
        String.format(
            Locale.ROOT,
            "| %s: %.1f s, %,d bytes, status %d, peak heap %d MB (of %d MB max) | | | | | | %s | |"
                + " %d |",
            endpoint.name(),
            seconds,
            bytes,
            response.statusCode(),
            peak / (1024 * 1024),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            endpoint.target(),
            statements.count()));
  }

  /** A 10,000-case workbook checked and then imported into the large series, in this JVM. */
  private void importInto(long seriesId, List<Long> siteIds) {
    String siteA =
        jdbc.queryForObject(
            "select code from hospital_site where id = ?", String.class, siteIds.get(0));
    String siteB =
        jdbc.queryForObject(
            "select code from hospital_site where id = ?", String.class, siteIds.get(1));
    byte[] file = ImportBenchmarkFiles.tenThousandCases(siteA, siteB);
    CurrentAccount account = new CurrentAccount(0, "benchmark", "Benchmark", Role.ADMIN, Set.of());
    statements.reset();
    HeapWatch checkHeap = HeapWatch.start();
    long start = System.nanoTime();
    ImportReport checked = importService.check(seriesId, "10k.xlsx", file, false, account);
    long checkedAt = System.nanoTime();
    checkHeap.close();
    long checkStatements = statements.count();
    HeapWatch commitHeap = HeapWatch.start();
    long commitStart = System.nanoTime();
    ImportReport written = importService.commit(seriesId, "10k.xlsx", file, false, account);
    long end = System.nanoTime();
    commitHeap.close();
    line(
        String.format(
            Locale.ROOT,
            "| import of 10,000 new cases (XLSX, %,d bytes, every sheet) into the large series: dry"
                + " run %.1f s (%d problems, %,d new), heap %d MB before, at most %d MB used, %d MB"
                + " held after a collection; commit %.1f s (%s), %d MB used, %d MB held (of %d MB"
                + " max) | | | | | | heap ≤ 256 MB | %s | %d + %d |",
            file.length,
            (checkedAt - start) / 1e9,
            checked.problems().size(),
            checked.newCases(),
            checkHeap.beforeMb(),
            checkHeap.peakUsedMb(),
            checkHeap.peakLiveMb(),
            (end - commitStart) / 1e9,
            written.written() ? "written" : "refused",
            commitHeap.peakUsedMb(),
            commitHeap.peakLiveMb(),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            written.written() && checked.problems().isEmpty() ? "met" : "missed",
            checkStatements,
            statements.count() - checkStatements));
  }

  /** "app + DB" CPU milliseconds per request, the database's share left out when unknown. */
  private static String cpuPerRequest(long appNanos, long databaseNanos, int requests) {
    String app = String.format(Locale.ROOT, "%.1f", appNanos / 1e6 / requests);
    return databaseNanos < 0
        ? app
        : app + " + " + String.format(Locale.ROOT, "%.1f", databaseNanos / 1e6 / requests);
  }

  /**
   * Whether a latency target written as "p95 ≤ N ms" or "≤ N ms" (the median) is met; blank for
   * targets not of that form.
   */
  static String met(String target, double p50, double p95) {
    Matcher matcher = Pattern.compile("(p95 )?≤ ([0-9]+) ms").matcher(target);
    if (!matcher.find()) {
      return "";
    }
    double limit = Double.parseDouble(matcher.group(2));
    double measured = matcher.group(1) != null ? p95 : p50;
    return measured <= limit ? "met" : "missed";
  }

  /**
   * The yardsticks of the summary table (10 variables by site and overall): the same figures
   * computed by hand in SQL from the cases (what a pass over the cases costs), and the direct read
   * of what the summary now reads instead (the kept per-value counts of the ten variables and the
   * group sizes, by site, one statement, V56): the database work of today's method, of which the
   * page's p50 is the report's overhead.
   */
  private void directSql(long seriesId) {
    String continuous =
        "select c.site_id, count(*), %s from surgical_case c left join case_patient p on p.case_id"
            + " = c.id left join case_operation o on o.case_id = c.id where c.series_id = ? and"
            + " c.status = 'ACTIVE' group by grouping sets ((c.site_id), ())";
    StringBuilder columns = new StringBuilder();
    for (String variable :
        new String[] {
          "c.age_at_surgery", "c.bmi", "o.conduit_time_min", "c.length_of_stay_days", "c.cci"
        }) {
      columns.append(
          String.format(
              "count(%1$s), avg(%1$s), stddev(%1$s), min(%1$s), max(%1$s),"
                  + " percentile_cont(array[0.25, 0.5, 0.75]) within group (order by %1$s),",
              variable));
    }
    String continuousSql = String.format(continuous, columns.substring(0, columns.length() - 1));
    String categoricalSql =
        "select c.site_id, v.variable, v.code, count(*) from surgical_case c left join case_patient"
            + " p on p.case_id = c.id left join case_tumour t on t.case_id = c.id left join"
            + " case_operation o on o.case_id = c.id cross join lateral (values ('sex', p.sex),"
            + " ('asa_class', p.asa_class), ('histology', t.histology), ('abdominal_approach',"
            + " o.abdominal_approach), ('pathological_stage', c.pathological_stage)) v(variable,"
            + " code) where c.series_id = ? and c.status = 'ACTIVE' group by grouping sets"
            + " ((c.site_id, v.variable, v.code), (v.variable, v.code))";
    for (int i = 0; i < Math.min(3, REPORT_REQUESTS); i++) {
      jdbc.queryForList(continuousSql, seriesId);
      jdbc.queryForList(categoricalSql, seriesId);
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < REPORT_REQUESTS; i++) {
      long start = System.nanoTime();
      jdbc.queryForList(continuousSql, seriesId);
      jdbc.queryForList(categoricalSql, seriesId);
      times.add((System.nanoTime() - start) / 1_000);
    }
    Collections.sort(times);
    long cases =
        jdbc.queryForObject(
            "select count(*) from surgical_case where series_id = ?", Long.class, seriesId);
    line(
        String.format(
            Locale.ROOT,
            "Direct SQL for the same summary from the cases (10 variables by site and overall,"
                + " %,d cases; two statements), median of %d runs: %.1f ms: the pass the kept"
                + " counts replace.",
            cases,
            REPORT_REQUESTS,
            percentile(times, 50)));
    line("");
    List<Long> countTimes = new ArrayList<>();
    for (int i = 0; i < Math.min(3, REPORT_REQUESTS) + REPORT_REQUESTS; i++) {
      long start = System.nanoTime();
      List<Map<String, Object>> rows = jdbc.queryForList(KEPT_COUNTS, seriesId, seriesId);
      if (i >= Math.min(3, REPORT_REQUESTS)) {
        countTimes.add((System.nanoTime() - start) / 1_000);
      }
      if (i == 0) {
        line(String.format(Locale.ROOT, "(%,d rows of kept counts.)", rows.size()));
      }
    }
    Collections.sort(countTimes);
    line(
        String.format(
            Locale.ROOT,
            "Direct SQL of the summary's method (the kept counts of the same 10 variables and the"
                + " group sizes, by site; one statement), median of %d runs: %.1f ms. The summary"
                + " table's p50 above divided by this is the report's overhead.",
            REPORT_REQUESTS,
            percentile(countTimes, 50)));
  }

  /** The summary's own read (see {@code cases.CaseValueCounts}) for the ten benchmark variables. */
  private static final String KEPT_COUNTS =
      "select site_id, null as variable, null as value, null as reason, sum(n) from case_count"
          + " where series_id = ? and status = 'ACTIVE' group by site_id union all"
          + " select site_id, variable, value, reason, sum(n) from case_value_count"
          + " where series_id = ? and variable in ('age_at_surgery', 'bmi', 'conduit_time_min',"
          + " 'length_of_stay_days', 'cci', 'sex', 'asa_class', 'histology',"
          + " 'abdominal_approach', 'pathological_stage')"
          + " group by site_id, variable, value, reason";

  private static double percentile(List<Long> sortedMicros, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
    return sortedMicros.get(Math.max(0, index)) / 1000.0;
  }

  private void line(String text) {
    report.add(text);
  }

  /**
   * What a save costs in the large registry, kept counts included (V55/V56 triggers): the patient
   * section of {@link #REQUESTS_PER_CLIENT} cases saved through the page, one at a time (the
   * section's page is read before each save for its version and CSRF token, outside the timing),
   * then the triggers' own time in one such update, from PostgreSQL's EXPLAIN ANALYZE.
   */
  private void sectionSaves(String user, String password, long firstCase, int series)
      throws Exception {
    Session session = signIn(user, password);
    List<Long> times = new ArrayList<>();
    long statementCount = 0;
    for (int i = 0; i < REQUESTS_PER_CLIENT + 5; i++) {
      String path = "/cases/" + (firstCase + 1 + i * series) + "/sections/patient";
      String page = session.page(path);
      String form =
          "_csrf="
              + hidden(page, "_csrf")
              + "&version="
              + hidden(page, "version")
              + "&values%5Bsex%5D=FEMALE&values%5Bage_years%5D="
              + (40 + i % 40)
              + "&values%5Bheight_cm%5D=160&values%5Bweight_kg%5D="
              + (50 + i % 30)
              + "&values%5Basa_class%5D=II";
      statements.reset();
      long start = System.nanoTime();
      int status = session.post(path, form);
      long micros = (System.nanoTime() - start) / 1_000;
      if (status != 302) {
        throw new IllegalStateException("a section save answered " + status);
      }
      if (i >= 5) { // the first five warm the code up
        times.add(micros);
        statementCount += statements.count();
      }
    }
    Collections.sort(times);
    line(
        String.format(
            Locale.ROOT,
            "| patient section saved through its page (1 client × %d) | %.1f | %.1f | %.1f | | |"
                + " | | %d |",
            times.size(),
            percentile(times, 50),
            percentile(times, 95),
            times.get(times.size() - 1) / 1000.0,
            statementCount / times.size()));
    line(
        "| the kept counts' triggers in one such update (EXPLAIN ANALYZE: triggers / whole"
            + " statement) | "
            + triggerTimes(firstCase + 1)
            + " | | | | | | | |");
  }

  /**
   * The triggers' time and the whole update's, in ms, of the two updates a patient save makes (its
   * section's row, then the case's derived values), each rolled back.
   */
  private String triggerTimes(long caseId) {
    return "section row "
        + triggerTime("update case_patient set weight_kg = weight_kg + 1 where case_id = " + caseId)
        + ", case row "
        + triggerTime("update surgical_case set updated_at = updated_at where id = " + caseId);
  }

  private String triggerTime(String update) {
    return jdbc.execute(
        (ConnectionCallback<String>)
            (Connection connection) -> {
              connection.setAutoCommit(false);
              try (Statement statement = connection.createStatement()) {
                ResultSet result =
                    statement.executeQuery("explain (analyze, format json) " + update);
                result.next();
                JsonNode plan = JsonMapper.builder().build().readTree(result.getString(1)).get(0);
                double triggers = 0;
                List<String> each = new ArrayList<>();
                for (JsonNode trigger : plan.path("Triggers")) {
                  triggers += trigger.path("Time").asDouble();
                  each.add(
                      String.format(
                          Locale.ROOT,
                          "%s %.2f",
                          trigger.path("Trigger Name").asString(),
                          trigger.path("Time").asDouble()));
                }
                return String.format(
                    Locale.ROOT,
                    "%.2f / %.2f (%s)",
                    triggers,
                    plan.path("Execution Time").asDouble(),
                    String.join(", ", each));
              } finally {
                connection.rollback();
                connection.setAutoCommit(true);
              }
            });
  }

  private static String hidden(String page, String name) {
    Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
    if (!value.find()) {
      throw new IllegalStateException("no " + name + " on the section's page");
    }
    return value.group(1);
  }

  // ------------------------------------------------------------------ a signed-in HTTP client

  private Session signIn(String user, String password) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String page =
        client
            .send(
                HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    String form = "username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 302
        || response.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("Sign-in failed for " + user);
    }
    return new Session(client);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private final class Session {
    private final HttpClient client;

    Session(HttpClient client) {
      this.client = client;
    }

    int get(String path) throws IOException, InterruptedException {
      return client
          .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    String page(String path) throws IOException, InterruptedException {
      return client
          .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }

    int post(String path, String form) throws IOException, InterruptedException {
      return client
          .send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    HttpResponse<Path> download(String path) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(uri(path)).build(),
          HttpResponse.BodyHandlers.ofFile(Files.createTempFile("benchmark-export", ".bin")));
    }
  }
}
