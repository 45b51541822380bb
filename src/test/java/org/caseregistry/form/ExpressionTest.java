package org.caseregistry.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionTest {

  private final Map<String, Object> values = new HashMap<>();

  private Object eval(String text) throws ExpressionException {
    return Expression.parse(text).evaluate(values::get);
  }

  private boolean test(String text) throws ExpressionException {
    return Expression.parse(text).test(values::get);
  }

  @Test
  void bmiFromHeightAndWeight() throws Exception {
    values.put("weight_kg", new BigDecimal("70"));
    values.put("height_cm", new BigDecimal("175"));
    Object bmi = eval("round([weight_kg] / ([height_cm] / 100) ^ 2, 1)");
    assertThat(bmi).isEqualTo(new BigDecimal("22.9"));
  }

  @Test
  void arithmeticWithABlankFieldIsBlank() throws Exception {
    values.put("weight_kg", new BigDecimal("70"));
    assertThat(eval("[weight_kg] / [height_cm]")).isNull();
    assertThat(eval("[weight_kg] / 0")).isNull();
  }

  @Test
  void branchingOnCodesAndNumbers() throws Exception {
    values.put("allergen", "1");
    values.put("age", 40);
    values.put("cardiac_arrest", "1");
    assertThat(test("[allergen] = '1'")).isTrue();
    assertThat(test("[allergen] = \"2\"")).isFalse();
    assertThat(test("[age] >= 18 and [cardiac_arrest] = '1'")).isTrue();
    assertThat(test("[age] < 18 or [cardiac_arrest] = '0'")).isFalse();
    assertThat(test("not ([age] < 18)")).isTrue();
    assertThat(test("[allergen] <> '1'")).isFalse();
    assertThat(test("[allergen] != '2'")).isTrue();
  }

  @Test
  void blankFieldsCompareAsEmptyText() throws Exception {
    assertThat(test("[allergen] = ''")).isTrue();
    assertThat(test("[allergen] <> ''")).isFalse();
    assertThat(test("[age] > 5")).isFalse();
    assertThat(test("[age] < 5")).isFalse();
    assertThat(test("[allergen] = '1'")).isFalse();
  }

  @Test
  void checkboxItems() throws Exception {
    values.put("ecmo_compl", List.of("2", "4"));
    assertThat(test("[ecmo_compl(2)] = '1'")).isTrue();
    assertThat(test("[ecmo_compl(1)] = '1'")).isFalse();
    assertThat(test("[ecmo_compl(1)] = '0'")).isTrue();
    Expression expression = Expression.parse("[ecmo_compl(2)] = '1' or [ecmo_compl(3)] = '1'");
    assertThat(expression.variables()).containsExactly("ecmo_compl");
    assertThat(expression.checkboxCodes().get("ecmo_compl")).containsExactly("2", "3");
  }

  @Test
  void scoresWithSumIfAndAggregates() throws Exception {
    values.put("a", 2);
    values.put("b", "3");
    assertThat(eval("sum([a], [b], [c])")).isEqualTo(new BigDecimal("5"));
    assertThat(eval("mean([a], [b])")).isEqualTo(new BigDecimal("2.5"));
    assertThat(eval("min([a], [b])")).isEqualTo(new BigDecimal("2"));
    assertThat(eval("max([a], [b], 7)")).isEqualTo(new BigDecimal("7"));
    assertThat(eval("if([a] > 1, 10, 20)")).isEqualTo(new BigDecimal("10"));
    assertThat(eval("abs(-[a])")).isEqualTo(new BigDecimal("2"));
    assertThat(eval("sqrt(16)")).isEqualTo(new BigDecimal("4"));
    assertThat(eval("roundup(2.21, 1)")).isEqualTo(new BigDecimal("2.3"));
    assertThat(eval("rounddown(2.29, 1)")).isEqualTo(new BigDecimal("2.2"));
    assertThat(eval("2 + 3 * 4 - 1")).isEqualTo(new BigDecimal("13"));
    assertThat(eval("2 ^ 3 ^ 2")).isEqualTo(new BigDecimal("512"));
    assertThat(eval("sum([c])")).isNull();
  }

  @Test
  void datediffInDaysAndYears() throws Exception {
    values.put("admission", LocalDate.of(2024, 1, 1));
    values.put("discharge", LocalDate.of(2024, 1, 15));
    assertThat(eval("datediff([admission], [discharge], \"d\")")).isEqualTo(new BigDecimal("14"));
    assertThat(eval("datediff([discharge], [admission], 'd')")).isEqualTo(new BigDecimal("14"));
    assertThat(eval("datediff([discharge], [admission], 'd', true)"))
        .isEqualTo(new BigDecimal("-14"));
    assertThat(eval("round(datediff('2000-01-01', '2020-01-01', 'y'), 0)"))
        .isEqualTo(new BigDecimal("20"));
    assertThat(eval("datediff([admission], [missing], 'd')")).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "[a] = | ends too early",
        "[a] = '1' and | ends too early",
        "[a | not closed",
        "'open | not closed",
        "eval('1') | eval() is not supported",
        "today() | today() is not supported",
        "a = 1 | write field names in brackets",
        "[A] = 1 | is not a field name",
        "[e1][a] = 1 | not supported",
        "round(1, 2, 3) | different number",
        "if(1, 2) | different number",
        "[a] = 1 ) | Unexpected",
        "1..2 | is not a number",
        "[a(] = 1 | check-box reference"
      })
  void refusesWhatItCannotTake(String text, String message) {
    assertThatThrownBy(() -> Expression.parse(text))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(message.strip());
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 900})
  void deepNestingIsRefusedNotAStackOverflow(int depth) {
    String text = "(".repeat(depth) + "1" + ")".repeat(depth);
    assertThatThrownBy(() -> Expression.parse(text))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("nested too deeply");
    String minus = "-".repeat(depth) + "1";
    assertThatThrownBy(() -> Expression.parse(minus)).isInstanceOf(ExpressionException.class);
  }

  @Test
  void refusesOverlongAndEmptyExpressions() {
    assertThatThrownBy(() -> Expression.parse("1+".repeat(1500) + "1"))
        .hasMessageContaining("longer than");
    assertThatThrownBy(() -> Expression.parse("  ")).hasMessageContaining("empty");
  }

  @Test
  void aHugeExponentStaysBounded() throws Exception {
    assertThat(eval("10 ^ 100000")).isNull();
    assertThat(eval("2 ^ 10")).isEqualTo(new BigDecimal("1024"));
    assertThat(eval("0 ^ -1")).isNull();
  }
}
