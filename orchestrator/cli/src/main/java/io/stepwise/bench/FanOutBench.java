package io.stepwise.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.runtime.Pause;
import io.stepwise.runtime.StateMachineStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Fan-out on local servers: a Map over 10,000 items with MaxConcurrency 100 whose iterations are
 * pure data flow (run inline, in the parent's transitions), the same Map with a Task in each
 * iteration (durable: one execution per item), and a 20-branch Parallel. Wall time, DynamoDB and SQS calls per item (counted inside the SDK), and the
 * peak heap of the JVM running the worker (ElasticMQ shares it; dynalite is its own process).
 */
public final class FanOutBench {
  static final String METHOD = "Per item: the run's calls counted inside the SDK of the runtime's own clients, divided by"
      + " the items. capacity_units_per_item_by_kind splits the write and read units by the item each call touched"
      + " and what it did: child_record (an iteration's record: create = BatchWriteItem at the fan-out),"
      + " child_records_packed (up to 50 iterations' records in one item, as the fan-out created them: create ="
      + " BatchWriteItem, get = an iteration's read of it until its first commit), child_history"
      + " (put_claim = the empty history item a transition writes under its lease before a task call, put_commit ="
      + " the transition's events with the record they commit), join_counters (the join's counter item J), join_outcome"
      + " (one outcome item per child, only where the outcome is not the child's last commit), execution_* (the"
      + " parent), index (the KEYS_ONLY index), *.get/*.query the reads. A batch put is billed by its item's size, 1 unit per KB. SQS requests by action, the local event"
      + " source mapping's receives and deletes included.";

  public ObjectNode run(int items) {
    AwsCallCounter counter = new AwsCallCounter();
    try (ElasticMqServer sqsServer = ElasticMqServer.start();
        DynaliteServer dynamoServer = DynaliteServer.start();
        DynamoDbClient dynamo = counter.dynamoDb(dynamoServer.endpoint());        SqsClient sqs = counter.sqs(sqsServer.endpoint());
        DynamoDbClient observer = AwsClients.dynamoDb(dynamoServer.endpoint());
        LocalRuntime local = LocalRuntime.start(dynamo, sqs, "stepwise-fanout", FanOutBench::answer,
            new LocalRuntime.Options(60, 10, 4, 10))) {
      var watch = new io.stepwise.aws.dynamodb.DynamoDbExecutionStore(observer, "stepwise-fanout");
      ObjectNode report = Json.object();
      report.set("map", measure(local, watch, counter, "map", FanOutWorkloads.map(100), FanOutWorkloads.items(items), items));
      // A tenth of the items: per item it costs what the whole would, in a tenth of the time.
      int durable = Math.max(1, items / 10);
      report.set("map_task", measure(local, watch, counter, "map_task", FanOutWorkloads.mapWithTask(100),
          FanOutWorkloads.items(durable), durable));
      report.set("parallel", measure(local, watch, counter, "parallel", FanOutWorkloads.parallel(20), "{}", 20));
      return report;
    }
  }

  /** The Task each durable iteration calls: answers with its input doubled, at once. */
  private static TaskOutcome answer(Command.InvokeTask call) {
    return TaskOutcome.success(Json.parse(String.valueOf(2 * call.payload().asLong())));
  }

  private ObjectNode measure(LocalRuntime local, io.stepwise.runtime.ExecutionStore watch, AwsCallCounter counter,
      String name, String definition, String input, int children) {
    String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:" + name;
    local.runtime().machines().store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    List<Long> before = counter.snapshot();
    Map<String, Long> kindsBefore = counter.unitsByKind();
    Map<String, Long> sqsBefore = counter.sqsActions();
    long start = System.nanoTime();
    String execution = local.runtime().executions().start(arn, "run", input).executionArn();
    while (!watch.load(execution).orElseThrow().state().isDone()) Pause.millis(200);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampling.set(false);
    List<Long> after = counter.snapshot();
    var end = watch.load(execution).orElseThrow().state();
    ObjectNode r = Json.object();
    r.put("children", children);
    r.put("status", end.status().name());
    r.put("wall_seconds", Math.round(seconds * 10) / 10.0);
    r.put("children_per_second", Math.round(children / seconds * 10) / 10.0);
    r.put("dynamodb_reads_per_item", round(after.get(0) - before.get(0), children));
    r.put("dynamodb_writes_per_item", round(after.get(1) - before.get(1), children));
    r.put("write_units_per_item", round(after.get(2) - before.get(2), children));
    r.put("sqs_requests_per_item", round(after.get(4) - before.get(4), children));
    r.put("peak_heap_mb", peak.get() / (1024 * 1024));
    ObjectNode units = r.putObject("capacity_units_per_item_by_kind");
    counter.unitsByKind().forEach((kind, n) -> {
      long used = n - kindsBefore.getOrDefault(kind, 0L);
      if (used > 0) units.put(kind, round(used, children));
    });
    ObjectNode sqsActions = r.putObject("sqs_requests_per_item_by_action");
    counter.sqsActions().forEach((action, n) -> {
      long used = n - sqsBefore.getOrDefault(action, 0L);
      if (used > 0) sqsActions.put(action, round(used, children));
    });
    r.put("method", METHOD);
    return r;
  }

  private static double round(long total, int items) {
    return Math.round(1000.0 * total / items) / 1000.0;
  }
}
