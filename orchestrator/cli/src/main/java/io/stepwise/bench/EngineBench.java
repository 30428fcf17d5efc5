package io.stepwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.ThreadMXBean;
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
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-memory engine throughput on one thread: executions of fixed workloads, run repeatedly, with
 * every history event encoded as the runtime stores it ({@link StoredEvent}). Warm-up rounds, then measured
 * rounds, each beside a round of the Jackson floor ({@link JacksonFloor}); medians are reported.
 */
public final class EngineBench {
  private static final ThreadMXBean ALLOCATION = (ThreadMXBean) ManagementFactory.getThreadMXBean();
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

  /** Measured transitions per second, the Jackson floor and allocation for each workload, keyed as the report names them. */
  public ObjectNode run(List<Workload> workloads) {
    ObjectNode engine = Json.object();
    engine.put("method", "Per workload, " + warmupRounds + " warm-up and " + measuredRounds + " measured rounds of "
        + roundMillis + " ms on one thread, each measured round an engine round next to a floor round. The floor is"
        + " the issue's naive Jackson floor: one operation is a deep copy and two serialisations of the same 1 KB"
        + " document with a plain ObjectMapper. ratio_to_jackson_floor = engine transitions per second / floor"
        + " operations per second of the adjacent round; bytes_allocated_per_transition = the thread's allocated"
        + " bytes (ThreadMXBean.getThreadAllocatedBytes) over the engine round / its transitions. Each key is the"
        + " median over the measured rounds. The floor is one instance, warmed for as many rounds before the"
        + " first workload, so every workload meets it warm.");
    // A floor still warming up during the first workload's rounds would flatter that workload.
    JacksonFloor floor = new JacksonFloor(Workloads.oneKilobyteDocument());
    for (int i = 0; i < warmupRounds; i++) floor.round(roundMillis);
    for (Workload workload : workloads) {
      Measurement m = measure(workload, floor);
      engine.put(workload.key() + "_transitions_per_second", Math.round(m.rates().median()));
      engine.put(workload.key() + "_ratio_to_jackson_floor", Math.round(m.ratios().median() * 100) / 100.0);
      engine.put(workload.key() + "_bytes_allocated_per_transition", Math.round(m.bytes().median()));
      ObjectNode detail = engine.putObject(workload.key() + "_detail");
      detail.put("transitions_per_execution", m.transitionsPerExecution());
      detail.put("rounds", measuredRounds);
      detail.put("round_ms", roundMillis);
      detail.put("min", Math.round(m.rates().min()));
      detail.put("max", Math.round(m.rates().max()));
      detail.put("jackson_floor_operations_per_second", Math.round(m.floor().median()));
      detail.put("ratio_min", Math.round(m.ratios().min() * 100) / 100.0);
      detail.put("ratio_max", Math.round(m.ratios().max() * 100) / 100.0);
    }
    return engine;
  }

  record Measurement(Spread rates, Spread floor, Spread ratios, Spread bytes, long transitionsPerExecution) {}

  /** The median and extremes of one figure over the measured rounds. */
  record Spread(double median, double min, double max) {
    static Spread of(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      return new Spread(sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
  }

  private Measurement measure(Workload workload, JacksonFloor floor) {
    long[] bytesSink = new long[1];
    InMemoryDriver driver = new InMemoryDriver(new Engine(() -> "bench-token"), TaskInvoker.NONE,
        VirtualClock.fast(Instant.EPOCH), event -> bytesSink[0] += serialized(event));
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:local:0:execution:bench:e", "e",
        "arn:aws:states:local:0:stateMachine:bench", "bench", workload.input(), Instant.EPOCH, "role", 0, false);
    ExecutionResult probe = driver.run(workload.machine(), info);
    if (probe.status() != io.stepwise.engine.ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(workload.key() + " workload did not succeed: " + probe.error() + " " + probe.cause());
    }
    for (int i = 0; i < warmupRounds; i++) {
      floor.round(roundMillis);
      round(driver, workload, info);
    }
    List<Double> rates = new ArrayList<>();
    List<Double> floors = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> bytes = new ArrayList<>();
    for (int i = 0; i < measuredRounds; i++) {
      double floorRate = floor.round(roundMillis);
      Round r = round(driver, workload, info);
      rates.add(r.transitionsPerSecond());
      floors.add(floorRate);
      ratios.add(r.transitionsPerSecond() / floorRate);
      bytes.add(r.bytesPerTransition());
    }
    if (floor.sink() == 0 || bytesSink[0] == 0) throw new IllegalStateException("the bench measured no work");
    return new Measurement(Spread.of(rates), Spread.of(floors), Spread.of(ratios), Spread.of(bytes), probe.transitions());
  }

  record Round(double transitionsPerSecond, double bytesPerTransition) {}

  /** Runs executions for one round: transitions per second and bytes allocated per transition. */
  private Round round(InMemoryDriver driver, Workload workload, ExecutionInfo info) {
    long transitions = 0;
    long allocatedBefore = ALLOCATION.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long end = start + roundMillis * 1_000_000;
    long now;
    do {
      transitions += driver.run(workload.machine(), info).transitions();
      now = System.nanoTime();
    } while (now < end);
    long allocated = ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedBefore;
    return new Round(transitions / ((now - start) / 1e9), (double) allocated / transitions);
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
