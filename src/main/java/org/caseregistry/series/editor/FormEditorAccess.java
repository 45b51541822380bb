package org.caseregistry.series.editor;

import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may open the form editor of a series (its coordinators and admins), and the section or field
 * a request names, checked on the server for every page and button of the editor.
 */
@Component
class FormEditorAccess {

  private final FormService formService;
  private final SeriesService seriesService;

  FormEditorAccess(FormService formService, SeriesService seriesService) {
    this.formService = formService;
    this.seriesService = seriesService;
  }

  CaseSeries editable(long seriesId, CurrentAccount account) {
    if (!FormService.canEdit(account)) {
      throw new AccessDeniedException("Only coordinators and admins change a series' form");
    }
    return seriesService.visible(seriesId, account);
  }

  SectionDefinition section(long seriesId, String key, CurrentAccount account) {
    editable(seriesId, account);
    return formService.current(seriesId).section(key).orElseThrow(NotFoundException::new);
  }

  FieldDefinition field(long seriesId, String name, CurrentAccount account) {
    editable(seriesId, account);
    return formService.current(seriesId).field(name).orElseThrow(NotFoundException::new);
  }
}
