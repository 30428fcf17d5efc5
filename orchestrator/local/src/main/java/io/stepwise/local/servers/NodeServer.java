package io.stepwise.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A server from node_modules run as {@code node SCRIPT ARGS} on a free loopback port (dynalite,
 * s3rver): node itself, not npx or a shell, so {@link #pid()} is the server's own PID and
 * {@link #close()} ends exactly that process.
 */
final class NodeServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int START_ATTEMPTS = 3;

  /**
   * Preloaded into node: exit when stdin reaches end-of-file. The JVM holds the write end of that
   * pipe, so the server also ends when the JVM dies without running {@link #close()} (kill -9,
   * a test runner's fork timeout), leaving no orphan node process behind.
   */
  private static final String EXIT_WITH_PARENT =
      "data:text/javascript,process.stdin.on('end',()=>process.exit());"
          + "process.stdin.on('error',()=>process.exit());process.stdin.resume()";

  private final String name;
  private final Process process;
  private final int port;
  private final Path logFile;

  private NodeServer(String name, Process process, int port, Path logFile) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts {@code node script args(port)} on a free port and waits until the port accepts
   * connections.
   *
   * @param name what the server is, for messages ("dynalite (the local DynamoDB server)")
   * @param logFile where stdout and stderr go (appended), or null to discard them; either way
   *     the pipe can never fill up and block the server
   */
  static NodeServer start(String name, Path script, IntFunction<List<String>> args, Path logFile) {
    String node = findNode(name);
    if (logFile != null) createParentDirectories(logFile);
    IllegalStateException last = null;
    // A free port can be taken by someone else between our probe and node's bind: try again.
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(node, "--import", EXIT_WITH_PARENT, script.toString()));
      command.addAll(args.apply(port));
      Process process = launch(command, logFile);
      try {
        awaitListening(name, process, port, logFile);
        return new NodeServer(name, process, port, logFile);
      } catch (IllegalStateException e) {
        boolean exitedEarly = !process.isAlive(); // e.g. EADDRINUSE; a hang is not retried
        stop(process);
        if (!exitedEarly) throw e;
        last = e;
      }
    }
    throw last;
  }

  /**
   * Finds {@code relativeScript} (e.g. {@code dynalite/cli.js}) under {@code configuredNodeModules}
   * if set, else in the nearest {@code node_modules} at or above {@code workingDirectory}.
   *
   * @throws IllegalStateException saying what to run when the package is not installed
   */
  static Path locate(String name, String relativeScript, String configuredNodeModules, Path workingDirectory) {
    List<Path> searched = new ArrayList<>();
    if (configuredNodeModules != null && !configuredNodeModules.isBlank()) {
      Path script = Path.of(configuredNodeModules, relativeScript).toAbsolutePath().normalize();
      if (Files.isRegularFile(script)) return script;
      searched.add(script);
    }
    for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("node_modules").resolve(relativeScript);
      if (Files.isRegularFile(script)) return script;
      searched.add(script);
    }
    throw new IllegalStateException(name + " is not installed: run `npm ci` at the repository"
        + " root (needs Node.js 20+). Looked for " + searched);
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the node process and waits for it to be gone. */
  @Override
  public void close() {
    stop(process);
  }

  @Override
  public String toString() {
    return name + " on port " + port;
  }

  private static Process launch(List<String> command, Path logFile) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(logFile == null
        ? ProcessBuilder.Redirect.DISCARD
        : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  private static void awaitListening(String name, Process process, int port, Path logFile) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue()
            + " before listening on port " + port + ": " + outputTail(logFile));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(25));
      }
    }
    throw new IllegalStateException(name + " did not listen on port " + port + " within " + START_TIMEOUT);
  }

  /** The last lines the server wrote, for error messages. */
  private static String outputTail(Path logFile) {
    if (logFile == null) return "its output was discarded (pass a log file to keep it)";
    try {
      List<String> lines = Files.readAllLines(logFile);
      return "last lines of " + logFile + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "see " + logFile;
    }
  }

  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The node executable on PATH. */
  private static String findNode(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      for (String exe : List.of("node", "node.exe")) {
        Path candidate = Path.of(dir, exe);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate.toString();
      }
    }
    throw new IllegalStateException("Node.js is needed to run " + name + " but `node` is not on"
        + " PATH: install Node.js 20+, then run `npm ci` at the repository root.");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  static void createParentDirectories(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a node server", e);
    }
  }
}
