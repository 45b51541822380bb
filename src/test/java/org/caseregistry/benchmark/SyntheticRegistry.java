package org.caseregistry.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.followup.VisitWindow;
import org.caseregistry.staging.NCategory;
import org.caseregistry.staging.StagingResult;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills a registry with realistic synthetic esophagectomy cases, fast: every section with plausible
 * clinical distributions from a fixed seed, derived values computed by the same rules as the
 * application, all written with PostgreSQL's COPY (no request per case).
 */
public final class SyntheticRegistry {

  public record Layout(int cases, int sites, int series, long seed) {}

  /** Ids of what was made: the sites, the series (the large ones, then the small one). */
  public record Generated(
      List<Long> siteIds, List<Long> seriesIds, long smallSeriesId, int cases, long millis) {}

  private final DataSource dataSource;
  private final Random random;
  private final Layout layout;

  public SyntheticRegistry(DataSource dataSource, Layout layout) {
    this.dataSource = dataSource;
    this.layout = layout;
    this.random = new Random(layout.seed());
  }

  public Generated generate(int smallSeriesCases) throws SQLException, IOException {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Long> siteIds = new ArrayList<>();
      for (int i = 1; i <= layout.sites(); i++) {
        siteIds.add(
            insertId(
                connection,
                "insert into hospital_site (code, name, city) values ('BENCH"
                    + String.format("%02d", i)
                    + "-"
                    + layout.seed()
                    + "', 'Benchmark hospital "
                    + i
                    + " ("
                    + layout.seed()
                    + ")', 'Hà Nội') returning id"));
      }
      List<Long> seriesIds = new ArrayList<>();
      for (int s = 0; s <= layout.series(); s++) {
        String title =
            s < layout.series()
                ? "[Benchmark " + layout.seed() + "] Esophagectomy series " + (char) ('A' + s)
                : "[Benchmark " + layout.seed() + "] Small series of " + smallSeriesCases;
        long seriesId =
            insertId(
                connection,
                "insert into case_series (title, procedure, status) values ('"
                    + title
                    + "', 'Thoracoscopic esophagectomy', 'ACTIVE') returning id");
        seriesIds.add(seriesId);
        for (long siteId : sitesOf(s, siteIds)) {
          execute(
              connection,
              "insert into case_series_site (series_id, site_id) values ("
                  + seriesId
                  + ", "
                  + siteId
                  + ")");
        }
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long nextCaseId = maxId(connection, "surgical_case") + 1;
      long firstCaseId = nextCaseId;
      // The rows made here satisfy their foreign keys by construction. Checked row by row, every
      // section row would cost a lookup and a lock of its case (a write to the case's page): as
      // much as writing the row itself, on ten tables. A superuser can load without triggers;
      // the counts the case_count, case_value_count and case_dashboard_count triggers would keep
      // are then added once, at the end.
      boolean triggersOff = superuser(connection);
      if (triggersOff) {
        execute(connection, "set local session_replication_role = replica");
      }
      Map<Section, Long> nextItemId = new EnumMap<>(Section.class);
      for (Section section : Section.values()) {
        if (section.isList()) {
          nextItemId.put(section, maxId(connection, section.table()) + 1);
        }
      }
      Writers writers = new Writers(copy);
      int total = layout.cases() + smallSeriesCases;
      for (int i = 0; i < total; i++) {
        boolean small = i >= layout.cases();
        int seriesIndex = small ? layout.series() : seriesOf(i);
        List<Long> sites = sitesOf(seriesIndex, siteIds);
        long siteId = sites.get(random.nextInt(sites.size()));
        long caseId = nextCaseId++;
        CaseData data = synthesize();
        writers.writeCase(
            caseId,
            seriesIds.get(seriesIndex),
            siteId,
            "BN" + (i + 1),
            data,
            DerivedValues.derivedFrom(data),
            nextItemId);
        if (i % 5000 == 4999) {
          writers.flush();
        }
      }
      writers.finish();
      if (triggersOff) {
        execute(connection, "set local session_replication_role = origin");
        execute(
            connection,
            "insert into case_count as k (series_id, site_id, status, flagged, sign_off, n)"
                + " select series_id, site_id, status, warning_count > 0, sign_off, count(*)"
                + " from surgical_case where id >= "
                + firstCaseId
                + " group by series_id, site_id, status, warning_count > 0, sign_off"
                + " on conflict (series_id, site_id, status, flagged, sign_off)"
                + " do update set n = k.n + excluded.n");
        execute(
            connection,
            "insert into case_value_count as k"
                + " (series_id, variable, site_id, locked, value, reason, n)"
                + " select * from case_value_count_of("
                + firstCaseId
                + ") on conflict (series_id, variable, site_id, locked, value, reason)"
                + " do update set n = k.n + excluded.n");
        execute(
            connection,
            "insert into case_dashboard_count as k (series_id, site_id, key, value, n)"
                + " select * from case_dashboard_count_of("
                + firstCaseId
                + ") on conflict (series_id, key, value, site_id)"
                + " do update set n = k.n + excluded.n");
      }
      execute(
          connection,
          "select setval(pg_get_serial_sequence('surgical_case', 'id'), " + (nextCaseId - 1) + ")");
      for (Map.Entry<Section, Long> entry : nextItemId.entrySet()) {
        execute(
            connection,
            "select setval(pg_get_serial_sequence('"
                + entry.getKey().table()
                + "', 'id'), "
                + Math.max(1, entry.getValue() - 1)
                + ")");
      }
      connection.commit();
      // As autovacuum would soon after a bulk load: statistics, and the visibility map that lets
      // counts be answered from the indexes alone.
      connection.setAutoCommit(true);
      execute(connection, "vacuum analyze");
      return new Generated(
          siteIds,
          seriesIds.subList(0, layout.series()),
          seriesIds.get(layout.series()),
          total,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Most cases in the first series, so that one series' reports run over most of the registry: 80 %
   * in the first, the rest spread over the others.
   */
  private int seriesOf(int caseIndex) {
    if (layout.series() == 1 || caseIndex % 10 < 8) {
      return 0;
    }
    return 1 + caseIndex % (layout.series() - 1);
  }

  private List<Long> sitesOf(int seriesIndex, List<Long> siteIds) {
    if (seriesIndex == 0) {
      return siteIds; // the large series runs at every site
    }
    if (seriesIndex == layout.series()) {
      return siteIds.subList(0, Math.min(2, siteIds.size()));
    }
    int per = Math.max(1, siteIds.size() * 2 / Math.max(1, layout.series()));
    List<Long> chosen = new ArrayList<>();
    for (int k = 0; k < per; k++) {
      chosen.add(
          siteIds.get((seriesIndex * siteIds.size() / layout.series() + k) % siteIds.size()));
    }
    return chosen.stream().distinct().toList();
  }

  // ------------------------------------------------------------------ synthetic clinical data

  private CaseData synthesize() {
    LocalDate operation = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(8 * 365));
    boolean neoadjuvant = random.nextDouble() < 0.45;
    boolean complicated = random.nextDouble() < 0.35;
    CaseData data =
        CaseData.empty()
            .with(
                Section.PATIENT,
                values(
                    "sex", pick("MALE", 0.82, "FEMALE", 0.17, "UNKNOWN", 0.01),
                    "age_years", clamp((int) Math.round(60 + 9 * random.nextGaussian()), 25, 90),
                    "height_cm", decimal(163 + 7 * random.nextGaussian(), 140, 195),
                    "weight_kg", decimal(55 + 9 * random.nextGaussian(), 35, 110),
                    "asa_class", pick("I", 0.1, "II", 0.6, "III", 0.28, "IV", 0.02),
                    "comorbidities", random.nextDouble() < 0.3 ? "Hypertension" : null))
            .with(
                Section.TUMOUR,
                values(
                    "tumour_location",
                        pick(
                            "UPPER_THIRD",
                            0.1,
                            "MIDDLE_THIRD",
                            0.35,
                            "LOWER_THIRD",
                            0.5,
                            "ESOPHAGOGASTRIC_JUNCTION",
                            0.05),
                    "histology",
                        pick(
                            "SQUAMOUS_CELL_CARCINOMA",
                            0.85,
                            "ADENOCARCINOMA",
                            0.1,
                            "UNKNOWN",
                            0.05),
                    "ct", pick("T1B", 0.1, "T2", 0.4, "T3", 0.4, "T4A", 0.1),
                    "cn", pick("N0", 0.6, "N1", 0.3, "N2", 0.1),
                    "cm", "M0"))
            .with(
                Section.NEOADJUVANT,
                values(
                    "neoadjuvant_therapy",
                    neoadjuvant ? pick("CHEMORADIOTHERAPY", 0.75, "CHEMOTHERAPY", 0.25) : "NONE"))
            .with(
                Section.OPERATION,
                values(
                    "operation_date", operation,
                    "thoracic_approach", pick("THORACOSCOPIC", 0.8, "OPEN", 0.15, "ROBOTIC", 0.05),
                    "abdominal_approach", pick("LAPAROSCOPIC", 0.45, "OPEN", 0.5, "ROBOTIC", 0.05),
                    "anastomosis_site", pick("CERVICAL", 0.85, "INTRATHORACIC", 0.15),
                    "lymphadenectomy", pick("TWO_FIELD", 0.8, "THREE_FIELD", 0.2),
                    "stomach_condition", pick("NORMAL", 0.9, "PREVIOUS_GASTROSTOMY", 0.1),
                    "conduit", pick("WHOLE_STOMACH", 0.4, "GASTRIC_TUBE", 0.6),
                    "conduit_time_min",
                        clamp((int) Math.round(40 + 10 * random.nextGaussian()), 15, 110),
                    "operative_time_min",
                        clamp((int) Math.round(300 + 60 * random.nextGaussian()), 150, 580),
                    "blood_loss_ml",
                        clamp((int) Math.round(250 + 150 * random.nextGaussian()), 20, 1400),
                    "pyloroplasty", pick("YES", 0.2, "NO", 0.8),
                    "feeding_jejunostomy", pick("YES", 0.3, "NO", 0.7),
                    "intraop_complication", pick("NO", 0.97, "YES", 0.03)))
            .with(
                Section.POSTOP,
                values(
                    "chest_drain_removal_pod",
                        clamp((int) Math.round(5 + 2 * random.nextGaussian()), 2, 25),
                    "ng_tube_removal_pod",
                        clamp((int) Math.round(6 + 2 * random.nextGaussian()), 2, 25),
                    "oral_intake_pod",
                        clamp((int) Math.round(7 + 2 * random.nextGaussian()), 3, 28),
                    "discharge_date",
                        operation.plusDays(
                            clamp((int) Math.round(11 + 4 * random.nextGaussian()), 6, 60)),
                    "any_complication", complicated ? "YES" : "NO",
                    "mortality_30d", random.nextDouble() < 0.02 ? "YES" : "NO"));
    if (complicated) {
      List<SectionValues> complications = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int c = 0; c < count; c++) {
        complications.add(
            values(
                "complication_type",
                    pick(
                        "PNEUMONIA",
                        0.3,
                        "ANASTOMOTIC_LEAK",
                        0.15,
                        "ATRIAL_ARRHYTHMIA",
                        0.15,
                        "DELAYED_CONDUIT_EMPTYING",
                        0.15,
                        "CHYLE_LEAK",
                        0.05,
                        "WOUND_INFECTION",
                        0.2),
                "clavien_dindo",
                    pick("I", 0.2, "II", 0.45, "IIIA", 0.2, "IIIB", 0.08, "IVA", 0.05, "V", 0.02),
                "onset_pod", 1 + random.nextInt(14)));
      }
      data = data.withItems(Section.COMPLICATIONS, complications);
    }
    List<SectionValues> nodes = new ArrayList<>();
    int positiveTotal = 0;
    for (String field : new String[] {"THORACIC", "ABDOMINAL"}) {
      int examined = 5 + random.nextInt(20);
      int positive = random.nextDouble() < 0.6 ? 0 : Math.min(examined, random.nextInt(5));
      positiveTotal += positive;
      nodes.add(
          values("node_field", field, "nodes_positive", positive, "nodes_examined", examined));
    }
    String pn =
        random.nextDouble() < 0.95 ? NCategory.fromPositiveNodes(positiveTotal).name() : "N1";
    data =
        data.withItems(Section.NODES, nodes)
            .with(
                Section.PATHOLOGY,
                values(
                    "path_prefix",
                    neoadjuvant ? "YP" : "P",
                    "pt",
                    pick("T1B", 0.1, "T2", 0.3, "T3", 0.5, "T4A", 0.1),
                    "pn",
                    pn,
                    "pm",
                    "M0",
                    "grade",
                    pick("G1", 0.2, "G2", 0.5, "G3", 0.2, "GX", 0.1),
                    "resection_margin",
                    pick("R0", 0.9, "R1", 0.08, "R2", 0.02)))
            .with(
                Section.ADJUVANT,
                values(
                    "adjuvant_therapy",
                    pick("CHEMOTHERAPY", 0.5, "NONE", 0.45, "CHEMORADIOTHERAPY", 0.05)));
    List<SectionValues> visits = new ArrayList<>();
    String status = "WELL";
    for (int month : new int[] {1, 3, 6, 12, 24}) {
      if (random.nextDouble() < 0.15 || "DIED".equals(status)) {
        break;
      }
      status =
          pick("WELL", 0.8, "REFLUX", 0.08, "DYSPHAGIA", 0.04, "RECURRENCE", 0.05, "DIED", 0.03);
      visits.add(
          values(
              "visit_month",
              month,
              "visit_date",
              operation.plusDays(Math.round(month * 30.4375)),
              "followup_status",
              status));
    }
    return data.withItems(Section.FOLLOWUP, visits);
  }

  private SectionValues values(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return new SectionValues(null, 1, map, new LinkedHashMap<>());
  }

  private String pick(Object... choices) {
    double roll = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < choices.length; i += 2) {
      sum += (Double) choices[i + 1];
      if (roll < sum) {
        return (String) choices[i];
      }
    }
    return (String) choices[choices.length - 2];
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static BigDecimal decimal(double value, double min, double max) {
    return BigDecimal.valueOf(Math.max(min, Math.min(max, value)))
        .setScale(1, RoundingMode.HALF_UP);
  }

  // ------------------------------------------------------------------ COPY writers

  /** One COPY stream per table, fed in chunks. */
  private static final class Writers {
    private final CopyManager copy;
    private final Map<String, StringBuilder> buffers = new LinkedHashMap<>();
    private final Map<String, String> statements = new LinkedHashMap<>();
    private final Map<String, CopyIn> open = new LinkedHashMap<>();

    Writers(CopyManager copy) {
      this.copy = copy;
      statements.put(
          "surgical_case",
          "COPY surgical_case (id, series_id, site_id, study_code, created_by, updated_by, bmi,"
              + " age_at_surgery, clinical_stage, clinical_stage_reason, pathological_stage,"
              + " pathological_stage_reason, pn_from_count, nodes_positive_total,"
              + " nodes_examined_total, length_of_stay_days, cci, worst_clavien_dindo,"
              + " complication_count, complication_keys, complication_key_counts, sections_filled,"
              + " warning_codes, warning_count, followup_start_date, followup_death_days,"
              + " followup_relapse_days, followup_last_days, "
              + Stream.of(VisitWindow.values())
                  .map(VisitWindow::statusColumn)
                  .collect(Collectors.joining(", "))
              + ") FROM STDIN WITH (FORMAT csv)");
      for (Section section : Section.values()) {
        String columns =
            CaseVariables.of(section).stream()
                .map(Variable::name)
                .collect(Collectors.joining(", "));
        statements.put(
            section.table(),
            "COPY "
                + section.table()
                + " ("
                + (section.isList() ? "id, case_id, position, " : "case_id, ")
                + columns
                + ", version, updated_by) FROM STDIN WITH (FORMAT csv)");
      }
      statements.keySet().forEach(table -> buffers.put(table, new StringBuilder()));
    }

    void writeCase(
        long caseId,
        long seriesId,
        long siteId,
        String code,
        CaseData data,
        DerivedValues d,
        Map<Section, Long> nextItemId) {
      StringBuilder row = buffers.get("surgical_case");
      csv(
          row,
          caseId,
          seriesId,
          siteId,
          code,
          "benchmark",
          "benchmark",
          d.bmi(),
          d.ageAtSurgery(),
          stage(d.clinicalStage()),
          reason(d.clinicalStage()),
          stage(d.pathologicalStage()),
          reason(d.pathologicalStage()),
          d.pnFromCount(),
          d.nodesPositiveTotal(),
          d.nodesExaminedTotal(),
          d.lengthOfStayDays(),
          d.cci(),
          d.worstClavienDindo(),
          d.complicationCount(),
          array(List.copyOf(d.complicationTally().keySet())),
          array(d.complicationTally().values().stream().map(String::valueOf).toList()),
          array(d.sectionsFilled().stream().map(Enum::name).toList()),
          array(d.warnings().stream().map(CaseWarning::storedCode).toList()),
          d.warnings().size(),
          d.followUp().start(),
          text(d.followUp().deathDays()),
          text(d.followUp().relapseDays()),
          text(d.followUp().lastSeenDays()),
          d.followUp().status(VisitWindow.MONTH_1),
          d.followUp().status(VisitWindow.MONTH_3),
          d.followUp().status(VisitWindow.MONTH_6),
          d.followUp().status(VisitWindow.MONTH_12));
      for (Section section : Section.values()) {
        List<Variable> variables = CaseVariables.of(section);
        List<SectionValues> records =
            section.isList()
                ? data.items(section)
                : data.singles().containsKey(section) ? List.of(data.single(section)) : List.of();
        int position = 0;
        for (SectionValues record : records) {
          List<Object> fields = new ArrayList<>();
          if (section.isList()) {
            long id = nextItemId.get(section);
            nextItemId.put(section, id + 1);
            fields.add(id);
            fields.add(caseId);
            fields.add(++position);
          } else {
            fields.add(caseId);
          }
          for (Variable variable : variables) {
            fields.add(record.get(variable.name()));
          }
          fields.add(1);
          fields.add("benchmark");
          csv(buffers.get(section.table()), fields.toArray());
        }
      }
    }

    void flush() throws SQLException {
      for (Map.Entry<String, StringBuilder> entry : buffers.entrySet()) {
        if (entry.getValue().length() == 0) {
          continue;
        }
        CopyIn in = open.get(entry.getKey());
        if (in == null) {
          in = copy.copyIn(statements.get(entry.getKey()));
          open.put(entry.getKey(), in);
        }
        byte[] bytes = entry.getValue().toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        entry.getValue().setLength(0);
        // COPY streams cannot interleave on one connection: end this one before the next table.
        in.endCopy();
        open.remove(entry.getKey());
      }
    }

    void finish() throws SQLException {
      flush();
    }

    private static String stage(StagingResult result) {
      return result == null ? null : result.stage().map(Enum::name).orElse(null);
    }

    private static String reason(StagingResult result) {
      return result == null ? null : result.whyNotDerivable().map(Enum::name).orElse(null);
    }

    private static String text(Double value) {
      return value == null ? null : value.toString();
    }

    private static String array(List<String> values) {
      return "{" + String.join(",", values) + "}";
    }

    private static void csv(StringBuilder out, Object... fields) {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        Object field = fields[i];
        if (field == null) {
          continue;
        }
        String text =
            field instanceof BigDecimal decimal
                ? decimal.toPlainString()
                : ValueParser.format(field);
        if (text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.isEmpty()) {
          out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
          out.append(text);
        }
      }
      out.append('\n');
    }
  }

  private static long insertId(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean superuser(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static long maxId(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
