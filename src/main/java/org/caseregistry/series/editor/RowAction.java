package org.caseregistry.series.editor;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.platform.NotFoundException;

/** The buttons of a section's or a field's row in the editor: move, retire or restore, remove. */
enum RowAction {
  UP,
  DOWN,
  RETIRE,
  RESTORE,
  REMOVE;

  /** How one row of a form, a section or a field, moves, retires (or is restored) and goes. */
  record Row(
      BiFunction<FormDefinition, Integer, FormDefinition> move,
      BiFunction<FormDefinition, Boolean, FormDefinition> retire,
      UnaryOperator<FormDefinition> remove) {

    static Row section(String key) {
      return new Row(
          (form, step) -> FormEdits.moveSection(form, key, step),
          (form, retired) -> FormEdits.retireSection(form, key, retired),
          form -> FormEdits.removeSection(form, key));
    }

    static Row field(String name) {
      return new Row(
          (form, step) -> FormEdits.moveField(form, name, step),
          (form, retired) -> FormEdits.retireField(form, name, retired),
          form -> FormEdits.removeField(form, name));
    }
  }

  /** The action a button's path names; any other name is not found. */
  static RowAction named(String name) {
    for (RowAction action : values()) {
      if (action.name().toLowerCase(Locale.ROOT).equals(name)) {
        return action;
      }
    }
    throw new NotFoundException();
  }

  /** The form this action makes of {@code form}, done to {@code row}. */
  FormDefinition apply(FormDefinition form, Row row) {
    return switch (this) {
      case UP -> row.move().apply(form, -1);
      case DOWN -> row.move().apply(form, 1);
      case RETIRE -> row.retire().apply(form, true);
      case RESTORE -> row.retire().apply(form, false);
      case REMOVE -> row.remove().apply(form);
    };
  }
}
