package io.stepwise.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.express.ExpressHistory;
import io.stepwise.express.ExpressResult;
import io.stepwise.express.ExpressStart;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalEventSourceMapping;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.runtime.Pause;
import io.stepwise.runtime.StateMachineStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Express executions on local servers: the bench's 20-state machine over the 1 KB document run
 * N times from StartExecution's one message each (the Express queue's mapping, batches of up to
 * 10 run side by side, as template.yml sets it), and N times in process as StartSyncExecution runs them.
 * Costs per million executions at us-east-1 prices, beside Step Functions Express' own bill.
 */
public final class ExpressBench {
  static final double SFN_EXPRESS_PER_REQUEST = 1.00e-6;
  /** Step Functions Express duration, first tier: $0.06 per GB-hour. */
  static final double SFN_EXPRESS_PER_GB_SECOND = 0.06 / 3600;
  /** Clients calling StartExecution side by side. */
  static final int CLIENTS = 10;

  public ObjectNode run(int executions) {
    AwsCallCounter counter = new AwsCallCounter();
    AtomicLong ended = new AtomicLong();
    ExpressHistory counting = (ExpressStart execution, List<HistoryEvent> events) -> ended.incrementAndGet();
    try (ElasticMqServer sqsServer = ElasticMqServer.start();
        DynaliteServer dynamoServer = DynaliteServer.start();
        DynamoDbClient dynamo = counter.dynamoDb(dynamoServer.endpoint());
        SqsClient sqs = counter.sqs(sqsServer.endpoint());
        LocalRuntime local = LocalRuntime.start(dynamo, sqs, "stepwise-express-bench", TaskInvoker.NONE,
            new LocalRuntime.Options(5, 10, 2, RuntimeBench.BATCH_SIZE), counting)) {
      String machineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:express-bench";
      local.runtime().machines().store().put(new StateMachineStore.StateMachineRecord(machineArn, "express-bench", 0,
          Workloads.passChain(RuntimeBench.STATES), "role", "EXPRESS"));
      String input = Json.write(Workloads.oneKilobyteDocument());
      runAsync(local, machineArn, input, ended, 20); // warm-up
      List<Long> before = counter.snapshot();
      LocalEventSourceMapping.Stats statsBefore = local.expressMappingStats();
      long asyncStart = System.nanoTime();
      runAsync(local, machineArn, input, ended, executions);
      double asyncSeconds = (System.nanoTime() - asyncStart) / 1e9;
      List<Long> after = counter.snapshot();
      LocalEventSourceMapping.Stats statsAfter = local.expressMappingStats();

      double sqsPerExecution = (after.get(4) - before.get(4)) / (double) executions;
      double dynamoPerExecution = (after.get(0) - before.get(0) + after.get(1) - before.get(1)) / (double) executions;
      long invocations = statsAfter.invocations() - statsBefore.invocations();
      double handlerSeconds = (statsAfter.handlerNanos() - statsBefore.handlerNanos()) / 1e9 / Math.max(1, invocations);
      double gb = RuntimeBench.MEMORY_MB / 1024.0;
      double invocationsPerExecution = invocations / (double) executions;
      double asyncCost = 1e6 * (sqsPerExecution * RuntimeBench.SQS_PER_REQUEST
          + invocationsPerExecution * (RuntimeBench.LAMBDA_PER_REQUEST + handlerSeconds * gb * RuntimeBench.LAMBDA_PER_GB_SECOND_ARM64));

      long syncNanos = 0;
      long billedMillis = 0;
      for (int i = 0; i < executions; i++) {
        ExpressStart start = local.runtime().executions().expressStart(machineArn, "sync-" + i, input);
        long t0 = System.nanoTime();
        ExpressResult result = local.runtime().express().run(start);
        syncNanos += System.nanoTime() - t0;
        billedMillis += result.billedDurationMillis();
      }
      double syncSeconds = syncNanos / 1e9 / executions;
      double syncCost = 1e6 * (RuntimeBench.LAMBDA_PER_REQUEST + syncSeconds * gb * RuntimeBench.LAMBDA_PER_GB_SECOND_ARM64);
      double sfnCost = 1e6 * (SFN_EXPRESS_PER_REQUEST
          + (billedMillis / 1000.0 / executions) * (64 / 1024.0) * SFN_EXPRESS_PER_GB_SECOND);

      ObjectNode r = Json.object();
      r.put("executions", executions);
      r.put("states_per_execution", RuntimeBench.STATES);
      r.put("payload_bytes", input.length());
      r.put("memory_mb", RuntimeBench.MEMORY_MB);
      r.put("async_executions_per_second", Math.round(executions / asyncSeconds * 10) / 10.0);
      r.put("async_sqs_requests_per_execution", round3(sqsPerExecution));
      // One send, and a tenth each of the full batch's receive and delete
      r.put("async_sqs_floor_per_execution", round3(1 + 2.0 / RuntimeBench.BATCH_SIZE));
      r.put("async_dynamodb_requests_per_execution", round3(dynamoPerExecution));
      r.put("async_invocations_per_execution", round3(invocationsPerExecution));
      r.put("async_handler_ms_per_invocation", round3(handlerSeconds * 1000));
      r.put("async_cost_per_million_executions_usd", round3(asyncCost));
      r.put("sync_handler_ms_per_execution", round3(syncSeconds * 1000));
      r.put("sync_cost_per_million_executions_usd", round3(syncCost));
      r.put("step_functions_express_cost_per_million_usd", round3(sfnCost));
      r.put("method", "Async: N StartExecution calls from " + CLIENTS + " client threads on an EXPRESS machine, each one message on the Express queue "
          + "(batches of up to 10 per invocation gathered for up to " + LocalRuntime.EXPRESS_BATCH_WINDOW.toSeconds()
          + " s, run side by side, as template.yml sets it); SQS requests counted inside the SDK during the round (send, receive, delete, "
          + "and the pollers' empty long polls), handler time measured around each invocation, priced per execution at its share of "
          + "the invocations' requests and handler time at memory_mb on arm64 + SQS requests. Sync: the same run in process, as "
          + "StartSyncExecution does it in the API function: 1 Lambda request + its time (the Function URL adds nothing). "
          + "Step Functions Express: $1.00 per million requests + the billed duration (rounded up to 100 ms, "
          + "as billingDetails reports it) at 64 MB and $0.06 per GB-hour. CloudWatch Logs ingestion of the history "
          + "(when logging is on) is left out of both sides alike.");
      return r;
    }
  }

  private static void runAsync(LocalRuntime local, String machineArn, String input, AtomicLong ended, int n) {
    long target = ended.get() + n;
    // Ten clients calling StartExecution at once, as a service under load would
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
    try {
      List<java.util.concurrent.Future<?>> starts = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) starts.add(clients.submit(() -> local.runtime().executions().start(machineArn, null, input)));
      for (java.util.concurrent.Future<?> start : starts) start.get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("StartExecution failed in the bench", e);
    } finally {
      clients.shutdown();
    }
    long deadline = System.currentTimeMillis() + 300_000;
    while (ended.get() < target) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("Express executions did not end in 5 minutes");
      Pause.millis(10);
    }
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
