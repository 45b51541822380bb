package org.caseregistry.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.SignOff;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;

class SectionCellsTest {

  private static CaseList.Row row(Set<Section> filled) {
    return new CaseList.Row(
        1, "BN1", "ACTIVE", "E", filled, 0, null, null, false, Instant.EPOCH, "u", SignOff.OPEN);
  }

  @Test
  void writesOneCellPerSectionInTheHeadersOrder() {
    SectionCells cells = new SectionCells("filled", "empty");
    String html = cells.of(row(EnumSet.of(Section.values()[1])));

    assertThat(html.split("<td ", -1)).hasSize(Section.values().length + 1);
    assertThat(html)
        .startsWith(
            "<td class=\"text-center\"><span class=\"text-body-tertiary\" title=\"empty\""
                + " aria-hidden=\"true\">○</span><span class=\"visually-hidden\">empty</span></td>"
                + "<td class=\"text-center\"><span class=\"text-success\" title=\"filled\""
                + " aria-hidden=\"true\">●</span><span class=\"visually-hidden\">filled</span>"
                + "</td><td class=\"text-center\"><span class=\"text-body-tertiary\"");
    assertThat(html.split("text-success", -1)).hasSize(2);
  }

  @Test
  void escapesTheWords() {
    String html = new SectionCells("a \"b\" <c>", "d & e").of(row(EnumSet.allOf(Section.class)));

    assertThat(html).contains("title=\"a &quot;b&quot; &lt;c&gt;\"").doesNotContain("<c>");
    assertThat(new SectionCells("x", "d & e").of(row(Set.of()))).contains("d &amp; e");
  }

  @Test
  void rowsWithTheSameSectionsShareTheirCells() {
    SectionCells cells = new SectionCells("filled", "empty");

    String first = cells.of(row(EnumSet.of(Section.values()[0])));
    assertThat(cells.of(row(EnumSet.of(Section.values()[0])))).isSameAs(first);
    assertThat(cells.of(row(EnumSet.noneOf(Section.class)))).isNotEqualTo(first);
  }
}
