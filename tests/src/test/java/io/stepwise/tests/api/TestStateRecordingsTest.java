package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.tests.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS's own TestState answers, replayed through the real SfnClient: each request of
 * {@code test-state/recordings.json} (LocalStack's AWS-validated snapshots of the 2025 TestState:
 * mocks, Map and Parallel, {@code context}, {@code stateConfiguration}, inspection data) must get
 * the recorded status, error, cause, next state, output and inspection data, or the recorded
 * error code and message. Values the recorder normalised (ARNs' names, dates) match any text.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestStateRecordingsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]+>");
  private ApiStack stack;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "teststate-recordings");
  }

  @AfterAll
  void stop() {
    if (stack != null) stack.close();
  }

  static Stream<Arguments> recordings() throws IOException {
    try (InputStream in = TestStateRecordingsTest.class.getResourceAsStream("/test-state/recordings.json")) {
      List<Arguments> cases = new ArrayList<>();
      for (JsonNode recording : Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get("cases")) {
        cases.add(Arguments.of(recording.get("name").asText(), recording));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void answersAsAwsRecorded(String name, JsonNode recording) {
    JsonNode expected = recording.get("expected");
    TestStateResponse response;
    try {
      response = stack.sfn.testState(request(recording.get("request")));
    } catch (SfnException e) {
      if (!expected.has("exception")) fail(name + ": " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      assertEquals(expected.get("exception").asText(), e.awsErrorDetails().errorCode(), name);
      assertEquals(expected.get("message").asText(), e.awsErrorDetails().errorMessage(), name);
      return;
    }
    if (expected.has("exception")) fail(name + ": expected " + expected.get("exception").asText() + ", got " + response);
    assertEquals(expected.get("status").asText(), response.statusAsString(), name + ": " + response);
    assertEquals(expected.path("error").asText(null), response.error(), name + " error");
    assertEquals(expected.path("cause").asText(null), response.cause(), name + " cause");
    assertEquals(expected.path("nextState").asText(null), response.nextState(), name + " nextState");
    assertMatches(name + " output", expected.get("output"), response.output() == null ? null : Json.text(response.output()));
    assertMatches(name + " inspectionData", expected.get("inspectionData"),
        response.inspectionData() == null ? null : pojo(response.inspectionData()));
  }

  private static TestStateRequest request(JsonNode r) {
    TestStateRequest.Builder b = TestStateRequest.builder().definition(Json.write(r.get("definition")));
    if (r.has("input")) b.input(Json.write(r.get("input")));
    if (r.has("stateName")) b.stateName(r.get("stateName").asText());
    if (r.has("inspectionLevel")) b.inspectionLevel(r.get("inspectionLevel").asText());
    if (r.path("roleArn").asBoolean(false)) b.roleArn(ApiStack.ROLE);
    if (r.has("revealSecrets")) b.revealSecrets(r.get("revealSecrets").asBoolean());
    if (r.has("context")) b.context(Json.write(r.get("context")));
    JsonNode mock = r.get("mock");
    if (mock != null) {
      b.mock(m -> {
        if (mock.has("result")) m.result(Json.write(mock.get("result")));
        if (mock.has("errorOutput")) m.errorOutput(e -> e.error(mock.get("errorOutput").path("error").asText(null))
            .cause(mock.get("errorOutput").path("cause").asText(null)));
        if (mock.has("fieldValidationMode")) m.fieldValidationMode(mock.get("fieldValidationMode").asText());
      });
    }
    JsonNode config = r.get("stateConfiguration");
    if (config != null) {
      b.stateConfiguration(c -> {
        if (config.has("retrierRetryCount")) c.retrierRetryCount(config.get("retrierRetryCount").asInt());
        if (config.has("mapIterationFailureCount")) c.mapIterationFailureCount(config.get("mapIterationFailureCount").asInt());
        if (config.has("errorCausedByState")) c.errorCausedByState(config.get("errorCausedByState").asText());
        if (config.has("mapItemReaderData")) c.mapItemReaderData(config.get("mapItemReaderData").asText());
      });
    }
    return b.build();
  }

  /** A response member as JSON: its fields by their wire names, JSON text parsed. */
  private static JsonNode pojo(SdkPojo pojo) {
    ObjectNode node = Json.object();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null) continue;
      if (value instanceof SdkPojo inner) node.set(field.locationName(), pojo(inner));
      else if (value instanceof String text) node.set(field.locationName(), Json.text(text));
      else node.set(field.locationName(), Json.parse(String.valueOf(value)));
    }
    return node;
  }

  private static void assertMatches(String at, JsonNode expected, JsonNode actual) {
    JsonNode want = parsed(expected);
    JsonNode got = parsed(actual);
    assertTrue(matches(want, got), at + ":\n expected " + want + "\n      got " + got);
  }

  /** JSON text as the JSON it holds (the recorder kept some of AWS's JSON strings as text). */
  private static JsonNode parsed(JsonNode value) {
    if (value == null || value.isNull()) return null;
    if (value.isTextual()) {
      String text = value.asText().trim();
      if (text.startsWith("{") || text.startsWith("[")) {
        try {
          return Json.parse(text);
        } catch (IllegalArgumentException e) {
          return value;
        }
      }
    }
    return value;
  }

  private static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) return expected == actual;
    if (expected.isTextual()) {
      if (!actual.isTextual()) return false;
      String want = expected.asText();
      if (want.equals("date") || want.equals("start-date")) return true;
      if (!PLACEHOLDER.matcher(want).find()) return want.equals(actual.asText());
      StringBuilder regex = new StringBuilder();
      int last = 0;
      for (var m = PLACEHOLDER.matcher(want); m.find(); last = m.end()) {
        regex.append(Pattern.quote(want.substring(last, m.start()))).append("[^:/]*");
      }
      regex.append(Pattern.quote(want.substring(last)));
      return actual.asText().matches(regex.toString());
    }
    if (expected.isNumber()) return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    if (expected.isObject()) {
      if (!actual.isObject() || expected.size() != actual.size()) return false;
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!actual.has(key) || !matches(parsed(expected.get(key)), parsed(actual.get(key)))) return false;
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || expected.size() != actual.size()) return false;
      for (int i = 0; i < expected.size(); i++) if (!matches(parsed(expected.get(i)), parsed(actual.get(i)))) return false;
      return true;
    }
    return expected.equals(actual);
  }
}
