package org.caseregistry.cases.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.CurrentAccounts;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInLinks;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CaseSignOff;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionInput;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.query.CaseQueries;
import org.caseregistry.query.CaseQueryNotes;
import org.caseregistry.query.QueryBadge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The section form's binding and messages in the web slice only (no database, no security filters):
 * what the browser posts reaches the save as typed, and a value the save refuses comes back next to
 * its field, with every typed value kept. Seconds instead of the whole application; the whole path
 * (security, PostgreSQL) is proven by {@code CaseRecordIntegrationTest}.
 */
@WebMvcTest(SectionController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({CurrentAccounts.class, SignedInLinks.class, CaseDisplay.class, CustomDisplay.class})
class SectionFormWebMvcTest {

  private static final long CASE_ID = 7;
  private static final CurrentAccount SURGEON =
      new CurrentAccount(1, "surgeon", "A Surgeon", Role.SURGEON, Set.of(3L));

  @Autowired MockMvc mvc;
  @MockitoBean CaseService caseService;

  @MockitoBean(name = "caseQueryNotes")
  CaseQueryNotes queryNotes;

  @MockitoBean(name = "queryBadge")
  QueryBadge queryBadge;

  @BeforeEach
  void aCaseOfTheSurgeonsSite() {
    CaseHeader header =
        new CaseHeader(
            CASE_ID,
            2,
            "Series",
            3,
            "S1",
            "Site one",
            "BN-1",
            CaseStatus.ACTIVE,
            null,
            null,
            null,
            false,
            0,
            Instant.EPOCH,
            "seed",
            Instant.EPOCH,
            "seed");
    CaseData data = CaseData.empty();
    CaseService.CaseView view =
        new CaseService.CaseView(
            header,
            data,
            DerivedValues.derivedFrom(data),
            true,
            false,
            false,
            false,
            FormTemplate.ESOPHAGECTOMY.definition(),
            List.of(),
            CaseSignOff.NONE);
    when(caseService.view(anyLong(), any())).thenReturn(view);
    when(queryNotes.of(any())).thenReturn(new CaseQueries(List.of(), List.of()));
    // The real reading of the posted values, as the service does it first.
    when(caseService.saveSection(eq(CASE_ID), eq(Section.OPERATION), any(), any()))
        .thenAnswer(
            call -> {
              SectionForm form = call.getArgument(2);
              return Outcome.refused(
                  SectionInput.read(
                          Section.OPERATION, form.getValues(), form.getMissing(), form.getVersion())
                      .problems());
            });
  }

  @Test
  void aDateThatIsNoDateComesBackNextToItsFieldWithWhatWasTyped() throws Exception {
    mvc.perform(
            post("/cases/{caseId}/sections/operation", CASE_ID)
                .requestAttr(CurrentAccount.class.getName(), SURGEON)
                .param("version", "0")
                .param("values[operation_date]", "yesterday")
                .param("values[operative_time_min]", "240"))
        .andExpect(status().isOk())
        .andExpect(view().name(SectionController.FORM))
        .andExpect(model().attributeHasFieldErrors("sectionForm", "values[operation_date]"))
        .andExpect(content().string(containsString("id=\"operation_date-error\">Enter a date")))
        .andExpect(content().string(containsString("value=\"yesterday\"")))
        .andExpect(content().string(containsString("value=\"240\"")));
  }

  @Test
  void aStaleSaveShowsThePageAgainWithTheTypedValueBesideTheStoredOne() throws Exception {
    when(caseService.saveSection(eq(CASE_ID), eq(Section.OPERATION), any(), any()))
        .thenThrow(new EditConflictException());
    when(caseService.section(eq(CASE_ID), eq(Section.OPERATION), any()))
        .thenReturn(
            SectionInput.read(
                    Section.OPERATION,
                    new HashMap<>(Map.of("operative_time_min", "300")),
                    new HashMap<>(),
                    1)
                .values());
    mvc.perform(
            post("/cases/{caseId}/sections/operation", CASE_ID)
                .requestAttr(CurrentAccount.class.getName(), SURGEON)
                .param("version", "0")
                .param("values[operative_time_min]", "240"))
        .andExpect(status().isOk())
        .andExpect(view().name(SectionController.FORM))
        .andExpect(model().attributeHasErrors("sectionForm"))
        .andExpect(model().attribute("conflicts", hasSize(1)))
        .andExpect(content().string(containsString("240")))
        .andExpect(content().string(containsString("300")));
  }
}
