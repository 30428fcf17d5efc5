package io.stepwise.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.runtime.ApiException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requests signed by the AWS SDK's signer, checked by ours: what passes, and AWS's errors for what does not. */
class SigV4VerifierTest {
  private static final URI ENDPOINT = URI.create("https://abc.lambda-url.eu-west-1.on.aws/");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String TARGET = "AWSStepFunctions.ListStateMachines";
  private static final AccessKeys.AccessKey KEY = new AccessKeys.AccessKey("SWKTESTKEY0000000001", "s3cr3t/s3cr3t+s3cr3t", "",
      new Policy(List.of()));
  private final SigV4Verifier verifier = new SigV4Verifier(
      id -> id.equals(KEY.id()) ? Optional.of(KEY) : Optional.empty(), "eu-west-1", InstantSource.fixed(NOW));

  private static HttpRequest signed(String keyId, String secret, String region, String service, Instant at) {
    return SdkSigner.sign(ENDPOINT, TARGET, "{}", keyId, secret, region, service, at);
  }

  private String error(HttpRequest request) {
    ApiException e = assertThrows(ApiException.class, () -> verifier.verify(request));
    return e.code() + ": " + e.getMessage();
  }

  @Test
  void theSdksSignature_isAccepted_withinFiveMinutes() {
    assertEquals(KEY, verifier.verify(signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW)));
    assertEquals(KEY, verifier.verify(signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW.minusSeconds(290))));
    assertEquals(KEY, verifier.verify(signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW.plusSeconds(290))));
  }

  @Test
  void unknownKey_wrongSecret_andTamperedBody_areAwsErrors() {
    assertEquals("UnrecognizedClientException: The security token included in the request is invalid.",
        error(signed("SWKNOSUCHKEY00000000", KEY.secret(), "eu-west-1", "states", NOW)));
    assertEquals("InvalidSignatureException: The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        error(signed(KEY.id(), "wrong", "eu-west-1", "states", NOW)));
    HttpRequest good = signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW);
    HttpRequest tampered = new HttpRequest(good.method(), good.rawPath(), good.rawQuery(), good.headers(),
        "{\"maxResults\": 1}".getBytes());
    assertEquals("InvalidSignatureException", error(tampered).split(":")[0]);
    Map<String, List<String>> otherTarget = new LinkedHashMap<>(good.headers());
    otherTarget.put("x-amz-target", List.of("AWSStepFunctions.DeleteStateMachine"));
    assertEquals("InvalidSignatureException", error(new HttpRequest("POST", "/", "", otherTarget, good.body())).split(":")[0]);
  }

  @Test
  void wrongScope_andClockSkew_areInvalidSignature() {
    assertEquals("InvalidSignatureException: Credential should be scoped to correct service: 'states'. ",
        error(signed(KEY.id(), KEY.secret(), "eu-west-1", "lambda", NOW)));
    assertEquals("InvalidSignatureException: Credential should be scoped to a valid region. ",
        error(signed(KEY.id(), KEY.secret(), "us-east-1", "states", NOW)));
    assertEquals("InvalidSignatureException: Signature expired: 20260301T115400Z is now earlier than 20260301T115500Z "
        + "(20260301T120000Z - 5 min.)", error(signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW.minusSeconds(360))));
    assertEquals("InvalidSignatureException: Signature not yet current: 20260301T120600Z is still later than 20260301T120500Z "
        + "(20260301T120000Z + 5 min.)", error(signed(KEY.id(), KEY.secret(), "eu-west-1", "states", NOW.plusSeconds(360))));
  }

  @Test
  void unsignedOrMalformed_areMissingTokenOrIncompleteSignature() {
    assertEquals("MissingAuthenticationTokenException: Missing Authentication Token",
        error(new HttpRequest("POST", "/", "", Map.of("X-Amz-Target", List.of(TARGET)), new byte[0])));
    assertEquals("IncompleteSignatureException", error(new HttpRequest("POST", "/", "",
        Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=x")), new byte[0])).split(":")[0]);
    assertEquals("IncompleteSignatureException", error(new HttpRequest("POST", "/", "",
        Map.of("Authorization", List.of("Basic dXNlcjpwYXNz")), new byte[0])).split(":")[0]);
  }
}
