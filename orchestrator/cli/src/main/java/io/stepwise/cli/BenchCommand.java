package io.stepwise.cli;

import java.io.PrintStream;

/** {@code stepwise bench}: placeholder until the benchmark lands. */
final class BenchCommand {
  private final PrintStream out;
  private final PrintStream err;

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    err.println("stepwise: bench is not built yet");
    return 2;
  }
}
