package io.stepwise.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit 5 extension: {@code @ExtendWith(StepwiseExtension.class)} gives each test method a
 * {@link Workflows} parameter, and when the test fails, prints the history of every execution it
 * ran, the way {@code ./stepwise run} does.
 */
public final class StepwiseExtension implements ParameterResolver, TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StepwiseExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Workflows.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), id -> new Workflows(), Workflows.class);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    Workflows workflows = context.getStore(NAMESPACE).get(context.getUniqueId(), Workflows.class);
    // An assertion of WorkflowRun carries the history already; other failures get every run's.
    if (workflows != null && !(failure.getMessage() != null && failure.getMessage().contains("history of "))) {
      for (WorkflowRun run : workflows.runs()) System.err.print(run.printedHistory());
    }
    throw failure;
  }
}
