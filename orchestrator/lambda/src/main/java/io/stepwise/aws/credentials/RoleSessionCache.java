package io.stepwise.aws.credentials;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Role sessions kept until shortly before they expire, so a busy machine calls STS about once an
 * hour rather than once a Task. Thread-safe: concurrent Tasks of one role wait for one AssumeRole
 * call instead of each making their own.
 */
public final class RoleSessionCache {
  /** Credentials this close to expiry are renewed, so no call is signed with a key about to lapse. */
  public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  /** What a session is for: the role, who assumes it (null: the orchestrator itself) and the session name. */
  public record Key(String sourceRoleArn, String roleArn, String sessionName) {}

  /** Asks STS for a fresh session. */
  @FunctionalInterface
  public interface Loader {
    RoleSession load() throws AssumeRoleFailure;
  }

  private final InstantSource clock;
  private final Duration margin;
  private final Map<Key, RoleSession> sessions = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();

  public RoleSessionCache(InstantSource clock) {
    this(clock, REFRESH_BEFORE_EXPIRY);
  }

  RoleSessionCache(InstantSource clock, Duration margin) {
    this.clock = clock;
    this.margin = margin;
  }

  public RoleSession get(Key key, Loader loader) throws AssumeRoleFailure {
    RoleSession session = sessions.get(key);
    if (fresh(session)) return session;
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      session = sessions.get(key);
      if (fresh(session)) return session;
      session = loader.load();
      sessions.put(key, session);
      return session;
    }
  }

  private boolean fresh(RoleSession session) {
    return session != null && clock.instant().isBefore(session.expiration().minus(margin));
  }
}
