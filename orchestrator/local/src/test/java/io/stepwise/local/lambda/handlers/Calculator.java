package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;

/** Plain methods, no handler interface: the runtime picks the method named after "::". */
public class Calculator {
  public int twice(int n) {
    return 2 * n;
  }

  public String describe(Integer n, Context context) {
    return context.getFunctionName() + ":" + n;
  }
}
