package io.stepwise.asl.validate;

import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an EXPRESS machine may not use, as Step Functions refuses it at CreateStateMachine: tasks
 * that wait for a callback ({@code .waitForTaskToken}) or a job ({@code .sync}, {@code .sync:2}),
 * and activities. An Express execution runs whole in one invocation, so it cannot wait on either.
 * A separate pass over a definition that is otherwise valid.
 */
public final class ExpressChecks {
  private ExpressChecks() {}

  public static List<Diagnostic> check(StateMachine machine) {
    List<Diagnostic> problems = new ArrayList<>();
    check(machine, "", problems);
    return problems;
  }

  private static void check(StateMachine machine, String loc, List<Diagnostic> problems) {
    for (Map.Entry<String, State> entry : machine.states().entrySet()) {
      String at = FieldChecks.at(FieldChecks.at(loc, "States"), entry.getKey());
      State state = entry.getValue();
      if (state instanceof State.Task task) {
        String refused = refusal(task.resource());
        if (refused != null) problems.add(new Diagnostic(Diagnostics.SCHEMA, FieldChecks.at(at, "Resource"), refused));
      } else if (state instanceof State.Parallel parallel) {
        for (int i = 0; i < parallel.branches().size(); i++) {
          check(parallel.branches().get(i), FieldChecks.at(FieldChecks.at(at, "Branches"), i), problems);
        }
      } else if (state instanceof State.Map map) {
        check(map.processor(), FieldChecks.at(at, "ItemProcessor"), problems);
      }
    }
  }

  /** Step Functions' wording for the refused resource, or null when Express can run it. */
  static String refusal(String resource) {
    if (resource == null) return null;
    String[] parts = resource.split(":", 7);
    if (parts.length > 5 && "states".equals(parts[2]) && "activity".equals(parts[5])) {
      return "Express state machine does not support Activity ARN";
    }
    boolean integration = parts.length > 5 && "states".equals(parts[2]) && parts[3].isEmpty() && parts[4].isEmpty();
    if (integration && (resource.endsWith(".sync") || resource.endsWith(".sync:2"))) {
      return "Express state machine does not support '.sync' service integration";
    }
    if (integration && resource.endsWith(".waitForTaskToken")) {
      return "Express state machine does not support '.waitForTaskToken' service integration "; // AWS's trailing space
    }
    return null;
  }
}
