package org.caseregistry.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a section or list item to save. It replaces the whole section: a variable left out
 * is saved as not entered.
 */
@Schema(
    example =
        "{\"values\": {\"sex\": \"MALE\", \"age_years\": 65, \"height_cm\": 160,"
            + " \"weight_kg\": \"47.4\"}, \"missing\": {\"birth_year\": \"UNKNOWN\"},"
            + " \"version\": 0}")
public class SectionRequest {

  @Schema(
      description =
          "Value by variable name: a code, a number, an ISO date (yyyy-mm-dd) or a text, as a JSON"
              + " string or number; null or left out for no value",
      requiredMode = Schema.RequiredMode.REQUIRED)
  private Map<String, Object> values;

  @Schema(description = "Why a value is empty, by variable name: UNKNOWN or NOT_APPLICABLE")
  private Map<String, String> missing = new LinkedHashMap<>();

  @Schema(
      description =
          "The version read (0 for a section never saved); or send it as If-Match. Not needed"
              + " to add a list item")
  private Integer version;

  private final List<String> unknownProperties = new ArrayList<>();

  public Map<String, Object> getValues() {
    return values;
  }

  public void setValues(Map<String, Object> values) {
    this.values = values;
  }

  public Map<String, String> getMissing() {
    return missing;
  }

  public void setMissing(Map<String, String> missing) {
    this.missing = missing == null ? new LinkedHashMap<>() : missing;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  /** A misspelt property must not pass silently: it would save the section without it. */
  @JsonAnySetter
  void unknownProperty(String name, Object value) {
    unknownProperties.add(name);
  }

  List<String> unknownProperties() {
    return unknownProperties;
  }
}
