package io.stepwise.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access keys Stepwise issues for its API, as one JSON document (the secret's text):
 * <pre>{@code
 * {"keys": {"SWKEXAMPLE0123456789": {"secretAccessKey": "...", "description": "orders service",
 *   "Statement": [{"Effect": "Allow", "Action": ["states:StartExecution", "states:DescribeExecution"],
 *                  "Resource": ["arn:aws:states:us-east-1:123456789012:stateMachine:orders",
 *                               "arn:aws:states:us-east-1:123456789012:execution:orders:*"]}]}}}
 * }</pre>
 */
public final class AccessKeys {
  /** One key: its id, its secret and what it may do. */
  public record AccessKey(String id, String secret, String description, Policy policy) {}

  /** Where keys are looked up; a source may refresh itself. */
  public interface Source {
    Optional<AccessKey> find(String accessKeyId);
  }

  private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final Map<String, AccessKey> keys;

  private AccessKeys(Map<String, AccessKey> keys) {
    this.keys = keys;
  }

  public static AccessKeys empty() {
    return new AccessKeys(new LinkedHashMap<>());
  }

  /** @throws IllegalArgumentException naming the key and what is wrong with it */
  public static AccessKeys parse(String document) {
    JsonNode root;
    try {
      root = Json.parse(document);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the access keys document is not valid JSON");
    }
    Map<String, AccessKey> keys = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("keys").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String secret = e.getValue().path("secretAccessKey").asText("");
      if (secret.isEmpty()) throw new IllegalArgumentException("access key " + e.getKey() + " has no secretAccessKey");
      try {
        keys.put(e.getKey(), new AccessKey(e.getKey(), secret, e.getValue().path("description").asText(""),
            Policy.fromJson(e.getValue().get("Statement"))));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("access key " + e.getKey() + ": " + bad.getMessage());
      }
    }
    return new AccessKeys(keys);
  }

  public Optional<AccessKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  public Map<String, AccessKey> all() {
    return Map.copyOf(keys);
  }

  /** A new key with a random id (like AWS's, 20 characters) and secret (40), added to these. */
  public AccessKey issue(String description, Policy policy, SecureRandom random) {
    AccessKey key = new AccessKey("SWK" + random(ID_CHARS, 17, random), random(SECRET_CHARS, 40, random), description, policy);
    keys.put(key.id(), key);
    return key;
  }

  public boolean revoke(String id) {
    return keys.remove(id) != null;
  }

  public String toDocument() {
    ObjectNode root = Json.object();
    ObjectNode all = root.putObject("keys");
    for (AccessKey key : keys.values()) {
      ObjectNode k = all.putObject(key.id()).put("secretAccessKey", key.secret()).put("description", key.description());
      k.set("Statement", key.policy().toJson());
    }
    return Json.pretty(root);
  }

  private static String random(char[] alphabet, int length, SecureRandom random) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(alphabet[random.nextInt(alphabet.length)]);
    return out.toString();
  }
}
