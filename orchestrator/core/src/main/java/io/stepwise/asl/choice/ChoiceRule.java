package io.stepwise.asl.choice;

import io.stepwise.eval.Scope;

/**
 * A JSONPath Choice rule's boolean expression (comparison, And/Or/Not). STUB: the choice work
 * replaces this file and adds the parser; signatures are the contract.
 */
public interface ChoiceRule {
  /** @throws io.stepwise.eval.StatesError States.Runtime where Step Functions fails the state */
  boolean matches(Scope scope);
}
