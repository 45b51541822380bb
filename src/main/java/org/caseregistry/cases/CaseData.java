package org.caseregistry.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * Everything recorded for one case, as plain values: what derivations and checks read. Built-in
 * sections by their catalog section; the series' custom sections in {@code custom}.
 */
public record CaseData(
    Map<Section, SectionValues> singles,
    Map<Section, List<SectionValues>> lists,
    CustomData custom) {

  public CaseData {
    custom = custom == null ? CustomData.EMPTY : custom;
  }

  public CaseData(Map<Section, SectionValues> singles, Map<Section, List<SectionValues>> lists) {
    this(singles, lists, CustomData.EMPTY);
  }

  public static CaseData empty() {
    return new CaseData(new EnumMap<>(Section.class), new EnumMap<>(Section.class));
  }

  public CaseData withCustom(CustomData value) {
    return new CaseData(singles, lists, value);
  }

  public SectionValues single(Section section) {
    return singles.getOrDefault(section, SectionValues.empty());
  }

  public List<SectionValues> items(Section section) {
    return lists.getOrDefault(section, List.of());
  }

  /** A section counts as filled when it holds any value (list sections: any item). */
  public boolean isFilled(Section section) {
    return section.isList() ? !items(section).isEmpty() : single(section).hasAnyValue();
  }

  /** The value of a variable of a single section. */
  public Object value(String variable) {
    Section section = CaseVariables.get(variable).section();
    if (section.isList()) {
      throw new IllegalArgumentException(variable + " belongs to a list section");
    }
    return single(section).get(variable);
  }

  /** The value of a variable of a single section; null for a list variable or no value. */
  public Object valueOrNull(String variable) {
    if (!CaseVariables.exists(variable) || CaseVariables.get(variable).section().isList()) {
      return null;
    }
    return value(variable);
  }

  /** The value of a built-in variable by its typed key (see {@code catalog.Keys}). */
  public Object value(Variable variable) {
    return value(variable.name());
  }

  public String code(Variable variable) {
    return code(variable.name());
  }

  public Integer integer(Variable variable) {
    return integer(variable.name());
  }

  public BigDecimal decimal(Variable variable) {
    return decimal(variable.name());
  }

  public LocalDate date(Variable variable) {
    return date(variable.name());
  }

  public <E extends Enum<E>> E enumValue(Variable variable, Class<E> type) {
    return enumValue(variable.name(), type);
  }

  public String code(String variable) {
    return (String) value(variable);
  }

  public Integer integer(String variable) {
    return (Integer) value(variable);
  }

  public BigDecimal decimal(String variable) {
    return (BigDecimal) value(variable);
  }

  public LocalDate date(String variable) {
    return (LocalDate) value(variable);
  }

  /** The value of a coded variable as its enum constant, or null when absent. */
  public <E extends Enum<E>> E enumValue(String variable, Class<E> type) {
    String code = code(variable);
    return code == null ? null : Enum.valueOf(type, code);
  }

  public CaseData with(Section section, SectionValues values) {
    Map<Section, SectionValues> copy = new EnumMap<>(Section.class);
    copy.putAll(singles);
    copy.put(section, values);
    return new CaseData(copy, lists, custom);
  }

  public CaseData withItems(Section section, List<SectionValues> items) {
    Map<Section, List<SectionValues>> copy = new EnumMap<>(Section.class);
    copy.putAll(lists);
    copy.put(section, List.copyOf(items));
    return new CaseData(singles, copy, custom);
  }
}
