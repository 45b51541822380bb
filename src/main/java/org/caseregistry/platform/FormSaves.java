package org.caseregistry.platform;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/** The save of an edit form that is shown again, as typed, when the save does not happen. */
public final class FormSaves {

  private FormSaves() {}

  /**
   * Whether the form was saved: not when it has binding errors, when the save refuses it (returns
   * null, having put its problems into {@code result}), or when someone else saved the record after
   * the form was loaded (then "edit.conflict" is shown above the form).
   */
  public static boolean saved(BindingResult result, Supplier<?> save) {
    if (result.hasErrors()) {
      return false;
    }
    try {
      return save.get() != null;
    } catch (EditConflictException | OptimisticLockingFailureException conflict) {
      result.reject("edit.conflict");
      return false;
    }
  }
}
