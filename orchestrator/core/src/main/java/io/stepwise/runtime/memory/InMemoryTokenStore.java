package io.stepwise.runtime.memory;

import io.stepwise.runtime.TokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore} in a map; heartbeats, closing and taking are conditional on the token being open. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, TaskToken> tokens = new ConcurrentHashMap<>();

  @Override
  public void put(TaskToken token) {
    tokens.put(token.token(), token);
  }

  @Override
  public Optional<TaskToken> get(String token) {
    return Optional.ofNullable(tokens.get(token));
  }

  @Override
  public synchronized boolean heartbeat(String token, long nowMillis) {
    TaskToken t = tokens.get(token);
    if (t == null || t.closed()) return false;
    tokens.put(token, t.heartbeatAt(nowMillis));
    return true;
  }

  @Override
  public synchronized boolean close(String token, String answer) {
    TaskToken t = tokens.get(token);
    if (t == null || t.closed()) return false;
    tokens.put(token, t.closedWith(answer));
    return true;
  }

  @Override
  public synchronized boolean take(String token, String worker) {
    TaskToken t = tokens.get(token);
    if (t == null || t.closed() || t.worker() != null) return false;
    tokens.put(token, t.takenBy(worker));
    return true;
  }
}
