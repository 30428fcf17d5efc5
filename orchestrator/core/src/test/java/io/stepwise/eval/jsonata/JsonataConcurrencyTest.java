package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonataConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 1_500;

  @Test
  void compile_cachesPerThread() throws Exception {
    // given
    var here = JsonataRuntime.compile("$states.input.a + 1");
    // when
    var again = JsonataRuntime.compile("$states.input.a + 1");
    var elsewhere = Executors.newSingleThreadExecutor();
    try {
      var there = elsewhere.submit(() -> JsonataRuntime.compile("$states.input.a + 1")).get();
      // then
      assertSame(here, again);
      assertNotSame(here, there);
    } finally {
      elsewhere.shutdown();
    }
  }

  @Test
  void evaluate_sameExpressionsOnManyThreads_keepsEveryEvaluationsBindings() throws Exception {
    // given: every thread evaluates the same texts with its own input and variables, and keeps
    // compiling new expressions in between, which is what swaps the library's per-thread state
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      runs.add(pool.submit(() -> {
        start.await();
        int checked = 0;
        for (int i = 0; i < ROUNDS; i++) {
          JsonataBindings bindings = new JsonataBindings(
              json("{\"id\": " + thread + ", \"items\": [1, 2, 3], \"k\": " + i + "}"), null, null, json("{}"),
              Map.of("v", json("\"t" + thread + "\"")), Sources.fixed(java.time.Instant.EPOCH, 7));
          assertEquals("\"" + thread + "-t" + thread + "\"",
              evaluate("$string($states.input.id) & '-' & $v", bindings));
          assertEquals("[" + i + "," + 2 * i + "," + 3 * i + "]",
              evaluate("$map($states.input.items, function($x){ $x * $states.input.k })", bindings));
          assertEquals(String.valueOf(thread + i), evaluate("$states.input.id + " + i, bindings));
          checked += 3;
        }
        return checked;
      }));
    }
    // when
    start.countDown();
    pool.shutdown();
    // then
    int total = 0;
    for (Future<Integer> run : runs) total += run.get(60, TimeUnit.SECONDS);
    assertEquals(THREADS * ROUNDS * 3, total);
  }

  private static String evaluate(String body, JsonataBindings bindings) {
    JsonNode result = Jsonata.evaluate(body, bindings, "Output");
    return result.toString();
  }
}
