package io.stepwise.local.stack;

import static io.stepwise.local.stack.StackTemplate.list;
import static io.stepwise.local.stack.StackTemplate.map;

import io.stepwise.json.Json;
import io.stepwise.lambda.StartHandler;
import io.stepwise.runtime.Executions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The template's enabled {@code AWS::Events::Rule}s with a ScheduleExpression whose target is the
 * start function: each fires on time with the target's fixed Input, handed to the start
 * function's handler in this JVM (as EventBridge would invoke it), so the schedule starts
 * executions exactly as on AWS.
 *
 * <p>{@code timeScale} multiplies every wait (0.01 turns a minute into 0.6 s), for tests.
 */
final class Schedules implements AutoCloseable {
  /** One rule as it runs here. */
  record Rule(String logicalId, String expression, String stateMachineArn) {}

  private final ScheduledExecutorService timer;
  private final List<Rule> rules;

  private Schedules(ScheduledExecutorService timer, List<Rule> rules) {
    this.timer = timer;
    this.rules = List.copyOf(rules);
  }

  static Schedules start(StackTemplate template, LocalValues values, Executions executions, String startFunctionId,
      double timeScale, Consumer<String> log) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "local-schedules");
      thread.setDaemon(true);
      return thread;
    });
    StartHandler start = new StartHandler(executions);
    List<Rule> rules = new ArrayList<>();
    for (String id : template.ofType("AWS::Events::Rule")) {
      Map<String, Object> properties = template.properties(id);
      Object expression = properties.get("ScheduleExpression");
      if (expression == null) continue; // an event pattern rule: nothing local emits those events
      String state = properties.containsKey("State") ? values.text(properties.get("State")) : "ENABLED";
      if (!"ENABLED".equals(state)) {
        log.accept("schedule " + id + " is " + state + ": not started");
        continue;
      }
      ScheduleExpression schedule = ScheduleExpression.parse(values.text(expression));
      for (Object target : list(properties.getOrDefault("Targets", List.of()))) {
        Map<String, Object> fields = map(target);
        if (startFunctionId == null || !startFunctionId.equals(References.resource(fields.get("Arn")))) {
          log.accept("schedule " + id + ": target " + fields.get("Id") + " is not the start function, not run locally");
          continue;
        }
        String input = values.text(fields.get("Input"));
        Map<String, Object> request = input == null ? Map.of() : map(Json.MAPPER.convertValue(Json.parse(input), Map.class));
        Runnable fire = () -> {
          try {
            Map<String, Object> started = start.handleRequest(request, null);
            log.accept("schedule " + id + " started " + started.get("executionArn"));
          } catch (RuntimeException e) {
            log.accept("schedule " + id + " could not start an execution: " + e.getMessage());
          }
        };
        scheduleNext(timer, schedule, ZonedDateTime.now(ZoneOffset.UTC), timeScale, fire);
        rules.add(new Rule(id, values.text(expression), String.valueOf(request.get("stateMachineArn"))));
      }
    }
    return new Schedules(timer, rules);
  }

  List<Rule> rules() {
    return rules;
  }

  /**
   * One timer per firing, each computing the next from the schedule, so cron and rate share the
   * code. At scale 1 the wait is to the real next time; scaled, time is virtual: the wait is the
   * scaled gap between one fire time and the next.
   */
  private static void scheduleNext(ScheduledExecutorService timer, ScheduleExpression schedule, ZonedDateTime after,
      double timeScale, Runnable fire) {
    ZonedDateTime next = schedule.next(after);
    if (next == null || timer.isShutdown()) return;
    long delayMillis = timeScale == 1.0
        ? Duration.between(ZonedDateTime.now(ZoneOffset.UTC), next).toMillis()
        : (long) (Duration.between(after, next).toMillis() * timeScale);
    timer.schedule(() -> {
      fire.run();
      scheduleNext(timer, schedule, next, timeScale, fire);
    }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
