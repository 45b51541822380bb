package org.caseregistry.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Other modules read case data only through the views {@code cases} publishes (Flyway V57, see
 * package-info), never its storage tables: no SQL text in a main class outside {@code cases} names
 * one of them as a relation (after from, join, into, update, ...), and none asks {@link Section}
 * for its storage table. The SQL is read from the compiled classes' string constants, so a table
 * name in any literal counts, however the statement is put together.
 */
class PublishedReadModelTest {

  /** The tables cases stores case data in: readable by cases' own code alone. */
  static final Set<String> CASES_STORAGE =
      Stream.concat(
              Arrays.stream(Section.values()).map(Section::table),
              Stream.of(
                  "surgical_case",
                  "case_custom_section",
                  "case_custom_item",
                  "case_audit",
                  "case_count",
                  // V56: the per-value counts of the summary, read by report through
                  // CaseValueCounts.
                  "case_value_count",
                  // V58: the same for the custom fields.
                  "case_custom_value_count",
                  // V59: the kept counts of the dashboard, read by dashboard through
                  // CaseDashboardCounts.
                  "case_dashboard_count"))
          .collect(Collectors.toUnmodifiableSet());

  /** Every other table of the migrations: other modules' own, or not case data. */
  private static final Set<String> OTHER_TABLES =
      Set.of(
          "revinfo",
          "hospital_site",
          "hospital_site_aud",
          "account",
          "account_aud",
          "account_site",
          "account_site_aud",
          "api_token",
          "sign_in_throttle",
          "spring_session",
          "spring_session_attributes",
          "case_series",
          "case_series_aud",
          "case_series_site",
          "case_series_site_aud",
          "series_form",
          "report_setting",
          "export_audit",
          "import_upload",
          "field_query",
          "field_query_event",
          "confirmed_warning",
          "frozen_dataset",
          "frozen_dataset_file",
          "frozen_dataset_case");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.caseregistry");

  @Test
  void everyTableOfTheMigrationsIsCasesStorageOrAnotherModules() throws IOException {
    // A subset rather than equal: the lists may name a table of a migration merged later.
    Set<String> created = new TreeSet<>();
    for (Resource migration :
        new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
      Matcher table = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
      while (table.find()) {
        created.add(table.group(1).toLowerCase());
      }
    }
    assertThat(CASES_STORAGE).doesNotContainAnyElementsOf(OTHER_TABLES);
    Set<String> classified = new TreeSet<>(CASES_STORAGE);
    classified.addAll(OTHER_TABLES);
    assertThat(created)
        .as(
            "a new table is either cases storage (read by others through a published view) or"
                + " another module's: add it to CASES_STORAGE or OTHER_TABLES")
        .isSubsetOf(classified);
  }

  @Test
  void noClassOutsideCasesNamesAStorageTableOfCases() {
    List<String> violations = new ArrayList<>();
    for (JavaClass type : MAIN) {
      if (!type.getPackageName().startsWith("org.caseregistry.cases")
          && !type.isEquivalentTo(Section.class)) {
        violations.addAll(storageTablesNamed(type.getName(), type.getSource().get().getUri()));
      }
    }
    assertThat(violations).as("read the views cases publishes instead").isEmpty();
  }

  @Test
  void noClassOutsideCasesAsksASectionForItsStorageTable() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.caseregistry.cases..")
        .should()
        .callMethod(Section.class, "table")
        .because("other modules join Section.view(), the view cases publishes")
        .check(MAIN);
  }

  @Test
  void theCheckFindsATableJoinedInAnyLiteralAndNothingElse() {
    assertThat(relationsNamed(" from case_view c join case_operation o on o.case_id = c.id"))
        .containsExactly("case_operation");
    assertThat(relationsNamed("select 1 from hospital_site h, x where exists (select 1 from"))
        .isEmpty();
    assertThat(relationsNamed("delete from SURGICAL_CASE where id = ?"))
        .containsExactly("surgical_case");
    // A column that shares a table's name, and a published view, are not the table.
    assertThat(relationsNamed("insert into export_audit (series_id, case_count) values (1, 2)"))
        .isEmpty();
    assertThat(relationsNamed(" left join case_operation_view op on op.case_id = c.id")).isEmpty();
    URI compiled =
        new ClassFileImporter().importClass(AReportQuery.class).getSource().get().getUri();
    assertThat(storageTablesNamed(AReportQuery.class.getName(), compiled))
        .singleElement(STRING)
        .contains("case_followup");
  }

  /** A class that reads a storage table, as the check must catch it. */
  static final class AReportQuery {
    static final String VISITS = "select count(*) from case_view c";

    String sql(String where) {
      return VISITS + " join case_followup f on f.case_id = c.id" + where;
    }
  }

  private static List<String> storageTablesNamed(String className, URI classFile) {
    List<String> found = new ArrayList<>();
    for (String text : stringConstants(classFile)) {
      for (String table : relationsNamed(text)) {
        String sql = text.strip();
        found.add(
            className
                + " reads "
                + table
                + " in \""
                + (sql.length() > 160 ? sql.substring(0, 160) + "…" : sql)
                + "\"");
      }
    }
    return found;
  }

  /** The storage tables of cases that a piece of SQL reads or writes as a relation. */
  static Set<String> relationsNamed(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher relation = RELATION.matcher(sql);
    while (relation.find()) {
      String name = relation.group(1).toLowerCase();
      if (CASES_STORAGE.contains(name)) {
        tables.add(name);
      }
    }
    return tables;
  }

  private static final Pattern RELATION =
      Pattern.compile(
          "(?i)\\b(?:from|join|into|update|table|truncate|using)\\s+(?:only\\s+)?(?:public\\.)?"
              + "\"?(\\w+)");

  /**
   * Every string constant of a compiled class: literals, constant fields, concatenation recipes.
   */
  private static Set<String> stringConstants(URI classFile) {
    Set<String> strings = new HashSet<>();
    try (InputStream in = classFile.toURL().openStream()) {
      new ClassReader(in.readAllBytes())
          .accept(
              new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public FieldVisitor visitField(
                    int access, String name, String descriptor, String signature, Object value) {
                  if (value instanceof String text) {
                    strings.add(text);
                  }
                  return null;
                }

                @Override
                public MethodVisitor visitMethod(
                    int access,
                    String name,
                    String descriptor,
                    String signature,
                    String[] exceptions) {
                  return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                    @Override
                    public void visitLdcInsn(Object value) {
                      if (value instanceof String text) {
                        strings.add(text);
                      }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(
                        String name, String descriptor, Handle bootstrap, Object... arguments) {
                      for (Object argument : arguments) {
                        if (argument instanceof String text) {
                          strings.add(text);
                        }
                      }
                    }
                  };
                }
              },
              ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return strings;
  }
}
