package io.stepwise.engine;

import java.util.List;

/** The result of one step: the new state, the history it adds, and what the runtime must do. */
public record Decision(ExecutionState state, List<HistoryEvent> events, List<Command> commands) {}
