package org.caseregistry.series.editor;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.NotFoundException;

/** The buttons of a section's or a field's row in the editor: move, retire or restore, remove. */
enum RowAction {
  UP,
  DOWN,
  RETIRE,
  RESTORE,
  REMOVE;

  /** The action a button's path names; any other name is not found. */
  static RowAction named(String name) {
    for (RowAction action : values()) {
      if (action.name().toLowerCase(Locale.ROOT).equals(name)) {
        return action;
      }
    }
    throw new NotFoundException();
  }

  /** The form this action makes, given how to move, retire (or restore) and remove the row. */
  FormDefinition apply(
      IntFunction<FormDefinition> move,
      Function<Boolean, FormDefinition> retire,
      Supplier<FormDefinition> remove) {
    return switch (this) {
      case UP -> move.apply(-1);
      case DOWN -> move.apply(1);
      case RETIRE -> retire.apply(true);
      case RESTORE -> retire.apply(false);
      case REMOVE -> remove.get();
    };
  }
}
