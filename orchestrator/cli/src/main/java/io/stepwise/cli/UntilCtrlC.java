package io.stepwise.cli;

import java.util.concurrent.CountDownLatch;

/** Commands that serve until Ctrl-C, which runs shutdown hooks: what they started is closed there. */
final class UntilCtrlC {
  private UntilCtrlC() {}

  /** Prints {@code banner}, then blocks until Ctrl-C has run {@code stop}. */
  static int serve(String name, AutoCloseable running, Runnable beforeStop, Runnable banner) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      beforeStop.run();
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("stepwise: stopping " + name + ": " + e.getMessage());
      }
      stopped.countDown();
    }, name + "-shutdown"));
    banner.run();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
