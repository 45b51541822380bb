package org.caseregistry.series;

import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormChanges;

/**
 * What the cases of a series hold, as far as a form change needs to know: implemented by the module
 * that stores the values, so that this module can refuse a change that would orphan them.
 */
public interface StoredFormValues {

  /** The number of cases of the series whose stored values the change would orphan. */
  long casesAffected(long seriesId, FormChanges.Risk risk);

  /** The number of cases of the series with anything stored in a built-in module. */
  long casesWithModule(long seriesId, Section module);

  /** The custom fields of the series that hold a value in at least one case. */
  Set<String> fieldsWithValues(long seriesId);
}
