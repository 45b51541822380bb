package org.caseregistry.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;

class FormOrderTest {

  static SectionDefinition section(String key) {
    return new SectionDefinition(key, key, null, false, false, List.of());
  }

  final FormDefinition plain =
      new FormDefinition(
          List.of(Section.PATIENT, Section.OPERATION, Section.POSTOP),
          List.of(section("ecmo"), section("outcome")));

  @Test
  void aFormWithoutAnOrderHasItsModulesFirstThenItsSections() {
    assertThat(plain.order()).isNull();
    assertThat(plain.orderedKeys())
        .containsExactly("patient", "operation", "postop", "ecmo", "outcome");
    assertThat(plain.parts().get(3).section().key()).isEqualTo("ecmo");
  }

  @Test
  void aSectionMovesPastModulesAndTheSectionsFollowTheOrder() {
    FormDefinition moved = FormEdits.moveSection(plain, "outcome", -1);
    moved = FormEdits.moveSection(moved, "outcome", -1);
    moved = FormEdits.moveSection(moved, "outcome", -1);
    assertThat(moved.orderedKeys())
        .containsExactly("patient", "outcome", "operation", "postop", "ecmo");
    assertThat(moved.sections())
        .extracting(SectionDefinition::key)
        .containsExactly("outcome", "ecmo");
    assertThat(FormEdits.moveSection(plain, "outcome", 1).orderedKeys())
        .isEqualTo(plain.orderedKeys());
  }

  @Test
  void modulesKeepTheCatalogOrderAndNewPartsFindAPlace() {
    FormDefinition ordered =
        plain.withOrder(List.of("postop", "ecmo", "patient", "nosuch", "ecmo"));
    // The modules' places are kept, their sequence is the catalog's; unknown keys are dropped.
    assertThat(ordered.orderedKeys())
        .containsExactly("patient", "ecmo", "operation", "postop", "outcome");
    FormDefinition withTumour =
        ordered.withModules(
            List.of(Section.PATIENT, Section.TUMOUR, Section.OPERATION, Section.POSTOP));
    assertThat(withTumour.orderedKeys())
        .containsExactly("patient", "tumour", "ecmo", "operation", "postop", "outcome");
    FormDefinition added = FormEdits.addSection(ordered, section("later"));
    assertThat(added.orderedKeys()).endsWith("outcome", "later");
    FormDefinition removed = FormEdits.removeSection(ordered, "ecmo");
    assertThat(removed.orderedKeys()).containsExactly("patient", "operation", "postop", "outcome");
  }

  @Test
  void anOrderThatIsTheDefaultOneMakesAFormWithoutAnOrder() {
    assertThat(
            FormDefinition.ordered(
                plain.modules(), plain.sections(), List.of("patient", "operation", "postop")))
        .isEqualTo(plain);
    assertThat(
            FormDefinition.ordered(plain.modules(), plain.sections(), List.of("ecmo", "patient"))
                .orderedKeys())
        .startsWith("ecmo", "patient");
  }

  @Test
  void aReorderIsAChangeInTheHistory() {
    assertThat(FormChanges.describe(plain, plain.withOrder(plain.orderedKeys()))).isEmpty();
    assertThat(FormChanges.describe(plain, FormEdits.moveSection(plain, "ecmo", -1)))
        .extracting(FormChanges.Change::messageKey)
        .containsExactly("form.change.sections-reordered");
  }
}
