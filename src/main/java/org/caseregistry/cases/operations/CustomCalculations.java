package org.caseregistry.cases.operations;

import java.util.Map;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.CustomRules;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps the calculated custom fields of a case true after any save: a calculation may read a field
 * of another section, custom or built-in (BMI from the patient module, say). Each value that
 * changes is stored and audited as a calculation.
 */
@Component
public class CustomCalculations {

  private final CustomValueStore customStore;
  private final CaseAuditLog auditLog;

  CustomCalculations(CustomValueStore customStore, CaseAuditLog auditLog) {
    this.customStore = customStore;
    this.auditLog = auditLog;
  }

  /** After a save of a built-in section: the case as it now stands. */
  void refresh(CaseHeader header, FormDefinition form, CaseData now, String username) {
    if (!form.hasCustomFields()) {
      return;
    }
    storeChanged(header, form, CustomRules.evaluator(form, now), now, username);
  }

  /**
   * Stores what the evaluator computes anew; {@code before} holds the stored versions. A section
   * never entered keeps no calculation until it is saved itself.
   */
  public void storeChanged(
      CaseHeader header,
      FormDefinition form,
      FormEvaluator evaluator,
      CaseData before,
      String username) {
    for (Map.Entry<String, Map<String, Object>> changed :
        evaluator.recalculatedSingles().entrySet()) {
      SectionValues old = before.custom().singles().get(changed.getKey());
      SectionDefinition section = form.section(changed.getKey()).orElse(null);
      if (old == null || section == null) {
        continue;
      }
      customStore.storeCalculated(header.id(), section.key(), changed.getValue(), username);
      SectionValues now = new SectionValues(null, old.version(), changed.getValue(), old.missing());
      auditLog.record(
          header, CaseAuditLog.diff(section, null, old, now, AuditAction.CALCULATE, username));
    }
  }
}
