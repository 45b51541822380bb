package org.caseregistry.cases.operations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService.CaseView;
import org.caseregistry.cases.CaseService.StoredCase;
import org.caseregistry.cases.CaseSignOff;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.CustomRules;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.cases.storage.SignOffStore;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.stereotype.Component;

/** A case as the pages, the API and the export read it: masked as the account must see it. */
@Component
public class CaseReads {

  private final CaseStore store;
  private final CaseSectionReads sectionReads;
  private final CaseAuditLog auditLog;
  private final FormService formService;
  private final CustomValueStore customStore;
  private final SignOffStore signOffs;
  private final SeriesService seriesService;
  private final CaseAccess access;

  CaseReads(
      CaseStore store,
      CaseSectionReads sectionReads,
      CaseAuditLog auditLog,
      FormService formService,
      CustomValueStore customStore,
      SignOffStore signOffs,
      SeriesService seriesService,
      CaseAccess access) {
    this.store = store;
    this.sectionReads = sectionReads;
    this.auditLog = auditLog;
    this.formService = formService;
    this.customStore = customStore;
    this.signOffs = signOffs;
    this.seriesService = seriesService;
    this.access = access;
  }

  private static final int HISTORY_LIMIT = 1000;

  public CaseView view(long caseId, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    CaseData data = sectionReads.load(caseId).withCustom(customStore.load(caseId, form));
    boolean hidden = !IdentifierPolicy.maySee(account, header.siteId());
    CaseSignOff signOff = signOffs.read(caseId);
    return new CaseView(
        header,
        hidden ? IdentifierPolicy.masked(data, form) : data,
        DerivedValues.derivedFrom(data),
        !header.isWithdrawn() && !signOff.locked(),
        CasePolicy.canWithdraw(account) && !signOff.locked(),
        CasePolicy.canDelete(account) && !signOff.locked(),
        hidden,
        form,
        CustomRules.warnings(form, data),
        signOff);
  }

  /** The current form of the case's series. */
  public FormDefinition form(long caseId, CurrentAccount account) {
    return formService.current(access.readable(caseId, account).seriesId());
  }

  public boolean isEmpty(long seriesId) {
    return store.countCases(seriesId) == 0;
  }

  public SectionValues section(long caseId, Section section, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    access.module(header, section);
    SectionValues values = sectionReads.single(caseId, section).orElse(SectionValues.empty());
    return IdentifierPolicy.maySee(account, header.siteId())
        ? values
        : IdentifierPolicy.masked(values);
  }

  public SectionValues item(long caseId, Section section, long itemId, CurrentAccount account) {
    access.module(access.readable(caseId, account), section);
    return sectionReads.items(caseId, section).stream()
        .filter(item -> item.itemId() == itemId)
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  public List<CaseAuditLog.Entry> history(long caseId, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    List<CaseAuditLog.Entry> history = auditLog.history(caseId, HISTORY_LIMIT);
    return IdentifierPolicy.maySee(account, header.siteId())
        ? history
        : IdentifierPolicy.masked(history, formService.current(header.seriesId()));
  }

  /**
   * The active cases of a series that the account may see, with all their sections, read with a
   * fixed number of statements; ordered by site and study code.
   */
  public List<StoredCase> casesOfSeries(long seriesId, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    List<CaseHeader> headers =
        store.headersOfSeries(seriesId).stream()
            .filter(header -> CasePolicy.canSee(account, header.siteId()) && !header.isWithdrawn())
            .sorted(
                Comparator.comparing(CaseHeader::siteCode)
                    .thenComparing(header -> header.studyCode().length())
                    .thenComparing(CaseHeader::studyCode))
            .toList();
    Set<Long> ids = headers.stream().map(CaseHeader::id).collect(Collectors.toSet());
    Map<Long, CaseData> data = sectionReads.loadSeries(seriesId, ids);
    FormDefinition form = formService.current(seriesId);
    Map<Long, CustomData> custom =
        form.sections().isEmpty() ? Map.of() : customStore.loadSeries(seriesId, ids, form);
    return headers.stream()
        .map(
            header ->
                new StoredCase(
                    header,
                    data.get(header.id())
                        .withCustom(custom.getOrDefault(header.id(), CustomData.EMPTY))))
        .toList();
  }
}
