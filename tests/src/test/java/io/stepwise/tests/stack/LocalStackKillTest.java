package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.runtime.faults.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The issue's proof: {@code stepwise local --data DIR} is killed with SIGKILL three times while
 * executions wait, loop, fan out and wait on task tokens (answered just before each kill), and is
 * restarted on DIR each time. Every execution ends with its output and with the history of the
 * same execution run undisturbed afterwards: no event twice, none missing.
 */
class LocalStackKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_KIND = 5;
  private static final int KILLS = 3;
  private static final Duration TO_FINISH = Duration.ofSeconds(240);

  /** A kind of execution: its definition, input and output, and whether it fans out. */
  private record Kind(String name, String definition, String input, String output, boolean fansOut) {}

  private static final String TOKEN_TASK = """
      {"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
       "Parameters":{"Entries":[{"Source":"stepwise.test","DetailType":"token","Detail":{"token.$":"$$.Task.Token"}}]},
       "ResultPath":"$.%s",%s}""";

  private static final List<Kind> KINDS = List.of(
      new Kind("waits", """
          {"StartAt":"W1","States":{
            "W1":{"Type":"Wait","Seconds":2,"Next":"Mark"},
            "Mark":{"Type":"Pass","Result":true,"ResultPath":"$.waited","Next":"W2"},
            "W2":{"Type":"Wait","Seconds":2,"End":true}}}""", "{\"n\":3}", "{\"n\":3,\"waited\":true}", false),
      new Kind("loops", """
          {"StartAt":"Init","States":{
            "Init":{"Type":"Pass","Result":0,"ResultPath":"$.i","Next":"Check"},
            "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEqualsPath":"$.n","Next":"Done"}],
                     "Default":"Step"},
            "Step":{"Type":"Pass","Parameters":{"n.$":"$.n","i.$":"States.MathAdd($.i, 1)"},"Next":"Pause"},
            "Pause":{"Type":"Wait","Seconds":1,"Next":"Check"},
            "Done":{"Type":"Succeed"}}}""", "{\"n\":5}", "{\"n\":5,\"i\":5}", false),
      new Kind("maps", """
          {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ResultPath":"$.doubled",
            "ItemProcessor":{"StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":1,"Next":"Double"},
              "Double":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($, $)"},"End":true}}},
            "End":true}}}""", "{\"items\":[1,2,3]}", "{\"items\":[1,2,3],\"doubled\":[{\"v\":2},{\"v\":4},{\"v\":6}]}",
          true),
      new Kind("branches", """
          {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Next":"A2"},"A2":{"Type":"Pass","Result":"a","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","Next":"B2"},"B2":{"Type":"Wait","Seconds":2,"End":true}}}]}}}""",
          "{}", "[\"a\",\"b\"]", true),
      new Kind("tokens", "{\"StartAt\":\"T1\",\"States\":{\"T1\":" + TOKEN_TASK.formatted("first", "\"Next\":\"W\"")
          + ",\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"Next\":\"T2\"},\"T2\":" + TOKEN_TASK.formatted("second", "\"End\":true")
          + "}}", "{\"n\":1}", "{\"n\":1,\"first\":{\"answer\":1},\"second\":{\"answer\":2}}", false));

  @TempDir Path dir;

  /** Tokens answered with 200 (never answered again: a lost answer must show as a stuck execution). */
  private final Set<String> answered = new HashSet<>();
  private final Map<String, Integer> answersPerExecution = new HashMap<>();

  @Test
  void killedThreeTimes_everyExecutionEndsWithItsOutputAndAnExactHistory() throws Exception {
    Path log = Path.of("target", "kill-test", "stepwise-local.log").toAbsolutePath();
    Map<String, Kind> executions = new LinkedHashMap<>();
    Map<String, String> machines = new HashMap<>();
    try (KilledStack stack = new KilledStack(dir.resolve("data"), log)) {
      SfnClient sfn = stack.start();
      for (Kind kind : KINDS) {
        machines.put(kind.name(), sfn.createStateMachine(r -> r.name("kill-" + kind.name()).definition(kind.definition())
            .roleArn("arn:aws:iam::000000000000:role/stepwise")).stateMachineArn());
      }
      for (int i = 0; i < PER_KIND; i++) {
        for (Kind kind : KINDS) {
          String name = kind.name() + "-" + i;
          String arn = sfn.startExecution(r -> r.stateMachineArn(machines.get(kind.name())).name(name)
              .input(kind.input())).executionArn();
          executions.put(arn, kind);
        }
      }
      for (int kill = 0; kill < KILLS; kill++) {
        if (kill > 0) sfn = stack.start();
        awaitProgress(sfn, executions.keySet());
        answerWaitingTokens(sfn, executions.keySet()); // and kill at once: an answered callback must survive
        stack.kill();
      }
      sfn = stack.start();
      Map<String, Kind> undisturbed = new LinkedHashMap<>();
      for (Kind kind : KINDS) {
        undisturbed.put(sfn.startExecution(r -> r.stateMachineArn(machines.get(kind.name())).name(kind.name() + "-undisturbed")
            .input(kind.input())).executionArn(), kind);
      }
      Map<String, Kind> all = new LinkedHashMap<>(executions);
      all.putAll(undisturbed);
      awaitAllEnded(sfn, all.keySet(), stack);

      Map<String, List<String>> expected = new HashMap<>();
      for (Map.Entry<String, Kind> run : undisturbed.entrySet()) expected.put(run.getValue().name(), history(sfn, run.getKey()));
      for (Map.Entry<String, Kind> run : all.entrySet()) {
        Kind kind = run.getValue();
        DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(run.getKey()));
        assertEquals(ExecutionStatus.SUCCEEDED, described.status(), run.getKey() + ": " + described);
        assertEquals(JSON.readTree(kind.output()), JSON.readTree(described.output()), run.getKey() + ": the output");
        Histories.assertSameEvents(expected.get(kind.name()), history(sfn, run.getKey()), kind.fansOut(),
            run.getKey() + " against the undisturbed run");
      }
    }
  }

  /** Lets the stack make some progress before the kill: a few more events anywhere, or a bounded while. */
  private void awaitProgress(SfnClient sfn, Set<String> executions) {
    long before = totalEvents(sfn, executions);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && totalEvents(sfn, executions) < before + 10) pause();
  }

  private void awaitAllEnded(SfnClient sfn, Set<String> executions, KilledStack stack) {
    long deadline = System.nanoTime() + TO_FINISH.toNanos();
    while (true) {
      answerWaitingTokens(sfn, executions);
      List<String> running = new ArrayList<>();
      for (String arn : executions) {
        if (sfn.describeExecution(r -> r.executionArn(arn)).status() == ExecutionStatus.RUNNING) running.add(arn);
      }
      if (running.isEmpty()) return;
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still running after " + TO_FINISH + ": " + running + "\n" + stack.tail());
      }
      pause();
    }
  }

  /** SendTaskSuccess for every token an execution waits on, once each: the n-th answer is {"answer":n}. */
  private void answerWaitingTokens(SfnClient sfn, Set<String> executions) {
    for (String arn : executions) {
      String token = waitingToken(sfn, arn);
      if (token == null || answered.contains(token)) continue;
      int n = answersPerExecution.getOrDefault(arn, 0) + 1;
      sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"answer\":" + n + "}")); // TaskTimedOut would be a bug
      answered.add(token);
      answersPerExecution.put(arn, n);
    }
  }

  /** The token of the last TaskScheduled not yet followed by its task's end, or null. */
  private static String waitingToken(SfnClient sfn, String arn) {
    String token = null;
    for (HistoryEvent event : events(sfn, arn)) {
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        try {
          token = JSON.readTree(event.taskScheduledEventDetails().parameters()).at("/Entries/0/Detail/token").asText(null);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      } else if (event.type() == HistoryEventType.TASK_SUCCEEDED || event.type() == HistoryEventType.TASK_FAILED) {
        token = null;
      }
    }
    return token;
  }

  private static long totalEvents(SfnClient sfn, Set<String> executions) {
    long total = 0;
    for (String arn : executions) total += events(sfn, arn).size();
    return total;
  }

  private static List<HistoryEvent> events(SfnClient sfn, String arn) {
    List<HistoryEvent> events = new ArrayList<>();
    sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).maxResults(1000)).events().forEach(events::add);
    return events;
  }

  /** Each event as {@code "id<previous Type details"}; tokens, ARNs and times left out, since they differ by run. */
  private static List<String> history(SfnClient sfn, String arn) {
    List<String> lines = new ArrayList<>();
    for (HistoryEvent e : events(sfn, arn)) {
      StringJoiner line = new StringJoiner(" ");
      line.add(e.id() + "<" + e.previousEventId()).add(e.typeAsString());
      if (e.stateEnteredEventDetails() != null) line.add(e.stateEnteredEventDetails().name()).add(e.stateEnteredEventDetails().input());
      if (e.stateExitedEventDetails() != null) line.add(e.stateExitedEventDetails().name()).add(e.stateExitedEventDetails().output());
      if (e.taskSucceededEventDetails() != null) line.add(e.taskSucceededEventDetails().output());
      if (e.mapIterationStartedEventDetails() != null) line.add("#" + e.mapIterationStartedEventDetails().index());
      if (e.mapIterationSucceededEventDetails() != null) line.add("#" + e.mapIterationSucceededEventDetails().index());
      if (e.executionSucceededEventDetails() != null) line.add(e.executionSucceededEventDetails().output());
      lines.add(line.toString());
    }
    return lines;
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
