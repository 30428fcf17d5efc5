package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.ChoiceRule;
import io.stepwise.eval.PayloadTemplate;
import java.util.List;

/** A parsed state: plain data, one record per ASL state type. */
public sealed interface State {
  StateBase base();

  default String name() {
    return base().name();
  }

  /** @param result the Result field, or null */
  record Pass(StateBase base, JsonNode result) implements State {}

  /**
   * @param timeout TimeoutSeconds / TimeoutSecondsPath as a {@link Seconds}, or null
   * @param heartbeat HeartbeatSeconds / HeartbeatSecondsPath, or null
   */
  record Task(StateBase base, String resource, Seconds timeout, Seconds heartbeat, JsonNode credentials)
      implements State {}

  /** @param defaultNext the Default state's name, or null */
  record Choice(StateBase base, List<Branch> choices, String defaultNext) implements State {
    /** One element of Choices: a JSONPath rule or a JSONata Condition, then where to go. */
    /** @param field the rule as AWS names it in a cause ({@code Choices[1]}, so {@code Choices[1]/Condition}) */
    public record Branch(ChoiceRule rule, JsonNode condition, String next, Assign assign, JsonNode output, String field) {}
  }

  /** Exactly one of the four forms is set. */
  record Wait(StateBase base, Seconds seconds, JsonNode timestamp, String timestampPath) implements State {}

  record Succeed(StateBase base) implements State {}

  /** Error and cause as literals (or JSONata expressions), or read through paths. */
  record Fail(StateBase base, JsonNode error, JsonNode cause, String errorPath, String causePath)
      implements State {}

  record Parallel(StateBase base, List<StateMachine> branches) implements State {}

  /**
   * @param items JSONata Items (expression or array), or null
   * @param itemsPath JSONPath ItemsPath, default {@code $}
   * @param itemSelector ItemSelector (or legacy Parameters) template for JSONPath, raw for JSONata
   * @param itemReader, resultWriter the raw fields (Distributed mode), or null
   */
  record Map(
      StateBase base, StateMachine processor, boolean distributed, String itemsPath, JsonNode items,
      PayloadTemplate itemSelector, JsonNode itemSelectorJsonata, JsonNode itemBatcher, JsonNode itemReader,
      JsonNode resultWriter, Seconds maxConcurrency, Seconds toleratedFailureCount, Seconds toleratedFailurePercentage,
      String label) implements State {
    /** Whether it declares a tolerance: ToleratedFailureCount or -Percentage, literally, by path or as JSONata. */
    public boolean declaresTolerance() {
      return toleratedFailureCount != null || toleratedFailurePercentage != null;
    }
  }

  /**
   * A number given literally, through a path ({@code ...Path} fields), or as a JSONata
   * expression; used for seconds, counts and percentages.
   */
  record Seconds(JsonNode literal, String path, String fieldName) {}
}
