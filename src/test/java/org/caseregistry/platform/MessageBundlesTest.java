package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.query.QueryAction;
import org.junit.jupiter.api.Test;

/** Every UI text exists in English and Vietnamese, and every key a template uses exists. */
class MessageBundlesTest {

  private static final Path BUNDLES = Path.of("src/main/resources/i18n");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

  @Test
  void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
    Set<String> basenames = basenames();
    assertThat(basenames).contains("messages");
    for (String basename : basenames) {
      Set<String> english = load(BUNDLES.resolve(basename + ".properties")).stringPropertyNames();
      Set<String> vietnamese =
          load(BUNDLES.resolve(basename + "_vi.properties")).stringPropertyNames();
      assertThat(new TreeSet<>(vietnamese))
          .as("keys of %s_vi.properties compared with %s.properties", basename, basename)
          .isEqualTo(new TreeSet<>(english));
    }
  }

  @Test
  void noTranslationIsLeftEmpty() throws IOException {
    for (String basename : basenames()) {
      for (String file : new String[] {basename + ".properties", basename + "_vi.properties"}) {
        Properties properties = load(BUNDLES.resolve(file));
        for (String key : properties.stringPropertyNames()) {
          assertThat(properties.getProperty(key)).as("%s in %s", key, file).isNotBlank();
        }
      }
    }
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Set<String> known = new HashSet<>();
    for (String basename : basenames()) {
      known.addAll(load(BUNDLES.resolve(basename + ".properties")).stringPropertyNames());
    }
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> templates = Files.walk(TEMPLATES)) {
      for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
        while (matcher.find()) {
          if (!known.contains(matcher.group(1))) {
            missing.add(matcher.group(1) + " (" + TEMPLATES.relativize(template) + ")");
          }
        }
      }
    }
    assertThat(missing).as("message keys used in templates but defined nowhere").isEmpty();
  }

  @Test
  void everyAuditAndQueryActionHasAText() throws IOException {
    Set<String> known = new HashSet<>();
    for (String basename : basenames()) {
      known.addAll(load(BUNDLES.resolve(basename + ".properties")).stringPropertyNames());
    }
    for (AuditAction action : AuditAction.values()) {
      assertThat(known).as("text of audit action %s", action).contains(action.messageKey());
    }
    for (QueryAction action : QueryAction.values()) {
      assertThat(known).as("text of query step %s", action).contains(action.messageKey());
    }
  }

  @Test
  void theApplicationLoadsEveryBundle() throws IOException {
    Properties application = load(Path.of("src/main/resources/application.properties"));
    Set<String> configured =
        Set.of(application.getProperty("spring.messages.basename").replace("i18n/", "").split(","));
    assertThat(configured).containsExactlyInAnyOrderElementsOf(basenames());
  }

  private static Set<String> basenames() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".properties") && !name.contains("_"))
          .map(name -> name.substring(0, name.length() - ".properties".length()))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
