package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.driver.VirtualClock;
import io.stepwise.driver.mocks.CaseMocks;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Runs one conformance case file in memory, with its mocks and S3 objects, and judges it by the README's rules. */
public final class CaseRunner {
  private static final String ACCOUNT = "111111111111";
  private static final String REGION = "us-east-1";

  /** Runs the case in {@code file}; never throws for a failing case. */
  public CaseResult run(Path file) {
    JsonNode caseFile;
    try {
      caseFile = Json.read(file);
    } catch (RuntimeException e) {
      return CaseResult.notRun(file.getFileName().toString(), file.toString(), null, null,
          "unreadable case file: " + e.getMessage());
    }
    String name = caseFile.path("name").asText(file.getFileName().toString());
    ExecutionResult result;
    CaseMocks mocksUsed = null;
    try {
      StateMachine machine = Definitions.load(caseFile.get("definition"));
      CaseMocks mocks = new CaseMocks(caseFile.get("mocks"), caseFile.get("definition"));
      mocksUsed = mocks;
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      ObjectStorage objects = CaseObjects.of(caseFile).inMemory(() -> start);
      InMemoryDriver driver = new InMemoryDriver(new Engine(Entropy.secure()), mocks, VirtualClock.fast(start), null, objects);
      result = driver.run(machine, info(name, caseFile.path("input"), start, caseFile.path("machine_type").asText()));
    } catch (InvalidDefinitionException e) {
      return CaseResult.notRun(name, file.toString(), caseFile, "INVALID", e.getMessage());
    } catch (UnsupportedTaskException | UnsupportedOperationException | IllegalArgumentException | IllegalStateException e) {
      return CaseResult.notRun(name, file.toString(), caseFile, "ERROR", e.toString());
    }
    return verdict(name, file, caseFile, result, mocksUsed, false);
  }

  /**
   * Judges a finished run: result, calls, then history; the first difference is the message. On
   * the Lambda runtime a case's {@code history_differs_on_lambda_runtime} (why, as the README's
   * known differences give it) leaves its history reported but not judged.
   */
  static CaseResult verdict(String name, Path file, JsonNode caseFile, ExecutionResult result, CaseMocks mocks,
      boolean lambdaRuntime) {
    String mismatch = judge(caseFile, result);
    if (mismatch == null) mismatch = judgeCalls(caseFile, mocks);
    ArrayNode history = HistoryCompare.shape(result.history());
    JsonNode expectedHistory = caseFile.path("expected").get("history");
    Boolean historyExact = null;
    if (expectedHistory != null && expectedHistory.isArray()) {
      String historyMismatch = HistoryCompare.mismatch(expectedHistory, history, caseFile.get("history_arrival_order"));
      historyExact = historyMismatch == null;
      if (mismatch == null && !(lambdaRuntime && caseFile.has("history_differs_on_lambda_runtime"))) mismatch = historyMismatch;
    }
    return new CaseResult(name, file.toString(), mismatch == null, result.status().name(), result.output(),
        result.error(), result.cause(), mismatch, history, historyExact);
  }

  static ExecutionInfo info(String name, JsonNode input, Instant start, String machineType) {
    String machineName = "case";
    String executionName = name.length() > 80 ? name.substring(0, 80) : name;
    String machineArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + machineName;
    return new ExecutionInfo(executionArn(machineArn, machineType, executionName), executionName, machineArn,
        machineName, input, start, "arn:aws:iam::" + ACCOUNT + ":role/stepwise", 0, false);
  }

  /**
   * As Step Functions names executions: {@code ...:execution:MACHINE:NAME}, and for an Express
   * machine {@code ...:express:MACHINE:NAME:ID}, the id telling apart runs that share a name.
   */
  static String executionArn(String machineArn, String machineType, String executionName) {
    if ("EXPRESS".equals(machineType)) {
      String id = UUID.nameUUIDFromBytes(executionName.getBytes(StandardCharsets.UTF_8)).toString();
      return machineArn.replace(":stateMachine:", ":express:") + ":" + executionName + ":" + id;
    }
    return machineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
  }

  /** Null when the result is what AWS recorded, else what differs. */
  static String judge(JsonNode caseFile, ExecutionResult result) {
    JsonNode expected = caseFile.path("expected");
    String status = expected.path("status").asText();
    if (!status.equals(result.status().name())) {
      return "status: expected " + status + ", got " + result.status() + describe(result);
    }
    FuzzyPaths fuzzy = new FuzzyPaths(caseFile);
    if (status.equals("SUCCEEDED")) {
      JsonNode want = expected.has("output") ? expected.get("output") : Json.parse(expected.path("output_text").asText("null"));
      if (!JsonCompare.same(fuzzy.blank(want), fuzzy.blank(result.output()))) {
        return "output: expected " + Json.write(want) + ", got " + Json.write(result.output());
      }
      return null;
    }
    // The recorded error and cause are DescribeExecution's.
    boolean described = result.status().describesError();
    String gotError = described ? result.error() : null;
    String gotCause = described ? result.cause() : null;
    String error = text(expected.get("error"));
    if (!Objects.equals(error, gotError)) {
      return "error: expected " + error + ", got " + gotError + " (cause: " + gotCause + ")";
    }
    if (fuzzy.skips("$.expected.cause")) return null;
    String cause = text(expected.get("cause"));
    boolean same = expected.path("cause_is_json").asBoolean(false)
        ? cause != null && gotCause != null && JsonCompare.same(Json.parse(cause), Json.parse(gotCause))
        : Objects.equals(cause, gotCause);
    return same ? null : "cause: expected " + cause + ", got " + gotCause;
  }

  /** Each mocked state was called as often as AWS called it, with the payload AWS sent. */
  static String judgeCalls(JsonNode caseFile, CaseMocks mocks) {
    JsonNode expectedMocks = caseFile.path("mocks");
    FuzzyPaths fuzzy = new FuzzyPaths(caseFile);
    for (var it = expectedMocks.fields(); it.hasNext(); ) {
      var entry = it.next();
      String state = entry.getKey();
      var calls = mocks.calls().stream().filter(c -> c.stateName().equals(state)).toList();
      JsonNode invocations = entry.getValue().get("invocations");
      if (invocations != null && invocations.asInt() != calls.size()) {
        return "state '" + state + "' was called " + calls.size() + " time(s); AWS called it " + invocations.asInt();
      }
      JsonNode received = entry.getValue().get("received");
      String receivedPath = "$.mocks[\"" + state + "\"].received";
      if (received != null && !calls.isEmpty() && !fuzzy.skips(receivedPath)
          && !JsonCompare.matchesRecorded(received, calls.get(0).payload())) {
        return "state '" + state + "' was sent " + Json.write(calls.get(0).payload()) + "; AWS sent " + Json.write(received);
      }
    }
    return null;
  }

  private static String describe(ExecutionResult result) {
    return result.error() != null || result.cause() != null
        ? " (" + result.error() + ": " + result.cause() + ")"
        : " (output " + (result.output() == null ? "none" : Json.write(result.output())) + ")";
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
