package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * The one rule for the identifier variables of the catalog (patient name, hospital record number),
 * on every path: case page, section forms, history, REST API, exports and the export in import
 * format.
 *
 * <ul>
 *   <li>One case at a time (pages, history, API): admins, and surgeons of the case's site (they
 *       enter the patients they operate on). Coordinators never: they keep the study data clean
 *       across sites and work with de-identified data.
 *   <li>In bulk (the dataset and the export in import format): admins only, and only when asked;
 *       every such export is audited with "identifiers included".
 * </ul>
 *
 * Whoever may not see identifiers cannot write them either: their saves keep what is stored.
 */
public final class IdentifierPolicy {

  /** The identifier variables, by name. */
  public static final Set<String> VARIABLES =
      CaseVariables.all().stream()
          .filter(Variable::identifier)
          .map(Variable::name)
          .collect(Collectors.toUnmodifiableSet());

  /** What shows instead of an identifier that the reader may not see (history). */
  public static final String HIDDEN = "•••";

  private IdentifierPolicy() {}

  /** Whether the account may see (and change) the identifiers of a case at this site. */
  public static boolean maySee(CurrentAccount account, long siteId) {
    return account.is(Role.ADMIN) || (account.is(Role.SURGEON) && account.canSeeSite(siteId));
  }

  /** Whether the account may take identifiers out of the registry in bulk (exports). */
  public static boolean mayExport(CurrentAccount account) {
    return account.is(Role.ADMIN);
  }

  public static boolean isIdentifier(String variable) {
    return VARIABLES.contains(variable);
  }

  /** The values without identifiers (nor the reasons they are missing). */
  static SectionValues masked(SectionValues values) {
    Map<String, Object> shown = new LinkedHashMap<>(values.values());
    Map<String, MissingReason> missing = new LinkedHashMap<>(values.missing());
    shown.keySet().removeAll(VARIABLES);
    missing.keySet().removeAll(VARIABLES);
    return new SectionValues(values.itemId(), values.version(), shown, missing);
  }

  /** Everything recorded, without identifiers. */
  static CaseData masked(CaseData data) {
    CaseData shown = data;
    for (Map.Entry<Section, SectionValues> single : data.singles().entrySet()) {
      shown = shown.with(single.getKey(), masked(single.getValue()));
    }
    for (Map.Entry<Section, List<SectionValues>> list : data.lists().entrySet()) {
      shown =
          shown.withItems(
              list.getKey(), list.getValue().stream().map(IdentifierPolicy::masked).toList());
    }
    return shown;
  }

  /** History entries with identifier values hidden. */
  static List<CaseAuditLog.Entry> masked(List<CaseAuditLog.Entry> entries) {
    return entries.stream()
        .map(
            entry ->
                isIdentifier(entry.field())
                    ? new CaseAuditLog.Entry(
                        entry.changeSet(),
                        entry.section(),
                        entry.itemId(),
                        entry.action(),
                        entry.field(),
                        entry.oldValue() == null ? null : HIDDEN,
                        entry.newValue() == null ? null : HIDDEN,
                        entry.username(),
                        entry.changedAt())
                    : entry)
        .toList();
  }
}
