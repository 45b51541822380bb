package org.caseregistry.platform;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Stamps each audit revision with the signed-in username, or "system" for start-up work. */
public class AuditRevisionListener implements RevisionListener {

  @Override
  public void newRevision(Object revisionEntity) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String username =
        authentication != null && authentication.isAuthenticated()
            ? authentication.getName()
            : "system";
    ((AuditRevision) revisionEntity).setUsername(username);
  }
}
