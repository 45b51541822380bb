package org.caseregistry.cases.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseBulkWriter;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.caseregistry.catalog.Section;
import org.junit.jupiter.api.Test;

/** What an import writes, planned from the stored and the imported state, without a database. */
class ImportPlanTest {

  /** Ids as a sequence per table would give them, from 100 on. */
  private final Map<String, Long> drawn = new HashMap<>();

  private final ImportPlan.Ids ids =
      (table, count) -> {
        long first = drawn.getOrDefault(table, 100L);
        drawn.put(table, first + count);
        return LongStream.range(first, first + count).toArray();
      };

  private static SectionValues values(Long itemId, int version, Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return new SectionValues(itemId, version, map, new LinkedHashMap<>());
  }

  private static SectionValues node(Long itemId, int version, String field, int positive) {
    return values(
        itemId, version, "node_field", field, "nodes_positive", positive, "nodes_examined", 10);
  }

  private static CaseHeader header(long id, String studyCode) {
    return new CaseHeader(
        id,
        7,
        "Series",
        3,
        "BM",
        "Bach Mai",
        studyCode,
        CaseStatus.ACTIVE,
        null,
        null,
        null,
        false,
        1,
        null,
        "u",
        null,
        "u");
  }

  private static CaseBulkWriter.ChangedCase changed(long id, CaseData before, CaseData after) {
    return new CaseBulkWriter.ChangedCase(
        header(id, "BN" + id), before, after, DerivedValues.derivedFrom(after));
  }

  private static List<String> actionsAndFields(List<ImportPlan.Audit> audit) {
    return audit.stream()
        .map(planned -> planned.entry().action() + " " + planned.entry().field())
        .toList();
  }

  @Test
  void newCasesGetDrawnIdsTheirFilledSectionsAndPositionedItemsAndOneChangeSetEach() {
    CaseData first =
        CaseData.empty()
            .with(Section.PATIENT, values(null, 0, "age_years", 65))
            .with(Section.TUMOUR, values(null, 0, "ct", null))
            .withItems(
                Section.NODES,
                List.of(node(null, 0, "THORACIC", 1), node(null, 0, "ABDOMINAL", 6)));
    CaseData second = CaseData.empty().with(Section.PATIENT, values(null, 0, "age_years", 70));

    ImportPlan.Inserts plan =
        ImportPlan.inserts(
            7,
            List.of(
                new CaseBulkWriter.NewCase("BN1", 3, first, DerivedValues.derivedFrom(first)),
                new CaseBulkWriter.NewCase("BN2", 3, second, DerivedValues.derivedFrom(second))),
            "importer",
            ids);

    assertThat(plan.cases())
        .extracting(ImportPlan.NewCaseRow::caseId, ImportPlan.NewCaseRow::studyCode)
        .containsExactly(tuple(100L, "BN1"), tuple(101L, "BN2"));
    assertThat(plan.cases().get(0).derived().nodesPositiveTotal()).isEqualTo(7);
    // A section without any value is not written.
    assertThat(plan.singles()).containsOnlyKeys(Section.PATIENT);
    assertThat(plan.singles().get(Section.PATIENT))
        .extracting(ImportPlan.SingleRow::caseId)
        .containsExactly(100L, 101L);
    assertThat(plan.items().get(Section.NODES))
        .extracting(
            ImportPlan.NewItem::itemId, ImportPlan.NewItem::caseId, ImportPlan.NewItem::position)
        .containsExactly(tuple(100L, 100L, 1), tuple(101L, 100L, 2));
    assertThat(actionsAndFields(plan.audit()))
        .containsExactly(
            "IMPORT study_code",
            "IMPORT age_years",
            "IMPORT study_code",
            "IMPORT age_years",
            "IMPORT node_field",
            "IMPORT nodes_positive",
            "IMPORT nodes_examined",
            "IMPORT node_field",
            "IMPORT nodes_positive",
            "IMPORT nodes_examined");
    // The first case's items are audited in its change set, with their drawn ids.
    List<ImportPlan.Audit> ofFirst =
        plan.audit().stream().filter(planned -> planned.of().caseId() == 100L).toList();
    assertThat(ofFirst)
        .extracting(planned -> planned.of().changeSet())
        .containsOnly(ofFirst.get(0).of().changeSet());
    assertThat(ofFirst.get(ofFirst.size() - 1).entry().itemId()).isEqualTo(101L);
    assertThat(plan.audit().get(2).of().changeSet()).isNotEqualTo(ofFirst.get(0).of().changeSet());
  }

  @Test
  void aChangedSectionIsUpdatedAtItsStoredVersionAnUnchangedOneNotAtAllANewOneInserted() {
    CaseData before =
        CaseData.empty()
            .with(Section.PATIENT, values(null, 4, "age_years", 65))
            .with(Section.OPERATION, values(null, 2, "conduit_time_min", 30));
    CaseData after =
        before
            .with(Section.PATIENT, values(null, 4, "age_years", 66))
            .with(Section.POSTOP, values(null, 0, "any_complication", "NO"));

    ImportPlan.Updates plan =
        ImportPlan.updates(List.of(changed(5, before, after)), "importer", "cases.xlsx", ids);

    assertThat(plan.singleUpdates()).containsOnlyKeys(Section.PATIENT);
    assertThat(plan.singleUpdates().get(Section.PATIENT))
        .extracting(ImportPlan.SingleRow::caseId, ImportPlan.SingleRow::version)
        .containsExactly(tuple(5L, 4));
    assertThat(plan.singleInserts()).containsOnlyKeys(Section.POSTOP);
    assertThat(plan.itemDeletes()).isEmpty();
    assertThat(plan.itemUpdates()).isEmpty();
    assertThat(plan.itemAppends()).isEmpty();
    assertThat(plan.derived()).extracting(ImportPlan.DerivedRow::caseId).containsExactly(5L);
    // The file is named first, then each changed field, all in the case's one change set.
    assertThat(plan.audit().get(0).entry().newValue()).isEqualTo("cases.xlsx");
    assertThat(actionsAndFields(plan.audit()))
        .containsExactly("IMPORT null", "UPDATE age_years", "UPDATE any_complication");
    assertThat(plan.audit())
        .extracting(planned -> planned.of().changeSet())
        .containsOnly(plan.audit().get(0).of().changeSet());
    assertThat(drawn).isEmpty();
  }

  @Test
  void itemsAreComparedByPositionUpdatedDeletedAtTheirVersionsOrAppendedWithDrawnIds() {
    CaseData before =
        CaseData.empty()
            .withItems(
                Section.NODES,
                List.of(
                    node(11L, 1, "THORACIC", 1),
                    node(12L, 3, "ABDOMINAL", 6),
                    node(13L, 2, "CERVICAL", 0)));
    CaseData shorter =
        before.withItems(
            Section.NODES, List.of(node(null, 0, "THORACIC", 1), node(null, 0, "ABDOMINAL", 7)));
    CaseData longer =
        before.withItems(
            Section.NODES,
            List.of(
                node(null, 0, "THORACIC", 1),
                node(null, 0, "ABDOMINAL", 6),
                node(null, 0, "CERVICAL", 0),
                node(null, 0, "CERVICAL", 2)));

    ImportPlan.Updates plan =
        ImportPlan.updates(
            List.of(changed(5, before, shorter), changed(6, before, longer)),
            "importer",
            "cases.xlsx",
            ids);

    assertThat(plan.itemUpdates().get(Section.NODES))
        .extracting(ImportPlan.StoredItem::itemId, ImportPlan.StoredItem::version)
        .containsExactly(tuple(12L, 3));
    assertThat(plan.itemDeletes().get(Section.NODES))
        .extracting(ImportPlan.StoredItem::itemId, ImportPlan.StoredItem::caseId)
        .containsExactly(tuple(13L, 5L));
    assertThat(plan.itemAppends().get(Section.NODES))
        .extracting(
            ImportPlan.NewItem::itemId, ImportPlan.NewItem::caseId, ImportPlan.NewItem::position)
        .containsExactly(tuple(100L, 6L, 0));
    assertThat(actionsAndFields(plan.audit()))
        .containsExactly(
            "IMPORT null",
            "UPDATE nodes_positive",
            "DELETE_ITEM node_field",
            "DELETE_ITEM nodes_positive",
            "DELETE_ITEM nodes_examined",
            "IMPORT null",
            // An added item is audited last, once its id is drawn.
            "ADD_ITEM node_field",
            "ADD_ITEM nodes_positive",
            "ADD_ITEM nodes_examined");
    assertThat(plan.audit().get(plan.audit().size() - 1).of().caseId()).isEqualTo(6L);
    assertThat(plan.audit().get(plan.audit().size() - 1).entry().itemId()).isEqualTo(100L);
  }
}
