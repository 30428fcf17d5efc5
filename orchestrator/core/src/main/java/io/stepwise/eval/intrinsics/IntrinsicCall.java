package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;

/** A parsed intrinsic call, evaluated against a scope. */
public interface IntrinsicCall {
  /**
   * @throws io.stepwise.eval.StatesError States.IntrinsicFailure (or States.Runtime for a path
   *     that is not found), with Step Functions' cause text
   */
  JsonNode evaluate(Scope scope);
}
