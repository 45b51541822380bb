package org.caseregistry.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    Account account =
        accounts
            .findByUsernameIgnoreCase(username)
            .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    return new SignedInAccount(
        account.getId(),
        account.getUsername(),
        account.getRole(),
        account.getPasswordHash(),
        account.isActive(),
        account.getSessionEpoch());
  }
}
