package org.caseregistry.account;

import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.HospitalSiteRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and sites with known passwords for tests; every name is unique per call. */
@Component
public class TestAccounts {

  public static final String PASSWORD = "correct-horse-battery";

  private final AccountRepository accounts;
  private final HospitalSiteRepository sites;
  private final PasswordEncoder passwordEncoder;

  /** BCrypt is slow on purpose: hash the shared test password once. */
  private String passwordHash;

  TestAccounts(
      AccountRepository accounts, HospitalSiteRepository sites, PasswordEncoder passwordEncoder) {
    this.accounts = accounts;
    this.sites = sites;
    this.passwordEncoder = passwordEncoder;
  }

  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Transactional
  public HospitalSite site() {
    String code = unique("S");
    return sites.saveAndFlush(new HospitalSite(code, "Hospital " + code, "Hà Nội"));
  }

  @Transactional
  public Account account(Role role, HospitalSite... memberOf) {
    String username = unique(role.name().toLowerCase().substring(0, 4) + "-");
    Account account = new Account(username, "Test " + username, null, role, passwordHash());
    account.updateProfile(
        username, "Test " + username, null, role, true, new HashSet<>(Arrays.asList(memberOf)));
    return accounts.saveAndFlush(account);
  }

  private synchronized String passwordHash() {
    if (passwordHash == null) {
      passwordHash = passwordEncoder.encode(PASSWORD);
    }
    return passwordHash;
  }

  /** The principal MockMvc signs in with (see SecurityMockMvcRequestPostProcessors.user). */
  public static SignedInAccount principal(Account account) {
    return new SignedInAccount(
        account.getId(),
        account.getUsername(),
        account.getRole(),
        account.getPasswordHash(),
        account.isActive(),
        account.getSessionEpoch());
  }

  @Transactional(readOnly = true)
  public HospitalSite reloadSite(long siteId) {
    return sites.findById(siteId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Account reload(Account account) {
    return accounts.findWithSitesById(account.getId()).orElseThrow();
  }

  @Transactional
  public void deactivate(Account account) {
    Account loaded = accounts.findWithSitesById(account.getId()).orElseThrow();
    loaded.updateProfile(
        loaded.getUsername(),
        loaded.getFullName(),
        loaded.getEmail(),
        loaded.getRole(),
        false,
        new HashSet<>(loaded.getSites()));
  }
}
