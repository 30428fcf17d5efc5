package io.stepwise.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, the server's half: the canonical request and the signature a client
 * holding the secret would have computed for it, as the AWS SDKs and the AWS CLI compute it for
 * a service other than S3 (the path's segments encoded once more, the body hashed).
 */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private SigV4() {}

  /** The hex signature of {@code request} under {@code secret}, for the signed headers and scope given. */
  static String signature(HttpRequest request, List<String> signedHeaders, String amzDate, String scope, String secret) {
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest(request, signedHeaders)));
    String[] parts = scope.split("/"); // date/region/service/aws4_request
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), parts[0]);
    key = hmac(key, parts[1]);
    key = hmac(key, parts[2]);
    key = hmac(key, parts[3]);
    return hex(hmac(key, stringToSign));
  }

  static String canonicalRequest(HttpRequest request, List<String> signedHeaders) {
    StringBuilder headers = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = request.headers().getOrDefault(name, List.of());
      headers.append(name).append(':')
          .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(","))).append('\n');
    }
    return request.method() + "\n" + canonicalPath(request.rawPath()) + "\n" + canonicalQuery(request.rawQuery()) + "\n"
        + headers + "\n" + String.join(";", signedHeaders) + "\n" + hex(sha256(request.body()));
  }

  /** Each segment of the path as sent, encoded again: the SDKs' double encoding for non-S3 services. */
  static String canonicalPath(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    List<String> encoded = new ArrayList<>();
    for (String segment : segments) encoded.add(encode(segment));
    String path = String.join("/", encoded);
    return path.startsWith("/") ? path : "/" + path;
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) return "";
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
  }

  /** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, every other byte is %XX. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HmacSHA256 in this JVM", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
