package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a case's custom sections, by section key: one record per single section, the items
 * of each repeating section in order. Values are typed as {@link org.caseregistry.form.FieldValues}
 * describes.
 */
public record CustomData(
    Map<String, SectionValues> singles, Map<String, List<SectionValues>> items) {

  public static final CustomData EMPTY = new CustomData(Map.of(), Map.of());

  public CustomData {
    singles = Map.copyOf(singles);
    items = Map.copyOf(items);
  }

  public SectionValues single(String key) {
    return singles.getOrDefault(key, SectionValues.empty());
  }

  public List<SectionValues> items(String key) {
    return items.getOrDefault(key, List.of());
  }

  /** The values of every single section, by section key, as expressions read them. */
  public Map<String, Map<String, Object>> singleValues() {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    singles.forEach((key, section) -> values.put(key, section.values()));
    return values;
  }

  public CustomData with(String key, SectionValues values) {
    Map<String, SectionValues> copy = new LinkedHashMap<>(singles);
    copy.put(key, values);
    return new CustomData(copy, items);
  }

  public CustomData withItems(String key, List<SectionValues> values) {
    Map<String, List<SectionValues>> copy = new LinkedHashMap<>(items);
    copy.put(key, List.copyOf(values));
    return new CustomData(singles, copy);
  }
}
