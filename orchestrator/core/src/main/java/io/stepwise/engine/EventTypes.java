package io.stepwise.engine;

/** The entered and exited event types of each state type, named once instead of concatenated per event. */
final class EventTypes {
  private EventTypes() {}

  static String entered(String stateType) {
    return switch (stateType) {
      case "Pass" -> "PassStateEntered";
      case "Choice" -> "ChoiceStateEntered";
      case "Task" -> "TaskStateEntered";
      case "Wait" -> "WaitStateEntered";
      case "Succeed" -> "SucceedStateEntered";
      case "Fail" -> "FailStateEntered";
      case "Parallel" -> "ParallelStateEntered";
      case "Map" -> "MapStateEntered";
      default -> stateType + "StateEntered";
    };
  }

  static String exited(String stateType) {
    return switch (stateType) {
      case "Pass" -> "PassStateExited";
      case "Choice" -> "ChoiceStateExited";
      case "Task" -> "TaskStateExited";
      case "Wait" -> "WaitStateExited";
      case "Succeed" -> "SucceedStateExited";
      case "Fail" -> "FailStateExited";
      case "Parallel" -> "ParallelStateExited";
      case "Map" -> "MapStateExited";
      default -> stateType + "StateExited";
    };
  }
}
