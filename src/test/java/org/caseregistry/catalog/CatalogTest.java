package org.caseregistry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static Set<String> keys(String language) throws IOException {
    Set<String> keys = new HashSet<>();
    for (String basename : new String[] {"messages", "cases", "staging", "complication"}) {
      Path file =
          Path.of(
              "src/main/resources/i18n/"
                  + basename
                  + (language.isEmpty() ? "" : "_" + language)
                  + ".properties");
      Properties properties = new Properties();
      try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      keys.addAll(properties.stringPropertyNames());
    }
    return keys;
  }

  @Test
  void everyVariableAndCodeHasALabelInBothLanguages() throws IOException {
    for (String language : new String[] {"", "vi"}) {
      Set<String> keys = keys(language);
      Set<String> missing = new TreeSet<>();
      for (Variable variable : CaseVariables.all()) {
        if (!keys.contains(variable.labelKey())) {
          missing.add(variable.labelKey());
        }
        for (CodeOption option : variable.options()) {
          if (option.literalLabel() == null && !keys.contains(option.labelKey())) {
            missing.add(option.labelKey());
          }
        }
      }
      for (Section section : Section.values()) {
        if (!keys.contains(section.messageKey())) {
          missing.add(section.messageKey());
        }
      }
      assertThat(missing).as("labels missing in language '%s'", language).isEmpty();
    }
  }

  @Test
  void namesAreSnakeCaseAndUnique() {
    Set<String> names = new HashSet<>();
    for (Variable variable : CaseVariables.all()) {
      assertThat(variable.name()).matches("[a-z][a-z0-9_]*");
      assertThat(names.add(variable.name())).as(variable.name()).isTrue();
    }
  }

  @Test
  void unknownCanBeSaidForEveryVariableAndUsualRangesLieInsideHardOnes() {
    assertThat(CaseVariables.get("sex").acceptsMissingReason()).isFalse();
    assertThat(CaseVariables.get("clavien_dindo").acceptsMissingReason()).isTrue();
    assertThat(CaseVariables.get("conduit_time_min").acceptsMissingReason()).isTrue();
    for (Variable variable : CaseVariables.all()) {
      assertThat(
              variable.acceptsMissingReason()
                  || variable.options().stream().anyMatch(CodeOption::isUnknown))
          .as(variable.name())
          .isTrue();
      if (variable.usualMin() != null) {
        assertThat(variable.usualMin()).isBetween(variable.min(), variable.max());
        assertThat(variable.usualMax()).isBetween(variable.min(), variable.max());
      }
    }
  }

  @Test
  void identifiersAreMarked() {
    assertThat(CaseVariables.all().stream().filter(Variable::identifier).map(Variable::name))
        .containsExactlyInAnyOrder("hospital_record_number", "patient_name");
  }
}
