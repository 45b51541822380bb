package org.caseregistry.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.SignOff;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class CaseListRowsTest {

  private static final Instant UPDATED = Instant.parse("2026-03-04T05:06:07Z");

  private final StaticMessageSource messages = new StaticMessageSource();

  CaseListRowsTest() {
    messages.addMessage("case.section.filled", Locale.ENGLISH, "filled");
    messages.addMessage("case.section.empty", Locale.ENGLISH, "not \"filled\"");
    messages.addMessage("case.status.WITHDRAWN", Locale.ENGLISH, "Withdrawn");
    messages.addMessage(SignOff.LOCKED.messageKey(), Locale.ENGLISH, "Locked");
    messages.addMessage("stage.IIA", Locale.ENGLISH, "IIA <AJCC>");
  }

  private CaseListRows rows() {
    return new CaseListRows(messages, Locale.ENGLISH, "/registry");
  }

  private static CaseList.Row row(String code, String status, Set<Section> filled) {
    return new CaseList.Row(
        7, code, status, "E&1", filled, 0, null, null, false, UPDATED, "dr <b>", SignOff.OPEN);
  }

  @Test
  void writesTheCellsOfARowAsTheTemplateDid() {
    CaseList.Row row =
        new CaseList.Row(
            42,
            "BN<1>",
            "ACTIVE",
            "E",
            EnumSet.of(Section.values()[1]),
            3,
            "IIA",
            null,
            false,
            UPDATED,
            "surgeon",
            SignOff.OPEN);
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault())
            .format(UPDATED);

    String html = rows().html(List.of(row));

    assertThat(html)
        .startsWith(
            "<tr><td><a href=\"/registry/cases/42\">BN&lt;1&gt;</a></td><td>E</td><td"
                + " class=\"text-center\"><span class=\"text-body-tertiary\" title=\"not"
                + " &quot;filled&quot;\" aria-hidden=\"true\">○</span><span"
                + " class=\"visually-hidden\">not &quot;filled&quot;</span></td><td"
                + " class=\"text-center\"><span class=\"text-success\" title=\"filled\""
                + " aria-hidden=\"true\">●</span><span"
                + " class=\"visually-hidden\">filled</span></td>")
        .endsWith(
            "<td>IIA &lt;AJCC&gt;</td><td>–</td>"
                + "<td><span class=\"badge text-bg-warning\">3</span></td>"
                + "<td class=\"small text-body-secondary\"><span>"
                + when
                + "</span> · <span>surgeon</span></td></tr>\n");
    assertThat(html.split("<td class=\"text-center\">", -1)).hasSize(Section.values().length + 1);
    assertThat(html.split("text-success", -1)).hasSize(2);
  }

  @Test
  void marksWithdrawnAndSignedOffCases() {
    CaseList.Row locked =
        new CaseList.Row(
            8,
            "BN2",
            "WITHDRAWN",
            "E",
            Set.of(),
            0,
            null,
            null,
            false,
            UPDATED,
            "u",
            SignOff.LOCKED);

    String html = rows().html(List.of(locked));

    assertThat(html)
        .startsWith(
            "<tr class=\"text-decoration-line-through text-body-secondary\"><td>"
                + "<a href=\"/registry/cases/8\">BN2</a>"
                + " <span class=\"badge text-bg-secondary\">Withdrawn</span>"
                + " <span class=\"badge text-bg-info sign-off\">Locked</span></td>")
        .contains("<td></td><td class=\"small");
  }

  @Test
  void escapesWhatComesFromTheDatabase() {
    String html = rows().html(List.of(row("<script>x</script>", "ACTIVE", Set.of())));

    assertThat(html)
        .contains("&lt;script&gt;x&lt;/script&gt;", "<td>E&amp;1</td>", "dr &lt;b&gt;")
        .doesNotContain("<script>", "<b>");
  }

  @Test
  void aStageWithoutAWordShowsAsThymeleafShowsAMissingMessage() {
    CaseList.Row row =
        new CaseList.Row(
            9, "BN3", "ACTIVE", "E", Set.of(), 0, "IVZ", "", false, null, null, SignOff.OPEN);

    assertThat(rows().html(List.of(row)))
        .contains("<td>??stage.IVZ_en??</td><td>–</td>", "<span></span> · <span></span>");
  }

  @Test
  void rowsWithTheSameSectionsShareTheirCells() {
    CaseListRows rows = rows();
    Set<Section> some = EnumSet.of(Section.values()[0], Section.values()[2]);

    String two = rows.html(List.of(row("A", "ACTIVE", some), row("B", "ACTIVE", some)));
    String cells = two.substring(two.indexOf("<td class=\"text-center\">"), two.indexOf("<td>–"));

    assertThat(two.indexOf(cells, two.indexOf(cells) + cells.length())).isPositive();
    assertThat(rows.html(List.of())).isEmpty();
  }
}
