package org.caseregistry.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Gives a new registry its first way in, without any password fixed in the code. */
@Component
class FirstAdminInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

  private final AccountService accountService;
  private final String username;
  private final String password;

  FirstAdminInitializer(AccountService accountService, FirstAdminProperties properties) {
    this.accountService = accountService;
    this.username = properties.username();
    this.password = properties.password();
  }

  @Override
  public void run(ApplicationArguments args) {
    AccountService.IssuedPassword issued = accountService.createFirstAdmin(username, password);
    if (issued == null) {
      return;
    }
    if (issued.temporaryPassword() == null) {
      log.info(
          "Created the first administrator '{}' with the password from REGISTRY_ADMIN_PASSWORD",
          username);
    } else {
      log.warn(
          "\n\n"
              + "  First administrator created. Sign in as '{}' with the one-time password\n\n"
              + "      {}\n\n"
              + "  You will be asked to choose a new password. This is shown only once.\n",
          username,
          issued.temporaryPassword());
    }
  }
}
