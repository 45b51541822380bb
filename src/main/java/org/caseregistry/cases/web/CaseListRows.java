package org.caseregistry.cases.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.SignOff;
import org.caseregistry.catalog.Section;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The rows of the case list's table, as HTML. A page has 25 rows of 22 cells; built by the template
 * they were more than half of the page's CPU time (an iteration per row and per section cell, some
 * twenty attribute processors per row, a date formatter parsed for every row), which under 16
 * clients on two cores is most of the list's latency. Written here, a page's rows cost a few string
 * appends each. Every text from the database or the message bundles is escaped; the words are
 * looked up once per page, and the cells of each distinct set of filled sections are written once
 * per page. The markup is what the template wrote.
 */
public final class CaseListRows {

  /** What {@code #temporals.format(updatedAt, 'yyyy-MM-dd HH:mm')} wrote: the server's zone. */
  private static final DateTimeFormatter UPDATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final MessageSource messages;
  private final Locale locale;
  private final String contextPath;
  private final String filledCell;
  private final String emptyCell;
  private final Map<String, String> words = new HashMap<>();
  private final Map<Set<Section>, String> cellsByFilledSections = new HashMap<>();

  CaseListRows(MessageSource messages, Locale locale, String contextPath) {
    this.messages = messages;
    this.locale = locale;
    this.contextPath = contextPath;
    this.filledCell = sectionCell("text-success", word("case.section.filled"), "●");
    this.emptyCell = sectionCell("text-body-tertiary", word("case.section.empty"), "○");
  }

  /** The page's rows, in order. */
  public String html(List<CaseList.Row> rows) {
    StringBuilder html = new StringBuilder(rows.size() * 2600);
    for (CaseList.Row row : rows) {
      append(html, row);
    }
    return html.toString();
  }

  private void append(StringBuilder html, CaseList.Row row) {
    boolean withdrawn = "WITHDRAWN".equals(row.status());
    html.append(
        withdrawn ? "<tr class=\"text-decoration-line-through text-body-secondary\">" : "<tr>");
    html.append("<td><a href=\"")
        .append(contextPath)
        .append("/cases/")
        .append(row.id())
        .append("\">")
        .append(escape(row.studyCode()))
        .append("</a>");
    if (withdrawn) {
      html.append(" <span class=\"badge text-bg-secondary\">")
          .append(word("case.status.WITHDRAWN"))
          .append("</span>");
    }
    if (row.signOff() != SignOff.OPEN) {
      html.append(" <span class=\"badge text-bg-info sign-off\">")
          .append(word(row.signOff().messageKey()))
          .append("</span>");
    }
    html.append("</td><td>").append(escape(row.siteCode())).append("</td>");
    html.append(cellsByFilledSections.computeIfAbsent(row.sectionsFilled(), this::sectionCells));
    html.append("<td>").append(stage(row.clinicalStage())).append("</td>");
    html.append("<td>").append(stage(row.pathologicalStage())).append("</td>");
    html.append("<td>");
    if (row.warningCount() > 0) {
      html.append("<span class=\"badge text-bg-warning\">")
          .append(row.warningCount())
          .append("</span>");
    }
    html.append("</td><td class=\"small text-body-secondary\"><span>");
    if (row.updatedAt() != null) {
      html.append(UPDATED.format(row.updatedAt()));
    }
    html.append("</span> · <span>").append(escape(row.updatedBy())).append("</span></td></tr>\n");
  }

  private String stage(String stage) {
    return stage == null || stage.isEmpty() ? "–" : word("stage." + stage);
  }

  /** The cells of the sections, in the order of {@link Section#values()} (the header's). */
  private String sectionCells(Set<Section> filled) {
    StringBuilder html = new StringBuilder(Section.values().length * filledCell.length());
    for (Section section : Section.values()) {
      html.append(filled.contains(section) ? filledCell : emptyCell);
    }
    return html.toString();
  }

  private static String sectionCell(String markClass, String word, String mark) {
    return "<td class=\"text-center\"><span class=\""
        + markClass
        + "\" title=\""
        + word
        + "\" aria-hidden=\"true\">"
        + mark
        + "</span><span class=\"visually-hidden\">"
        + word
        + "</span></td>";
  }

  /** A message of the bundles, escaped; a key without a text shows as Thymeleaf shows it. */
  private String word(String key) {
    return words.computeIfAbsent(
        key, k -> escape(messages.getMessage(k, null, "??" + k + "_" + locale + "??", locale)));
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
