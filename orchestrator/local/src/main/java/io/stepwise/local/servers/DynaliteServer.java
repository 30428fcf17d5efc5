package io.stepwise.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB-compatible server on Node.js, run as a child process on a free loopback
 * port.
 *
 * <p>The process is {@code node} itself running dynalite's {@code cli.js} (not npx, not a shell),
 * so {@link #pid()} is the server's own PID and {@link #close()} ends exactly that process.
 * dynalite keeps its tables in memory: every start is an empty database.
 */
public final class DynaliteServer implements AutoCloseable {
  /** Where to find node_modules when it is not above the working directory. */
  public static final String NODE_MODULES_PROPERTY = "stepwise.node.modules";

  private static final String CLI = "node_modules/dynalite/cli.js";
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

  private final Process process;
  private final int port;
  private final Path logFile;

  private DynaliteServer(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /** Starts dynalite from the node_modules found by {@link #locateCli()}; output is discarded. */
  public static DynaliteServer start() {
    return start(locateCli(), null);
  }

  /**
   * Starts {@code node cliJs} on a free port and waits until the port accepts connections.
   *
   * @param cliJs dynalite's cli.js
   * @param logFile where the server's stdout and stderr go (appended), or null to discard them;
   *     either way the pipe can never fill up and block the server
   */
  public static DynaliteServer start(Path cliJs, Path logFile) {
    String node = findNode();
    if (logFile != null) {
      createParentDirectories(logFile);
    }
    IllegalStateException last = null;
    // A free port can be taken by someone else between our probe and node's bind: try again.
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      Process process = launch(node, cliJs, port, logFile);
      try {
        awaitListening(process, port, logFile);
        return new DynaliteServer(process, port, logFile);
      } catch (IllegalStateException e) {
        boolean exitedEarly = !process.isAlive(); // e.g. EADDRINUSE; a hang is not retried
        stop(process);
        if (!exitedEarly) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Finds dynalite's cli.js: under the directory named by the system property {@value
   * #NODE_MODULES_PROPERTY} if set, else in the nearest {@code node_modules} at or above the
   * working directory.
   *
   * @throws IllegalStateException saying what to run when dynalite is not installed
   */
  public static Path locateCli() {
    return locateCli(System.getProperty(NODE_MODULES_PROPERTY), Path.of("").toAbsolutePath());
  }

  static Path locateCli(String configuredNodeModules, Path workingDirectory) {
    List<Path> searched = new ArrayList<>();
    if (configuredNodeModules != null && !configuredNodeModules.isBlank()) {
      Path cli = Path.of(configuredNodeModules, "dynalite", "cli.js").toAbsolutePath().normalize();
      if (Files.isRegularFile(cli)) {
        return cli;
      }
      searched.add(cli);
    }
    for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
      Path cli = dir.resolve(CLI);
      if (Files.isRegularFile(cli)) {
        return cli;
      }
      searched.add(cli);
    }
    throw new IllegalStateException(
        "dynalite (the local DynamoDB server) is not installed: run `npm ci` at the repository"
            + " root (needs Node.js 20+). Looked for " + searched);
  }

  /** The DynamoDB endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** The node process's own PID. */
  public long pid() {
    return process.pid();
  }

  /** Where the server's output goes, if it is kept. */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the node process and waits for it to be gone. */
  @Override
  public void close() {
    stop(process);
  }

  private static Process launch(String node, Path cliJs, int port, Path logFile) {
    List<String> command =
        List.of(
            node, "--import", EXIT_WITH_PARENT, cliJs.toString(),
            "--host", "127.0.0.1", "--port", Integer.toString(port),
            // Tables are ACTIVE (and deleted, and updated) at once instead of after 500 ms.
            "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(
        logFile == null
            ? ProcessBuilder.Redirect.DISCARD
            : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  private static void awaitListening(Process process, int port, Path logFile) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dynalite exited with code " + process.exitValue() + " before listening on port "
                + port + ": " + outputTail(logFile));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(25));
      }
    }
    throw new IllegalStateException(
        "dynalite did not listen on port " + port + " within " + START_TIMEOUT);
  }

  /** The last lines the server wrote, for error messages. */
  private static String outputTail(Path logFile) {
    if (logFile == null) {
      return "its output was discarded (pass a log file to DynaliteServer.start to keep it)";
    }
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
  private static String findNode() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : List.of("node", "node.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new IllegalStateException(
        "Node.js is needed to run dynalite (the local DynamoDB server) but `node` is not on"
            + " PATH: install Node.js 20+, then run `npm ci` at the repository root.");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void createParentDirectories(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }
}
