package io.stepwise.local.stack;

import io.stepwise.runtime.Executions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The templates' enabled schedules (EventBridge rules with a ScheduleExpression, SAM's Schedule
 * and ScheduleV2 events): each fires on time and starts an execution with its fixed input, as the
 * start function does on AWS.
 *
 * <p>{@code timeScale} multiplies every wait (0.01 turns a minute into 0.6 s), for tests.
 */
final class Schedules implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final List<StartTrigger.Schedule> running;

  private Schedules(ScheduledExecutorService timer, List<StartTrigger.Schedule> running) {
    this.timer = timer;
    this.running = List.copyOf(running);
  }

  static Schedules start(List<StartTrigger.Schedule> schedules, Executions executions, double timeScale,
      Consumer<String> log) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "local-schedules");
      thread.setDaemon(true);
      return thread;
    });
    List<StartTrigger.Schedule> running = new ArrayList<>();
    for (StartTrigger.Schedule schedule : schedules) {
      if (!schedule.enabled()) {
        log.accept("schedule " + schedule.id() + " is disabled: not started");
        continue;
      }
      ScheduleExpression expression = ScheduleExpression.parse(schedule.expression());
      Runnable fire = () -> {
        try {
          Executions.Started started = executions.start(schedule.stateMachineArn(), null, schedule.input());
          log.accept("schedule " + schedule.id() + " started " + started.executionArn());
        } catch (RuntimeException e) {
          log.accept("schedule " + schedule.id() + " could not start an execution: " + e.getMessage());
        }
      };
      scheduleNext(timer, expression, ZonedDateTime.now(ZoneOffset.UTC), timeScale, fire);
      running.add(schedule);
    }
    return new Schedules(timer, running);
  }

  List<StartTrigger.Schedule> running() {
    return running;
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
