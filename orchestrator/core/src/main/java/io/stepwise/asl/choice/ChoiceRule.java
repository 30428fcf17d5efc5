package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import java.util.List;

/** A JSONPath Choice rule's boolean expression: a comparison or And/Or/Not of rules. */
public sealed interface ChoiceRule {
  /** @throws io.stepwise.eval.StatesError States.Runtime where Step Functions fails the state */
  boolean matches(Scope scope);

  /** True when every rule matches; stops at the first that does not. */
  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public And {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(Scope scope) {
      for (ChoiceRule rule : rules) if (!rule.matches(scope)) return false;
      return true;
    }
  }

  /** True when any rule matches; stops at the first that does. */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public Or {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(Scope scope) {
      for (ChoiceRule rule : rules) if (rule.matches(scope)) return true;
      return false;
    }
  }

  record Not(ChoiceRule rule) implements ChoiceRule {
    @Override
    public boolean matches(Scope scope) {
      return !rule.matches(scope);
    }
  }

  /**
   * {@code Variable} compared by {@code operator} with a literal or with the value at another
   * path ({@code ...Path} operators).
   *
   * <p>A Variable that names nothing is false for IsPresent and fails the state with
   * States.Runtime for every other operator; so does an operand path that names nothing.
   */
  record Comparison(ChoicePath variable, Operator operator, Operand operand) implements ChoiceRule {
    @Override
    public boolean matches(Scope scope) {
      JsonNode value = operator == Operator.IS_PRESENT ? variable.find(scope) : variable.require(scope);
      return operator.test(value, operand.value(scope));
    }
  }
}
