package io.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int stepwise(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void run_succeeded_printsOutputJson_andExitsZero() throws IOException {
    Path def = file("m.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "$.in"}, "End": true}}}""");
    assertEquals(0, stepwise("run", def.toString(), "--input", "{\"in\": 7}"));
    assertEquals(Json.parse("{\"x\": 7}"), Json.parse(out.toString(StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("PassStateEntered"), "transitions go to stderr");
  }

  @Test
  void run_failed_printsErrorAndCause_andExitsOne() throws IOException {
    Path def = file("f.json", """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Oops", "Cause": "because"}}}""");
    assertEquals(1, stepwise("run", def.toString()));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertTrue(stderr.contains("FAILED") && stderr.contains("Oops") && stderr.contains("because"), stderr);
  }

  /**
   * In real time a branch's failure cuts a sibling still in its Wait, as AWS measured it (floci-io/floci
   * AslExecutorParallelCutTest: "records one TaskStateAborted (or WaitStateAborted) per cut branch ...
   * recorded before ParallelStateFailed"), rather than the sibling waiting its Wait out first.
   */
  @Test
  void run_inRealTime_aFailingBranchCutsASiblingStillWaiting() throws IOException {
    Path def = file("cut.json", """
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 1, "Next": "Boom"},
                                          "Boom": {"Type": "Fail", "Error": "Boom", "Cause": "sibling failed"}}},
          {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3, "End": true}}}]}}}""");
    assertEquals(1, stepwise("run", def.toString()));
    List<String> types = err.toString(StandardCharsets.UTF_8).lines()
        .map(line -> line.trim().split("\\s+")).filter(words -> words.length > 1).map(words -> words[1]).toList();
    assertEquals(List.of("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "WaitStateEntered",
        "WaitStateEntered", "WaitStateExited", "FailStateEntered", "WaitStateAborted", "ParallelStateFailed",
        "ExecutionFailed", "error=Boom"), types);
  }

  @Test
  void run_loopWithNoExit_stopsAtMaxEvents_withStepFunctionsOwnError() throws IOException {
    Path def = file("loop.json", """
        {"StartAt": "Loop", "States": {
          "Loop": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Loop"}],
                   "Default": "Done"},
          "Done": {"Type": "Succeed"}}}""");
    int status = stepwise("run", def.toString(), "--input", "{\"go\": true}", "--max-events", "100");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, stderr.substring(Math.max(0, stderr.length() - 300)));
    assertTrue(stderr.contains("FAILED: error=States.Runtime cause=The execution reached the maximum number of history events (100)."),
        stderr.substring(Math.max(0, stderr.length() - 300)));
  }

  @Test
  void run_taskWithoutMock_namesTheStateAndResource() throws IOException {
    Path def = file("t.json", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
         "Parameters": {"FunctionName": "f"}, "End": true}}}""");
    assertEquals(1, stepwise("run", def.toString()));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertTrue(stderr.contains("'Call'") && stderr.contains("arn:aws:states:::lambda:invoke"), stderr);
  }

  @Test
  void run_withMockConfigFile_retriesOnThrownErrorsThenSucceeds() {
    assertEquals(0, stepwise("run", "../../events/random-error.asl.json", "--input", "@../../events/event.json",
        "--mocks", "../../events/random-error.mocks.json", "--test-case", "RetriesThenSucceeds", "--fast"));
    assertEquals(Json.text("Invocation succeeded!"), Json.parse(out.toString(StandardCharsets.UTF_8)));
    long scheduled = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("TaskScheduled")).count();
    assertEquals(3, scheduled, "two MaxDepthErrors retried, then the accepted call");
  }

  @Test
  void run_invalidJson_exitsTwo() throws IOException {
    Path def = file("bad.json", "{\"StartAt\": ");
    assertEquals(2, stepwise("run", def.toString()));
  }

  @Test
  void test_countsPassedAndFailed_andWritesTheReport() throws IOException {
    Path cases = Files.createDirectory(dir.resolve("cases"));
    Files.writeString(cases.resolve("ok.json"), """
        {"name": "ok", "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
         "input": {"a": 1}, "expected": {"status": "SUCCEEDED", "output": {"a": 1.0}}}""");
    Files.writeString(cases.resolve("wrong.json"), """
        {"name": "wrong", "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
         "input": {"a": 1}, "expected": {"status": "SUCCEEDED", "output": {"a": 2}}}""");
    Path report = dir.resolve("report.json");
    assertEquals(1, stepwise("test", "--report-json", report.toString(), cases.toString()));
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("1 passed, 1 failed"), stdout);
    assertTrue(stdout.contains("FAIL") && stdout.contains("wrong.json"), stdout);
    var json = Json.read(report);
    assertEquals(1, json.get("passed").asInt());
    assertEquals(2, json.get("cases").size());
  }

  @Test
  void unknownCommand_exitsTwoWithUsage() {
    assertEquals(2, stepwise("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
  }

  @Test
  void console_withoutAnHttpEndpoint_saysWhatItNeeds_andExitsTwo() {
    assertEquals(2, stepwise("console"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("console needs --endpoint URL"));
    assertEquals(2, stepwise("console", "--endpoint", "ftp://example.com"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--endpoint must be an http(s) URL"));
  }
}
