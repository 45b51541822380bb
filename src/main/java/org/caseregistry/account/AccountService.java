package org.caseregistry.account;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.HospitalSiteRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

@Service
public class AccountService {

  private final AccountRepository accounts;
  private final HospitalSiteRepository sites;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final ApiTokenRepository tokens;
  private final SignInThrottle throttle;

  AccountService(
      AccountRepository accounts,
      HospitalSiteRepository sites,
      PasswordEncoder passwordEncoder,
      Clock clock,
      ApiTokenRepository tokens,
      SignInThrottle throttle) {
    this.accounts = accounts;
    this.sites = sites;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  /** A new account, or a reset password: the temporary password is shown once, to the admin. */
  public record IssuedPassword(Account account, String temporaryPassword) {}

  @Transactional(readOnly = true)
  public List<Account> all() {
    return accounts.findAllWithSites();
  }

  @Transactional(readOnly = true)
  public Account get(long id) {
    return accounts.findWithSitesById(id).orElseThrow(NotFoundException::new);
  }

  @Transactional(readOnly = true)
  public boolean noAccountExists() {
    return accounts.count() == 0;
  }

  @Transactional
  public IssuedPassword create(AccountForm form, Errors errors) {
    checkUsernameFree(form.getUsername(), null, errors);
    Set<HospitalSite> chosenSites = chosenSites(form, errors);
    if (errors.hasErrors()) {
      return null;
    }
    String temporaryPassword = PasswordPolicy.temporaryPassword();
    Account account =
        new Account(
            form.getUsername(),
            form.getFullName(),
            form.getEmail(),
            form.getRole(),
            passwordEncoder.encode(temporaryPassword));
    applyProfile(account, form, chosenSites);
    account.changePassword(account.getPasswordHash(), true, clock.instant());
    return new IssuedPassword(accounts.saveAndFlush(account), temporaryPassword);
  }

  @Transactional
  public Account update(long id, AccountForm form, long actingAccountId, Errors errors) {
    Account account = get(id);
    if (!Objects.equals(form.getVersion(), account.getVersion())) {
      throw new EditConflictException();
    }
    checkUsernameFree(form.getUsername(), id, errors);
    Set<HospitalSite> chosenSites = chosenSites(form, errors);
    if (id == actingAccountId) {
      if (!form.isActive()) {
        errors.rejectValue("active", "account.self.deactivate");
      }
      if (form.getRole() != null && form.getRole() != Role.ADMIN) {
        errors.rejectValue("role", "account.self.demote");
      }
    }
    if (errors.hasErrors()) {
      return null;
    }
    if (account.isActive() && !form.isActive()) {
      // Deactivation ends the account's API tokens for good: re-activation does not revive them.
      tokens.revokeAllOf(id, clock.instant());
    }
    applyProfile(account, form, chosenSites);
    return accounts.saveAndFlush(account);
  }

  private static void applyProfile(Account account, AccountForm form, Set<HospitalSite> sites) {
    account.updateProfile(
        form.getUsername(),
        form.getFullName(),
        form.getEmail(),
        form.getRole(),
        form.isActive(),
        sites);
  }

  @Transactional
  public IssuedPassword resetPassword(long id) {
    Account account = get(id);
    String temporaryPassword = PasswordPolicy.temporaryPassword();
    account.changePassword(passwordEncoder.encode(temporaryPassword), true, clock.instant());
    throttle.forget(account.getUsername());
    return new IssuedPassword(account, temporaryPassword);
  }

  /**
   * Changes the account's own password. Its other sessions end at their next request; the new
   * session epoch is returned so that the session that made the change can go on (0 on errors).
   */
  @Transactional
  public int changeOwnPassword(long accountId, PasswordChangeForm form, Errors errors) {
    Account account = get(accountId);
    if (form.getCurrentPassword() != null
        && !passwordEncoder.matches(form.getCurrentPassword(), account.getPasswordHash())) {
      errors.rejectValue("currentPassword", "password.current.wrong");
    }
    if (form.getNewPassword() != null) {
      PasswordPolicy.violation(form.getNewPassword(), account.getUsername())
          .ifPresent(key -> errors.rejectValue("newPassword", key));
      if (form.getCurrentPassword() != null
          && form.getNewPassword().equals(form.getCurrentPassword())) {
        errors.rejectValue("newPassword", "password.same-as-current");
      }
      if (!form.getNewPassword().equals(form.getConfirmPassword())) {
        errors.rejectValue("confirmPassword", "password.mismatch");
      }
    }
    if (errors.hasErrors()) {
      return 0;
    }
    account.changePassword(passwordEncoder.encode(form.getNewPassword()), false, clock.instant());
    return account.getSessionEpoch();
  }

  /**
   * Creates the first administrator when the registry has no account yet. With no password given, a
   * one-time password is generated and must be changed at first sign-in.
   */
  @Transactional
  public IssuedPassword createFirstAdmin(String username, String givenPassword) {
    if (accounts.count() > 0) {
      return null;
    }
    boolean generated = givenPassword == null || givenPassword.isBlank();
    String password = generated ? PasswordPolicy.temporaryPassword() : givenPassword;
    if (!generated) {
      PasswordPolicy.violation(password, username)
          .ifPresent(
              key -> {
                throw new IllegalStateException(
                    "REGISTRY_ADMIN_PASSWORD breaks the password policy ("
                        + key
                        + "): use at least "
                        + PasswordPolicy.MIN_LENGTH
                        + " characters, not containing the username");
              });
    }
    Account admin =
        new Account(username, "Administrator", null, Role.ADMIN, passwordEncoder.encode(password));
    admin.changePassword(admin.getPasswordHash(), generated, clock.instant());
    accounts.saveAndFlush(admin);
    return new IssuedPassword(admin, generated ? password : null);
  }

  private void checkUsernameFree(String username, Long ownId, Errors errors) {
    if (username == null) {
      return;
    }
    accounts
        .findByUsernameIgnoreCase(username)
        .filter(other -> !other.getId().equals(ownId))
        .ifPresent(other -> errors.rejectValue("username", "account.username.taken"));
  }

  private Set<HospitalSite> chosenSites(AccountForm form, Errors errors) {
    Set<HospitalSite> chosen = new HashSet<>(sites.findAllById(form.getSiteIds()));
    if (chosen.size() != form.getSiteIds().size()) {
      errors.rejectValue("siteIds", "account.sites.unknown");
    }
    if (form.getRole() != null && form.getRole() != Role.ADMIN && chosen.isEmpty()) {
      errors.rejectValue("siteIds", "account.sites.required");
    }
    return chosen;
  }
}
