package io.stepwise.tests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code stepwise local --data DIR} as a child process, started as a user starts it (the CLI's
 * main, a port, a data directory) and ended as a crash ends it: SIGKILL, with no shutdown hook.
 */
final class KilledStack implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a loaded 2-core machine

  private final Path dataDir;
  private final Path log;
  private final int port;
  private Process process;
  private SfnClient sfn;

  KilledStack(Path dataDir, Path log) {
    this.dataDir = dataDir;
    this.log = log;
    this.port = freePort();
  }

  /** Starts the stack and waits until its API answers. */
  SfnClient start() {
    Path root = StackFixtures.repoRoot();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dstepwise.node.modules=" + root.resolve("node_modules"),
        "-cp", classpath, "io.stepwise.cli.Main", "local", "--template", StackFixtures.template().toString(),
        "--data", dataDir.toString(), "--port", Integer.toString(port)));
    try {
      Files.createDirectories(log.getParent());
      Files.deleteIfExists(log); // one start's output at a time
      process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The banner says the API listens. Connecting before that could make the client's own socket
    // take the port (a loopback connect to a free ephemeral port can connect to itself).
    StackFixtures.await("the local stack's banner (log: " + log + ")", START_TIMEOUT, () -> {
      if (!process.isAlive()) throw new AssertionError("the local stack exited with " + process.exitValue() + ": " + tail());
      return logText().contains("Step Functions API");
    });
    sfn = StackFixtures.sfn(URI.create("http://127.0.0.1:" + port));
    return sfn;
  }

  /** SIGKILL, then waits until the JVM and its children (dynalite) are gone, so the next start finds DIR free. */
  void kill() {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    family.add(0, process.toHandle());
    sfn.close();
    for (ProcessHandle member : family) member.destroyForcibly(); // SIGKILL: no hook runs, nothing is flushed
    for (ProcessHandle member : family) {
      try {
        member.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("process " + member.pid() + " outlived SIGKILL", e);
      }
    }
  }

  private String logText() {
    try {
      return Files.isRegularFile(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) kill();
  }

  /**
   * A free port below the kernel's ephemeral range: the stack binds it again on every restart,
   * and in that range any outgoing connection or port-0 server of the stack itself may take it.
   */
  private static int freePort() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in 20000-32000");
  }
}
