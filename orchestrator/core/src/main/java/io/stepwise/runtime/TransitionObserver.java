package io.stepwise.runtime;

/**
 * Told of every committed transition (metrics, logs). It runs after the commit point, so what
 * it does cannot undo or repeat the transition; what it throws is logged and dropped.
 */
@FunctionalInterface
public interface TransitionObserver {
  TransitionObserver NONE = transition -> {};

  void committed(CommittedTransition transition);
}
