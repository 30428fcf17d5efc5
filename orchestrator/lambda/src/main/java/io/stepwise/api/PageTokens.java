package io.stepwise.api;

import io.stepwise.runtime.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code nextToken}s: a store's cursor, tagged with the operation it belongs to, in URL-safe
 * base64. A token that does not decode, or belongs to another operation, is {@code InvalidToken}.
 */
final class PageTokens {
  private PageTokens() {}

  /** The token for {@code cursor}, or null when there is no next page. */
  static String encode(String operation, String cursor) {
    if (cursor == null) return null;
    String text = operation + "\n" + cursor;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code token}, or null when the token is null (the first page). */
  static String decode(String operation, String token) {
    if (token == null) return null;
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
    if (!text.startsWith(operation + "\n")) throw invalid(token);
    return text.substring(operation.length() + 1);
  }

  private static ApiException invalid(String token) {
    return new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
  }
}
