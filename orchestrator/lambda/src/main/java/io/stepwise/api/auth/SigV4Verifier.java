package io.stepwise.api.auth;

import io.stepwise.runtime.ApiException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's SigV4 signature for the service {@code states}, the way AWS does: the
 * {@code Authorization} header, the credential scope (key, date, region, service), the request
 * time within five minutes of the clock, the signed headers (host among them), the body's hash,
 * and the signature itself, compared in constant time. Failures are AWS's errors, with AWS's
 * words: MissingAuthenticationTokenException, IncompleteSignatureException,
 * UnrecognizedClientException, InvalidSignatureException.
 */
public final class SigV4Verifier {
  static final String SERVICE = "states";
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final AccessKeys.Source keys;
  private final String region;
  private final InstantSource clock;

  public SigV4Verifier(AccessKeys.Source keys, String region, InstantSource clock) {
    this.keys = keys;
    this.region = region;
    this.clock = clock;
  }

  /** The key that signed {@code request}; an {@link ApiException} when it is not signed right. */
  public AccessKeys.AccessKey verify(HttpRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new ApiException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    if (!authorization.startsWith(SigV4.ALGORITHM + " ")) {
      throw incomplete("Authorization header requires '" + SigV4.ALGORITHM + "' as its algorithm.");
    }
    Map<String, String> fields = fields(authorization.substring(SigV4.ALGORITHM.length() + 1));
    StringBuilder missing = new StringBuilder();
    for (String field : List.of("Credential", "Signature", "SignedHeaders")) {
      if (!fields.containsKey(field)) missing.append("Authorization header requires '").append(field).append("' parameter. ");
    }
    if (missing.length() > 0) throw incomplete(missing.toString().trim());
    String[] credential = fields.get("Credential").split("/", -1);
    if (credential.length != 5) {
      throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
          + fields.get("Credential") + "'");
    }
    AccessKeys.AccessKey key = keys.find(credential[0])
        .orElseThrow(() -> new ApiException("UnrecognizedClientException", "The security token included in the request is invalid."));
    if (!credential[3].equals(SERVICE)) throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
    if (!credential[2].equals(region)) throw invalid("Credential should be scoped to a valid region. ");
    if (!credential[4].equals("aws4_request")) {
      throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '" + credential[4] + "'. ");
    }
    String amzDate = request.header("x-amz-date");
    if (amzDate == null) throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    Instant signedAt = instant(amzDate);
    if (!amzDate.startsWith(credential[1]) || credential[1].length() != 8) {
      throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
          + credential[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    checkTime(signedAt);
    List<String> signed = Arrays.asList(fields.get("SignedHeaders").split(";"));
    if (!signed.contains("host")) throw invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    if (!signed.contains("x-amz-date")) throw invalid("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    String bodyHash = request.header("x-amz-content-sha256");
    if (bodyHash != null && !bodyHash.equals(SigV4.hex(SigV4.sha256(request.body())))) {
      throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    String scope = String.join("/", Arrays.asList(credential).subList(1, 5));
    String expected = SigV4.signature(request, signed, amzDate, scope, key.secret());
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), fields.get("Signature").getBytes(StandardCharsets.US_ASCII))) {
      throw invalid("The request signature we calculated does not match the signature you provided. "
          + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }
    return key;
  }

  private void checkTime(Instant signedAt) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(SKEW))) {
      throw invalid("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
          + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
    }
    if (signedAt.isAfter(now.plus(SKEW))) {
      throw invalid("Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later than "
          + AMZ_DATE.format(now.plus(SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
    }
  }

  private static Instant instant(String amzDate) {
    try {
      return Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  /** {@code Credential=..., SignedHeaders=..., Signature=...}, spaces around the commas optional. */
  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return fields;
  }

  private static ApiException incomplete(String message) {
    return new ApiException("IncompleteSignatureException", message);
  }

  private static ApiException invalid(String message) {
    return new ApiException("InvalidSignatureException", message);
  }
}
