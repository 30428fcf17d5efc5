package io.stepwise.items;

import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.DistributedMap;
import io.stepwise.engine.ExecutionState;
import java.util.List;
import java.util.function.IntFunction;

/** At a Map's join, before its parent goes on: a ResultWriter's files are written. */
public final class MapRunResults {
  private MapRunResults() {}

  /**
   * Writes the results when the Map {@code parent} waits in has a ResultWriter with a Resource;
   * otherwise does nothing.
   *
   * @throws io.stepwise.eval.StatesError {@code States.ResultWriterFailed} when writing fails
   */
  public static void write(ObjectStorage storage, StateMachine machine, ExecutionState parent,
      List<ChildOutcome> outcomes, int total, IntFunction<String> childArn) {
    State state = machine.state(parent.currentState());
    if (!(state instanceof State.Map map) || map.resultWriter() == null) return;
    DistributedMap plan = DistributedMap.resume(machine, parent);
    WriterSpec writer = plan.writer();
    if (writer == null) return;
    new ResultFiles(storage, writer, plan.mapRunArn(), parent.info().stateMachineArn())
        .write(outcomes, total, childArn);
  }
}
