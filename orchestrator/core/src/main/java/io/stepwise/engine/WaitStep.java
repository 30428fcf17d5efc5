package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;
import java.time.Instant;

/** A Wait state: a timer for Seconds or until a Timestamp; a due time in the past moves on at once. */
final class WaitStep {
  private final Transition t;
  private final State.Wait wait;
  private final Expressions expressions;

  WaitStep(Transition t, State.Wait wait, Expressions expressions) {
    this.t = t;
    this.wait = wait;
    this.expressions = expressions;
  }

  void run() {
    Instant due = dueTime();
    if (!due.isAfter(t.now())) {
      finish();
      return;
    }
    t.await(Phase.AWAIT_TIMER);
    t.command(new Command.StartTimer(due));
  }

  /** The timer is due: leave with the state's output. */
  void finish() {
    var base = wait.base();
    if (base.isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      JsonNode output = base.output() == null ? t.stateInput() : expressions.jsonata(base.output(), bindings, "Output");
      t.exit(wait, output, expressions.assign(base.assign(), null, bindings), base.next());
      return;
    }
    Scope raw = t.scope(t.stateInput());
    JsonNode effective = DataFlow.select(base.inputPath(), raw);
    var assigned = expressions.assign(base.assign(), effective, null);
    t.exit(wait, DataFlow.select(base.outputPath(), raw.withInput(effective)), assigned, base.next());
  }

  private Instant dueTime() {
    Instant entered = t.now();
    if (wait.base().isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      if (wait.seconds() != null) {
        JsonNode seconds = expressions.jsonata(wait.seconds().literal(), bindings, "Seconds");
        if (seconds == null || !seconds.canConvertToExactIntegral() || seconds.asLong() < 0) {
          throw StatesError.query("The JSONata expression specified for the field 'Seconds' returned an unexpected result: "
              + (seconds == null ? "null" : Json.write(seconds)));
        }
        return entered.plusSeconds(seconds.asLong());
      }
      JsonNode timestamp = expressions.jsonata(wait.timestamp(), bindings, "Timestamp");
      return timestamp(timestamp, "Timestamp", wait.timestamp().asText());
    }
    Scope scope = t.scope(DataFlow.select(wait.base().inputPath(), t.scope(t.stateInput())));
    if (wait.seconds() != null && wait.seconds().literal() != null) {
      return entered.plusSeconds(wait.seconds().literal().asLong());
    }
    if (wait.seconds() != null) {
      String path = wait.seconds().path();
      JsonNode value = PathRef.compile(path).find(scope);
      if (value == null) {
        throw StatesError.runtime("The SecondsPath parameter does not reference an input value: " + path);
      }
      if (!value.isIntegralNumber()) {
        throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + Json.write(value));
      }
      if (value.asLong() < 0) {
        throw StatesError.runtime("The SecondsPath parameter references a negative value: " + path + " == " + Json.write(value));
      }
      return entered.plusSeconds(value.asLong());
    }
    if (wait.timestamp() != null) return timestamp(wait.timestamp(), "Timestamp", wait.timestamp().asText());
    JsonNode value = PathRef.compile(wait.timestampPath()).find(scope);
    if (value == null) {
      throw StatesError.runtime("The TimestampPath parameter does not reference an input value: " + wait.timestampPath());
    }
    return timestamp(value, "TimestampPath", wait.timestampPath());
  }

  /**
   * A Wait timestamp: UTC with a {@code Z}, fractional seconds optional, as Step Functions
   * accepts (an offset such as {@code +01:00}, or none, fails). The cause names the field as
   * written ({@code $.start_at}, or the JSONata expression) and the value it gave.
   */
  private static Instant timestamp(JsonNode value, String field, String written) {
    Instant parsed = value != null && value.isTextual() ? Timestamps.parseUtc(value.textValue()) : null;
    if (parsed == null) {
      String text = value == null ? "null" : value.isTextual() ? value.textValue() : Json.write(value);
      throw StatesError.runtime("The " + field + " parameter does not reference a valid ISO-8601 extended offset "
          + "date-time format string: " + written + " == " + text);
    }
    return parsed;
  }
}
