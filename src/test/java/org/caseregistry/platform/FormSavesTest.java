package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

class FormSavesTest {

  private final BindingResult result = new BeanPropertyBindingResult(new Object(), "form");

  @Test
  void aSaveThatReturnsWhatItSavedIsSaved() {
    assertThat(FormSaves.saved(result, () -> "saved")).isTrue();
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void aFormWithBindingErrorsIsNotSavedAtAll() {
    result.reject("some.error");
    assertThat(
            FormSaves.saved(
                result,
                () -> {
                  throw new AssertionError("must not be called");
                }))
        .isFalse();
  }

  @Test
  void aRefusedSaveIsNotSaved() {
    assertThat(FormSaves.saved(result, () -> null)).isFalse();
  }

  @Test
  void aConcurrentEditIsShownAboveTheForm() {
    assertThat(
            FormSaves.saved(
                result,
                () -> {
                  throw new EditConflictException();
                }))
        .isFalse();
    assertThat(result.getGlobalError().getCode()).isEqualTo("edit.conflict");

    BindingResult other = new BeanPropertyBindingResult(new Object(), "form");
    assertThat(
            FormSaves.saved(
                other,
                () -> {
                  throw new OptimisticLockingFailureException("stale");
                }))
        .isFalse();
    assertThat(other.getGlobalError().getCode()).isEqualTo("edit.conflict");
  }
}
