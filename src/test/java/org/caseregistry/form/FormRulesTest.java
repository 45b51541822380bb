package org.caseregistry.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FormRulesTest {

  private static FormDefinition form(List<Section> modules, FieldDefinition... fields) {
    return new FormDefinition(
        modules,
        List.of(new SectionDefinition("main", "Main", "Chính", false, false, List.of(fields))));
  }

  private static List<String> keys(FormDefinition form) {
    return FormRules.check(form).stream().map(FormRules.Problem::messageKey).toList();
  }

  @ParameterizedTest
  @EnumSource(FormTemplate.class)
  void everyTemplateIsValid(FormTemplate template) {
    assertThat(FormRules.check(template.definition())).isEmpty();
  }

  @Test
  void namesAreSnakeCaseUniqueAndNeverBuiltIn() {
    assertThat(keys(form(List.of(), FieldDefinition.of("Bad Name", FieldType.TEXT, "A", null))))
        .containsExactly("form.problem.name");
    assertThat(
            keys(
                form(
                    List.of(),
                    FieldDefinition.of("score", FieldType.INTEGER, "A", null),
                    FieldDefinition.of("score", FieldType.INTEGER, "B", null))))
        .containsExactly("form.problem.name-taken");
    assertThat(keys(form(List.of(), FieldDefinition.of("age_years", FieldType.INTEGER, "A", null))))
        .containsExactly("form.problem.name-built-in");
    assertThat(keys(form(List.of(), FieldDefinition.of("record_id", FieldType.TEXT, "A", null))))
        .containsExactly("form.problem.name-built-in");
  }

  @Test
  void choicesNeedUniqueCodesAndLabels() {
    FieldDefinition noChoices = FieldDefinition.of("pick", FieldType.SINGLE_CHOICE, "Pick", null);
    assertThat(keys(form(List.of(), noChoices))).containsExactly("form.problem.choices-missing");
    FieldDefinition duplicate =
        noChoices.withChoices(
            List.of(new Choice("1", "A", null, false), new Choice("1", "B", null, false)));
    assertThat(keys(form(List.of(), duplicate))).containsExactly("form.problem.choice-taken");
    FieldDefinition badCode = noChoices.withChoices(List.of(new Choice("a b", "A", null, false)));
    assertThat(keys(form(List.of(), badCode))).containsExactly("form.problem.choice-code");
  }

  @Test
  void limitsMatchTheTypeAndAreOrdered() {
    FieldDefinition field =
        FieldDefinition.of("score", FieldType.INTEGER, "Score", null).toBuilder()
            .limits("10", "5")
            .build();
    assertThat(keys(form(List.of(), field))).containsExactly("form.problem.limit-order");
    FieldDefinition notNumber =
        FieldDefinition.of("score", FieldType.INTEGER, "Score", null).toBuilder()
            .limits("x", null)
            .build();
    assertThat(keys(form(List.of(), notNumber))).containsExactly("form.problem.limit-number");
    FieldDefinition date =
        FieldDefinition.of("seen", FieldType.DATE, "Seen", null).toBuilder()
            .limits("2020-01-01", "2019-01-01")
            .build();
    assertThat(keys(form(List.of(), date))).containsExactly("form.problem.limit-order");
    FieldDefinition text =
        FieldDefinition.of("note", FieldType.TEXT, "Note", null).toBuilder()
            .limits("1", null)
            .build();
    assertThat(keys(form(List.of(), text))).containsExactly("form.problem.limit-type");
  }

  @Test
  void expressionsReadOnlyFieldsTheFormHas() {
    FieldDefinition flag = FieldDefinition.of("flag", FieldType.YES_NO, "Flag", null);
    FieldDefinition shown =
        FieldDefinition.of("detail", FieldType.TEXT, "Detail", null).toBuilder()
            .showIf("[flag] = '1' and [age_years] >= 18")
            .build();
    assertThat(keys(form(List.of(Section.PATIENT), flag, shown))).isEmpty();
    assertThat(keys(form(List.of(), flag, shown)))
        .containsExactly("form.problem.expression-unknown");
    FieldDefinition broken = shown.toBuilder().showIf("[flag] = ").build();
    assertThat(keys(form(List.of(Section.PATIENT), flag, broken)))
        .containsExactly("form.problem.expression");
    FieldDefinition checkboxOnYesNo = shown.toBuilder().showIf("[flag(1)] = '1'").build();
    assertThat(keys(form(List.of(), flag, checkboxOnYesNo)))
        .containsExactly("form.problem.expression-not-checkbox");
  }

  @Test
  void calculationsNeedAnExpressionAndNoCycle() {
    FieldDefinition a =
        FieldDefinition.of("a", FieldType.CALCULATED, "A", null).toBuilder()
            .calculation("[b] + 1")
            .build();
    FieldDefinition b =
        FieldDefinition.of("b", FieldType.CALCULATED, "B", null).toBuilder()
            .calculation("[a] + 1")
            .build();
    assertThat(keys(form(List.of(), a, b))).containsOnly("form.problem.cycle");
    assertThat(keys(form(List.of(), FieldDefinition.of("c", FieldType.CALCULATED, "C", null))))
        .containsExactly("form.problem.calculation-missing");
  }

  @Test
  void aListFieldIsReadOnlyFromItsOwnSection() {
    SectionDefinition list =
        new SectionDefinition(
            "doses",
            "Doses",
            null,
            true,
            false,
            List.of(FieldDefinition.of("dose_mg", FieldType.DECIMAL, "Dose", null)));
    SectionDefinition single =
        new SectionDefinition(
            "main",
            "Main",
            null,
            false,
            false,
            List.of(
                FieldDefinition.of("total", FieldType.CALCULATED, "Total", null).toBuilder()
                    .calculation("[dose_mg] * 2")
                    .build()));
    assertThat(keys(new FormDefinition(List.of(), List.of(list, single))))
        .containsExactly("form.problem.expression-list-field");
  }
}
