package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import java.util.random.RandomGenerator;

/** A parsed intrinsic call, evaluated against a scope. */
public interface IntrinsicCall {
  /**
   * Evaluates with a process-wide secure random source for {@code States.UUID} and unseeded
   * {@code States.MathRandom}.
   *
   * @throws io.stepwise.eval.StatesError States.Runtime for bad arguments and for paths that
   *     match nothing (as AWS reports both), with Step Functions' cause text
   */
  default JsonNode evaluate(Scope scope) {
    return evaluate(scope, CompiledIntrinsic.DEFAULT_RANDOM);
  }

  /**
   * Evaluates with {@code random} as the source for {@code States.UUID} and unseeded
   * {@code States.MathRandom}, so callers (and tests) control what is otherwise nondeterministic.
   */
  JsonNode evaluate(Scope scope, RandomGenerator random);

  /** The expression exactly as written. */
  String text();
}
