package io.stepwise.integrations.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an EventBridge connection adds to an HTTP Task's request: its authorization (an API key
 * header, Basic credentials, an OAuth bearer token) and its invocation parameters. Values from
 * the connection win over the Task's own.
 *
 * @param secretHeaders the header names whose values are secret (hidden unless revealSecrets)
 * @param secretQuery the query names whose values are secret
 * @param secretBody the body fields whose values are secret
 */
public record ConnectionParameters(Map<String, String> headers, Map<String, String> query, Map<String, String> body,
    Set<String> secretHeaders, Set<String> secretQuery, Set<String> secretBody) {
  public ConnectionParameters {
    headers = new LinkedHashMap<>(headers);
    query = new LinkedHashMap<>(query);
    body = new LinkedHashMap<>(body);
    secretHeaders = Set.copyOf(secretHeaders);
    secretQuery = Set.copyOf(secretQuery);
    secretBody = Set.copyOf(secretBody);
  }

  public static final ConnectionParameters NONE = new ConnectionParameters(Map.of(), Map.of(), Map.of(), Set.of(),
      Set.of(), Set.of());
}
