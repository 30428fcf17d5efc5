package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;

/** A parsed intrinsic call, evaluated against a scope. */
public interface IntrinsicCall {
  /**
   * Evaluates the call; {@code States.UUID} and unseeded {@code States.MathRandom} draw from the
   * scope's {@link io.stepwise.eval.Sources}.
   *
   * @throws io.stepwise.eval.StatesError States.Runtime for bad arguments and for paths that
   *     match nothing (as AWS reports both), with Step Functions' cause text
   */
  JsonNode evaluate(Scope scope);

  /** The expression exactly as written. */
  String text();
}
