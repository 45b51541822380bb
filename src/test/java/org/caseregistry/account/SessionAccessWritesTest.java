package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** A session is written when something in it changed, or its last access moved by the interval. */
class SessionAccessWritesTest {

  /** Spring Session's in-memory repository, counting its saves. */
  static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {
    final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());
    int saves;

    @Override
    public MapSession createSession() {
      return stored.createSession();
    }

    @Override
    public void save(MapSession session) {
      saves++;
      stored.save(session);
    }

    @Override
    public MapSession findById(String id) {
      return stored.findById(id);
    }

    @Override
    public void deleteById(String id) {
      stored.deleteById(id);
    }

    @Override
    public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) {
      return Map.of();
    }
  }

  private final CountingSessions sessions = new CountingSessions();
  private final SessionAccessWrites repository =
      new SessionAccessWrites(sessions, Duration.ofMinutes(1));

  private String stored() {
    int before = sessions.saves;
    SessionAccessWrites.TrackedSession session = repository.createSession();
    repository.save(session);
    assertThat(sessions.saves).isEqualTo(before + 1);
    return session.getId();
  }

  @Test
  void anUnchangedSessionUsedAgainSoonIsNotWritten() {
    String id = stored();
    SessionAccessWrites.TrackedSession session = repository.findById(id);
    Instant stored = session.getLastAccessedTime();
    session.setLastAccessedTime(stored.plusSeconds(30));
    repository.save(session);
    assertThat(sessions.saves).isEqualTo(1);
    assertThat(repository.findById(id).getLastAccessedTime()).isEqualTo(stored);
  }

  @Test
  void theLastAccessIsWrittenOnceItMovedByTheInterval() {
    String id = stored();
    SessionAccessWrites.TrackedSession session = repository.findById(id);
    Instant later = session.getLastAccessedTime().plus(Duration.ofMinutes(1));
    session.setLastAccessedTime(later);
    repository.save(session);
    assertThat(sessions.saves).isEqualTo(2);
    assertThat(repository.findById(id).getLastAccessedTime()).isEqualTo(later);
  }

  @Test
  void aChangedSessionIsWrittenWithItsLastAccess() {
    String id = stored();
    SessionAccessWrites.TrackedSession session = repository.findById(id);
    Instant soon = session.getLastAccessedTime().plusSeconds(5);
    session.setLastAccessedTime(soon);
    session.setAttribute("csrf", "token");
    repository.save(session);
    assertThat(sessions.saves).isEqualTo(2);
    SessionAccessWrites.TrackedSession again = repository.findById(id);
    assertThat((String) again.getAttribute("csrf")).isEqualTo("token");

    again.removeAttribute("csrf");
    repository.save(again);
    assertThat(sessions.saves).isEqualTo(3);
    assertThat((String) repository.findById(id).getAttribute("csrf")).isNull();
  }

  @Test
  void aNewIdOrTimeoutIsWritten() {
    String id = stored();
    SessionAccessWrites.TrackedSession session = repository.findById(id);
    String newId = session.changeSessionId();
    repository.save(session);
    assertThat(sessions.saves).isEqualTo(2);
    assertThat(repository.findById(id)).isNull();
    SessionAccessWrites.TrackedSession renamed = repository.findById(newId);
    renamed.setMaxInactiveInterval(Duration.ofMinutes(5));
    repository.save(renamed);
    assertThat(sessions.saves).isEqualTo(3);
  }

  @Test
  void anExpiredSessionIsGoneAndDeletingPassesThrough() {
    String id = stored();
    SessionAccessWrites.TrackedSession session = repository.findById(id);
    session.setMaxInactiveInterval(Duration.ofSeconds(1));
    session.setLastAccessedTime(Instant.now().minusSeconds(120));
    repository.save(session);
    assertThat(repository.findById(id)).isNull();
    String other = stored();
    repository.deleteById(other);
    assertThat(repository.findById(other)).isNull();
  }
}
