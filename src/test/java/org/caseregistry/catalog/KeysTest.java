package org.caseregistry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every typed key names a variable of the built-in catalog, under its own name. */
class KeysTest {

  @Test
  void everyKeyIsTheCatalogVariableOfItsName() throws Exception {
    int keys = 0;
    for (Field field : Keys.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Variable.class) {
        continue;
      }
      Variable variable = (Variable) field.get(null);
      assertThat(variable).isSameAs(CaseVariables.get(variable.name()));
      assertThat(field.getName()).isEqualTo(variable.name().toUpperCase(Locale.ROOT));
      keys++;
    }
    assertThat(keys).isGreaterThan(40);
  }
}
