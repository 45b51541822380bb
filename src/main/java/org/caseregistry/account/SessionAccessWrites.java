package org.caseregistry.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions in PostgreSQL (Spring Session JDBC) without a write on every request: Spring Session
 * stores a session's last-access time each time it is used, one UPDATE and one transaction per
 * signed-in request, although nothing else changed. Here the last-access time is stored only when
 * it has moved by at least the interval (or the session changed anyway), and a session whose
 * nothing changed is not saved at all.
 *
 * <p>Expiry stays safe: the time stored is never later than the real last access and at most the
 * interval earlier, so a session expires at most that much before its full idle timeout, never
 * after it; every instance reads the same stored time. Signing out, deactivation (checked on every
 * request by {@link CurrentAccountFilter}) and session fixation protection are untouched: any
 * attribute change, a new id or a new session is saved as before.
 */
final class SessionAccessWrites
    implements FindByIndexNameSessionRepository<SessionAccessWrites.TrackedSession>,
        DisposableBean {

  private final FindByIndexNameSessionRepository<Session> sessions;
  private final Duration interval;

  @SuppressWarnings("unchecked")
  SessionAccessWrites(
      FindByIndexNameSessionRepository<? extends Session> sessions, Duration interval) {
    this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
    this.interval = interval;
  }

  @Override
  public TrackedSession createSession() {
    return new TrackedSession(sessions.createSession(), true);
  }

  @Override
  public void save(TrackedSession session) {
    if (session.changed) {
      sessions.save(session.delegate);
      session.changed = false;
    }
  }

  @Override
  public TrackedSession findById(String id) {
    Session found = sessions.findById(id);
    return found == null ? null : new TrackedSession(found, false);
  }

  @Override
  public void deleteById(String id) {
    sessions.deleteById(id);
  }

  @Override
  public Map<String, TrackedSession> findByIndexNameAndIndexValue(
      String indexName, String indexValue) {
    Map<String, TrackedSession> found = new LinkedHashMap<>();
    sessions
        .findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, session) -> found.put(id, new TrackedSession(session, false)));
    return found;
  }

  @Override
  public void destroy() throws Exception {
    if (sessions instanceof DisposableBean disposable) {
      disposable.destroy();
    }
  }

  /** A stored session that remembers whether anything worth saving changed. */
  final class TrackedSession implements Session {
    private final Session delegate;
    private boolean changed;

    private TrackedSession(Session delegate, boolean changed) {
      this.delegate = delegate;
      this.changed = changed;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (changed
          || Duration.between(delegate.getLastAccessedTime(), lastAccessedTime).compareTo(interval)
              >= 0) {
        delegate.setLastAccessedTime(lastAccessedTime);
        changed = true;
      }
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      delegate.setAttribute(attributeName, attributeValue);
      changed = true;
    }

    @Override
    public void removeAttribute(String attributeName) {
      delegate.removeAttribute(attributeName);
      changed = true;
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return delegate.changeSessionId();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      delegate.setMaxInactiveInterval(interval);
      changed = true;
    }

    @Override
    public String getId() {
      return delegate.getId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
      return delegate.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return delegate.getAttributeNames();
    }

    @Override
    public Instant getCreationTime() {
      return delegate.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return delegate.getLastAccessedTime();
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return delegate.isExpired();
    }
  }
}
