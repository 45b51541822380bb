package org.caseregistry.series.editor;

import java.util.HashMap;
import java.util.Map;

/** An empty case form for the editor's preview: the same fragment a surgeon's form uses. */
public class PreviewForm {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> missing = new HashMap<>();

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getMissing() {
    return missing;
  }

  public int getVersion() {
    return 0;
  }
}
