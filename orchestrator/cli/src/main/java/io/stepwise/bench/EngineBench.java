package io.stepwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.StoredEvent;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-memory engine throughput on one thread: executions of fixed workloads, run repeatedly, with
 * every history event encoded as the runtime stores it ({@link StoredEvent}). Warm-up rounds, then measured
 * rounds; the median round is reported.
 */
public final class EngineBench {
  private final int warmupRounds;
  private final int measuredRounds;
  private final long roundMillis;

  public EngineBench(int warmupRounds, int measuredRounds, long roundMillis) {
    this.warmupRounds = warmupRounds;
    this.measuredRounds = measuredRounds;
    this.roundMillis = roundMillis;
  }

  /** One workload: a machine, its input, and how many transitions one execution takes. */
  public record Workload(String key, StateMachine machine, JsonNode input) {}

  /** Measured transitions per second for each workload, keyed as the report names them. */
  public ObjectNode run(List<Workload> workloads) {
    ObjectNode engine = Json.object();
    for (Workload workload : workloads) {
      Measurement m = measure(workload);
      engine.put(workload.key() + "_transitions_per_second", Math.round(m.median()));
      ObjectNode detail = engine.putObject(workload.key() + "_detail");
      detail.put("transitions_per_execution", m.transitionsPerExecution());
      detail.put("rounds", measuredRounds);
      detail.put("round_ms", roundMillis);
      detail.put("min", Math.round(m.min()));
      detail.put("max", Math.round(m.max()));
    }
    return engine;
  }

  record Measurement(double median, double min, double max, long transitionsPerExecution) {}

  private Measurement measure(Workload workload) {
    long[] bytesSink = new long[1];
    InMemoryDriver driver = new InMemoryDriver(new Engine(() -> "bench-token"), TaskInvoker.NONE,
        VirtualClock.fast(Instant.EPOCH), event -> bytesSink[0] += serialized(event));
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:local:0:execution:bench:e", "e",
        "arn:aws:states:local:0:stateMachine:bench", "bench", workload.input(), Instant.EPOCH, "role", 0, false);
    ExecutionResult probe = driver.run(workload.machine(), info);
    if (probe.status() != io.stepwise.engine.ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(workload.key() + " workload did not succeed: " + probe.error() + " " + probe.cause());
    }
    for (int i = 0; i < warmupRounds; i++) round(driver, workload, info);
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < measuredRounds; i++) rates.add(round(driver, workload, info));
    Collections.sort(rates);
    return new Measurement(rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), probe.transitions());
  }

  /** Runs executions for one round; returns transitions per second. */
  private double round(InMemoryDriver driver, Workload workload, ExecutionInfo info) {
    long transitions = 0;
    long start = System.nanoTime();
    long end = start + roundMillis * 1_000_000;
    long now;
    do {
      transitions += driver.run(workload.machine(), info).transitions();
      now = System.nanoTime();
    } while (now < end);
    return transitions / ((now - start) / 1e9);
  }

  /** Encodes the event as the runtime stores it; returns a size so the work cannot be elided. */
  private static long serialized(HistoryEvent event) {
    StoredEvent stored = StoredEvent.of(event);
    return (stored.detailsJson() == null ? 0 : stored.detailsJson().length()) + (stored.payload() == null ? 0 : stored.payload().length());
  }

  /** The three workloads of the issue: Pass with Parameters and ResultPath, Choice loop, intrinsics. */
  public static List<Workload> standardWorkloads() {
    return List.of(
        new Workload("pass", Definitions.load(Json.parse(Workloads.passChain(100))), Workloads.oneKilobyteDocument()),
        new Workload("choice", Definitions.load(Json.parse(Workloads.choiceLoop(50))), Workloads.oneKilobyteDocument()),
        new Workload("intrinsic", Definitions.load(Json.parse(Workloads.intrinsicChain(50))), Workloads.oneKilobyteDocument()),
        new Workload("jsonata", Definitions.load(Json.parse(Workloads.jsonataChain(50))), Workloads.oneKilobyteDocument()));
  }
}
