package org.caseregistry.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The filters of a recorded export in words ("Sites: BVE, BVTN; variables: Age at surgery, Sex").
 * The audit keeps them in the stable machine form written at export time ({@code site=1 sites=[1,
 * 2] group=site vars=age_at_surgery,sex}); this only reads that form for people.
 */
@Component
class ExportFilterWords {

  private static final Pattern ENTRY = Pattern.compile("(\\w+)=(\\[[^\\]]*\\]|\\S*)");

  private final MessageSource messages;

  ExportFilterWords(MessageSource messages) {
    this.messages = messages;
  }

  String words(String filters, CaseSeries series, Locale locale) {
    if (filters == null || filters.isBlank()) {
      return message("report.audit.words.none", locale);
    }
    Map<Long, String> siteCodes =
        series.getSites().stream()
            .collect(Collectors.toMap(HospitalSite::getId, HospitalSite::getCode, (a, b) -> a));
    List<String> parts = new ArrayList<>();
    Matcher matcher = ENTRY.matcher(filters);
    while (matcher.find()) {
      String key = matcher.group(1);
      String value = matcher.group(2).replace("[", "").replace("]", "").strip();
      if (value.isEmpty() || "null".equals(value)) {
        continue;
      }
      String words =
          switch (key) {
            case "site", "sites" -> sites(value, siteCodes);
            case "vars" -> variables(value, locale);
            case "group" -> group(value, locale);
            default -> value;
          };
      parts.add(message("report.audit.words." + key, locale) + ": " + words);
    }
    return parts.isEmpty() ? filters : String.join("; ", parts);
  }

  private static String sites(String ids, Map<Long, String> siteCodes) {
    return Arrays.stream(ids.split(","))
        .map(String::strip)
        .map(
            id -> {
              try {
                return siteCodes.getOrDefault(Long.parseLong(id), "#" + id);
              } catch (NumberFormatException notAnId) {
                return id;
              }
            })
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private String variables(String names, Locale locale) {
    return Arrays.stream(names.split(","))
        .map(name -> label(name.strip(), locale))
        .collect(Collectors.joining(", "));
  }

  private String group(String grouping, Locale locale) {
    if (SummaryVariable.SITE.equals(grouping)) {
      return message("report.summary.group.site", locale);
    }
    if (SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return message("report.summary.group.year", locale);
    }
    return label(grouping, locale);
  }

  private String label(String variable, Locale locale) {
    return SummaryVariable.find(variable)
        .map(v -> messages.getMessage(v.labelKey(), null, variable, locale))
        .orElse(variable);
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
