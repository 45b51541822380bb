package org.caseregistry.cases.web;

import org.springframework.ui.Model;

/** A case page that shows the edit conflict of its own saves ({@link CaseEditConflictAdvice}). */
interface EditConflictPage {

  /**
   * The page again after a stale save: what was typed kept, and (where the page can) field by field
   * what the other save changed, to continue against the new version.
   */
  String afterStaleSave(StaleEdit edit, Model model);

  /** Where a stale removal goes back to (the message is added by the advice). */
  default String afterStaleRemoval(StaleEdit edit) {
    return "/cases/" + edit.caseId();
  }
}
