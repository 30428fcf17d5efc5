package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.eval.StatesError;
import java.util.HashMap;
import java.util.Map;

/** A Choice state: the first matching rule (or Default) names the next state. */
final class ChoiceStep {
  private final Transition t;
  private final State.Choice choice;
  private final Expressions expressions;
  private final Flow flow;

  ChoiceStep(Transition t, State.Choice choice, Expressions expressions, Flow flow) {
    this.t = t;
    this.choice = choice;
    this.expressions = expressions;
    this.flow = flow;
  }

  /** Leaves to the matching rule's Next, or to Default when none matched; the state's and the rule's Assign both apply. */
  void run() {
    Flow.Chosen chosen = flow.choose(choice);
    String target = chosen.branch() != null ? chosen.branch().next() : choice.defaultNext();
    if (target == null) {
      // AWS fails the execution here rather than raising the spec's States.NoChoiceMatched
      // (measured in us-east-1, floci-io/floci#2868 and PR #3167).
      throw StatesError.runtime("Failed to transition out of the state. The state does not point to a next state.");
    }
    Map<String, JsonNode> assigned =
        new HashMap<>(expressions.assign(choice.base().assign(), chosen.pathInput(), chosen.bindings()));
    if (chosen.branch() != null) {
      assigned.putAll(expressions.assign(chosen.branch().assign(), chosen.pathInput(), chosen.bindings(),
          chosen.branch().field() + "/Assign"));
    }
    t.exit(choice, chosen.output(), assigned, target);
  }
}
