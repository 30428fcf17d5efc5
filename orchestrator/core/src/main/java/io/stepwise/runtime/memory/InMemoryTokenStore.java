package io.stepwise.runtime.memory;

import io.stepwise.runtime.TokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore} in a map; heartbeats and closing are conditional on the token being open. */
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
    tokens.put(token, new TaskToken(t.token(), t.executionArn(), t.seq(), t.stateName(), t.heartbeatSeconds(), nowMillis));
    return true;
  }

  @Override
  public synchronized boolean close(String token, String answer) {
    TaskToken t = tokens.get(token);
    if (t == null || t.closed()) return false;
    tokens.put(token, new TaskToken(t.token(), t.executionArn(), t.seq(), t.stateName(), t.heartbeatSeconds(),
        t.lastHeartbeatMillis(), true, answer));
    return true;
  }
}
