package io.stepwise.local.servers;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dynalite, a DynamoDB-compatible server on Node.js, run as a child process on a free loopback
 * port. {@link #pid()} is the server's own PID and {@link #close()} ends exactly that process.
 * dynalite keeps its tables in memory (every start is an empty database) unless given a data directory.
 */
public final class DynaliteServer implements AutoCloseable {
  /** Where to find node_modules when it is not above the working directory. */
  public static final String NODE_MODULES_PROPERTY = "stepwise.node.modules";

  private static final String NAME = "dynalite (the local DynamoDB server)";

  private final NodeServer server;

  private DynaliteServer(NodeServer server) {
    this.server = server;
  }

  /** Starts dynalite from the node_modules found by {@link #locateCli()}; output is discarded. */
  public static DynaliteServer start() {
    return start(locateCli(), null);
  }

  /**
   * Starts {@code node cliJs} on a free port and waits until the port accepts connections.
   *
   * @param cliJs dynalite's cli.js
   * @param logFile where the server's stdout and stderr go (appended), or null to discard them
   */
  public static DynaliteServer start(Path cliJs, Path logFile) {
    return start(cliJs, logFile, null);
  }

  /**
   * @param dataDir where dynalite keeps its tables (LevelDB, {@code --path}), so they outlive the
   *     server; null for in memory
   */
  public static DynaliteServer start(Path cliJs, Path logFile, Path dataDir) {
    if (dataDir != null) NodeServer.createParentDirectories(dataDir.resolve("tables"));
    return new DynaliteServer(NodeServer.start(NAME, cliJs, port -> {
      List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
          // Tables are ACTIVE (and deleted, and updated) at once instead of after 500 ms.
          "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
      if (dataDir != null) args.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
      return args;
    }, logFile));
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
    return NodeServer.locate(NAME, "dynalite/cli.js", configuredNodeModules, workingDirectory);
  }

  /** The DynamoDB endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  /** The node process's own PID. */
  public long pid() {
    return server.pid();
  }

  /** Where the server's output goes, if it is kept. */
  public Optional<Path> logFile() {
    return server.logFile();
  }

  public boolean isAlive() {
    return server.isAlive();
  }

  /** Ends the node process and waits for it to be gone. */
  @Override
  public void close() {
    server.close();
  }

  /** A free loopback port (other local servers use this too). */
  static int freePort() {
    return NodeServer.freePort();
  }

  /** Ends {@code process} and waits for it to be gone. */
  static void stop(Process process) {
    NodeServer.stop(process);
  }
}
