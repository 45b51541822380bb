package org.caseregistry.cases;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;

/**
 * Who may do what with a case: the one place of these rules, asked by the case pages, the API, the
 * import and the services that enforce them (a page hides what the service would refuse, with the
 * same rule). Role and site only; the state of the case (withdrawn, locked) is judged by the
 * services where they read it. Identifiers have their own rule, {@link IdentifierPolicy}.
 */
public final class CasePolicy {

  private CasePolicy() {}

  /** Admins see the cases of every site; everyone else those of the sites they belong to. */
  public static boolean canSee(CurrentAccount account, long siteId) {
    return account.canSeeSite(siteId);
  }

  /**
   * Sites of the series a case of this account may belong to (a new case, or a corrected site):
   * those of the series the account sees, in the series' order.
   */
  public static List<HospitalSite> sitesFor(CurrentAccount account, CaseSeries series) {
    return series.getSites().stream().filter(site -> canSee(account, site.getId())).toList();
  }

  /** Whether a case of this series may be put in that site by this account. */
  public static boolean canPlaceIn(CurrentAccount account, CaseSeries series, long siteId) {
    return series.includesSite(siteId) && canSee(account, siteId);
  }

  public static boolean canCreate(CurrentAccount account) {
    return isAny(account, Role.SURGEON, Role.ADMIN);
  }

  /** Withdrawing a case from the study, and restoring it. */
  public static boolean canWithdraw(CurrentAccount account) {
    return isAny(account, Role.COORDINATOR, Role.ADMIN);
  }

  /** Permanent deletion. */
  public static boolean canDelete(CurrentAccount account) {
    return account.is(Role.ADMIN);
  }

  // ---------------------------------------------------------------- sign-off

  public static boolean canComplete(CurrentAccount account) {
    return isAny(account, Role.SURGEON, Role.ADMIN);
  }

  public static boolean canVerify(CurrentAccount account) {
    return isAny(account, Role.COORDINATOR, Role.ADMIN);
  }

  public static boolean canLock(CurrentAccount account) {
    return isAny(account, Role.COORDINATOR, Role.ADMIN);
  }

  public static boolean canUnlock(CurrentAccount account) {
    return account.is(Role.ADMIN);
  }

  // ---------------------------------------------------------------- bulk import and export

  /**
   * Who may import: the same as on the case pages. New cases need {@link #canCreate} (surgeons,
   * admins); existing cases of the account's sites may be updated by everyone who may edit or
   * correct them (surgeons, coordinators, admins). Checked per case by the import.
   */
  public static boolean canImportNew(CurrentAccount account) {
    return canCreate(account);
  }

  public static boolean canImportUpdates(CurrentAccount account) {
    return isAny(account, Role.SURGEON, Role.COORDINATOR, Role.ADMIN);
  }

  /** Exporting a series' cases in the import format (to correct and re-import them). */
  public static boolean canExportForImport(CurrentAccount account) {
    return isAny(account, Role.ADMIN, Role.COORDINATOR);
  }

  private static boolean isAny(CurrentAccount account, Role... roles) {
    for (Role role : roles) {
      if (account.is(role)) {
        return true;
      }
    }
    return false;
  }
}
