package io.stepwise.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.integrations.OwnResources;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalEventSourceMapping;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.Pause;
import io.stepwise.runtime.StateMachineStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The cost of one {@code aws-sdk} call Task on the Lambda runtime, on local servers (ElasticMQ,
 * dynalite, moto_server for STS and the target, SNS ListTopics). Method: executions of a chain
 * of {@link #TASKS} such Tasks, run as the machine's role (assumed through STS, cached);
 * per round, every AWS call the runtime makes (DynamoDB and SQS inside the SDK, STS and the
 * target on the wire) and the step handler's time are divided by the Tasks run. The headline
 * is each key's median over the rounds.
 */
public final class AwsSdkTaskBench {
  static final int TASKS = 10;
  static final int EXECUTIONS = 10;
  private static final String ROLE = "arn:aws:iam::123456789012:role/stepwise/bench-machine";

  /** @return the report, or a {@code skipped} reason when moto_server is not installed */
  public ObjectNode run(int rounds) {
    ObjectNode report = Json.object();
    if (MotoServer.locate().isEmpty()) {
      report.put("skipped", "moto_server is not installed (pip install 'moto[server]')");
      return report;
    }
    AwsCallCounter counter = new AwsCallCounter();
    ServiceCallCounter wire = new ServiceCallCounter(TaskInvokers.httpClient());
    try (MotoServer moto = MotoServer.start();
        ElasticMqServer sqsServer = ElasticMqServer.start();
        DynaliteServer dynamoServer = DynaliteServer.start();
        DynamoDbClient counted = counter.dynamoDb(dynamoServer.endpoint());        SqsClient countedSqs = counter.sqs(sqsServer.endpoint());
        DynamoDbClient observer = AwsClients.dynamoDb(dynamoServer.endpoint());
        LocalRuntime local = LocalRuntime.start(counted, countedSqs, "stepwise-bench-sdk", invoker(wire, moto),
            new LocalRuntime.Options(30, 10, 4, RuntimeBench.BATCH_SIZE))) {
      ExecutionStore watch = new DynamoDbExecutionStore(observer, "stepwise-bench-sdk");
      String machineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:bench-sdk";
      local.runtime().machines().store().put(new StateMachineStore.StateMachineRecord(machineArn, "bench-sdk", 0,
          awsSdkChain(TASKS), ROLE, "STANDARD"));
      runRound(local, watch, machineArn, "warmup");
      ArrayNode perRound = Json.array();
      for (int r = 0; r < rounds; r++) {
        List<Long> before = counter.snapshot();
        Map<String, Long> wireBefore = wire.snapshot();
        long wireNanosBefore = wire.wireNanos();
        LocalEventSourceMapping.Stats statsBefore = local.mappingStats();
        runRound(local, watch, machineArn, "r" + r);
        ObjectNode round = perTask(before, counter.snapshot(), wireBefore, wire.snapshot(), statsBefore, local.mappingStats());
        round.put("call_wait_ms", round3((wire.wireNanos() - wireNanosBefore) / 1e6 / (TASKS * EXECUTIONS)));
        round.put("handler_ms_without_call_wait", round3(round.get("handler_ms").asDouble() - round.get("call_wait_ms").asDouble()));
        perRound.add(round);
      }
      report.put("method", "executions of a chain of " + TASKS + " aws-sdk:sns:listTopics Tasks (" + EXECUTIONS
          + " at once per round) as the machine's role, on ElasticMQ, dynalite and moto_server; each round's calls "
          + "and step-handler time divided by the Tasks it ran (call_wait_ms: waiting on STS and the target, here "
          + "moto_server); headline values are medians over " + rounds + " rounds");
      report.put("tasks_per_round", TASKS * EXECUTIONS);
      for (String key : List.of("dynamodb_reads", "dynamodb_writes", "sqs_requests", "sts_calls", "target_calls",
          "handler_ms", "call_wait_ms", "handler_ms_without_call_wait")) {
        report.put(key + "_per_task", median(perRound, key));
      }
      report.set("rounds", perRound);
      return report;
    }
  }

  private static io.stepwise.driver.TaskInvoker invoker(ServiceCallCounter wire, MotoServer moto) {
    AwsEndpoints endpoints = AwsEndpoints.local(Map.of(), moto.endpoint(), "bench");
    TaskCredentials roles = TaskInvokers.machineRoles(wire, endpoints, AwsClients.DUMMY_CREDENTIALS, "us-east-1");
    return TaskInvokers.create(wire, endpoints, roles, new OwnResources("stepwise-bench-sdk", "stepwise-bench-sdk"),
        "us-east-1");
  }

  private void runRound(LocalRuntime local, ExecutionStore watch, String machineArn, String prefix) {
    List<String> executions = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      executions.add(local.runtime().executions().start(machineArn, prefix + "-" + i, "{}").executionArn());
    }
    for (String arn : executions) {
      while (true) {
        var record = watch.load(arn).orElseThrow();
        if (record.state().isDone()) {
          if (record.state().status() != io.stepwise.engine.ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(arn + " ended " + record.state().status() + ": " + record.state().error()
                + ": " + record.state().cause());
          }
          break;
        }
        Pause.millis(20);
      }
    }
  }

  private static ObjectNode perTask(List<Long> before, List<Long> after, Map<String, Long> wireBefore,
      Map<String, Long> wireAfter, LocalEventSourceMapping.Stats statsBefore, LocalEventSourceMapping.Stats statsAfter) {
    double tasks = TASKS * EXECUTIONS;
    long sts = wireAfter.getOrDefault("sts", 0L) - wireBefore.getOrDefault("sts", 0L);
    long all = wireAfter.values().stream().mapToLong(Long::longValue).sum()
        - wireBefore.values().stream().mapToLong(Long::longValue).sum();
    ObjectNode r = Json.object();
    r.put("dynamodb_reads", round3((after.get(0) - before.get(0)) / tasks));
    r.put("dynamodb_writes", round3((after.get(1) - before.get(1)) / tasks));
    r.put("sqs_requests", round3((after.get(4) - before.get(4)) / tasks));
    r.put("sts_calls", round3(sts / tasks));
    r.put("target_calls", round3((all - sts) / tasks));
    r.put("handler_ms", round3((statsAfter.handlerNanos() - statsBefore.handlerNanos()) / 1e6 / tasks));
    return r;
  }

  /** {@code n} aws-sdk Tasks in a chain, each result dropped (ResultPath null). */
  static String awsSdkChain(int n) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < n; i++) {
      states.append(i == 0 ? "" : ",").append("\"T").append(i).append("\": {\"Type\": \"Task\", ")
          .append("\"Resource\": \"arn:aws:states:::aws-sdk:sns:listTopics\", \"Parameters\": {}, ")
          .append("\"ResultPath\": null, ").append(i == n - 1 ? "\"End\": true}" : "\"Next\": \"T" + (i + 1) + "\"}");
    }
    return "{\"StartAt\": \"T0\", \"States\": {" + states + "}}";
  }

  private static double median(ArrayNode rounds, String key) {
    List<Double> values = new ArrayList<>();
    rounds.forEach(r -> values.add(r.get(key).asDouble()));
    Collections.sort(values);
    int n = values.size();
    return n == 0 ? 0 : n % 2 == 1 ? values.get(n / 2) : round3((values.get(n / 2 - 1) + values.get(n / 2)) / 2);
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
