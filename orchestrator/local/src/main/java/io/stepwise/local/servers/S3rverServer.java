package io.stepwise.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * s3rver, an S3-compatible server on Node.js, run as a child process on a free loopback port.
 * {@link #pid()} is the server's own PID and {@link #close()} ends exactly that process (and the
 * process ends with the JVM). Objects live under a directory of their own, deleted at close when
 * the server made it.
 */
public final class S3rverServer implements AutoCloseable {
  private static final String NAME = "s3rver (the local S3 server)";

  private final NodeServer server;
  private final Path directory;
  private final boolean ownsDirectory;

  private S3rverServer(NodeServer server, Path directory, boolean ownsDirectory) {
    this.server = server;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
  }

  /**
   * Starts s3rver from the nearest node_modules, keeping objects in a new temporary directory that
   * {@link #close()} deletes.
   *
   * @param logFile where its output goes (appended), or null to discard it
   */
  public static S3rverServer startTemporary(Path logFile) {
    try {
      return start(locateCli(), Files.createTempDirectory("s3rver-"), true, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for s3rver", e);
    }
  }

  /**
   * @param cliJs s3rver's bin/s3rver.js
   * @param directory where s3rver keeps buckets and objects
   * @param logFile where its output goes (appended), or null to discard it
   */
  public static S3rverServer start(Path cliJs, Path directory, Path logFile) {
    return start(cliJs, directory, false, logFile);
  }

  private static S3rverServer start(Path cliJs, Path directory, boolean ownsDirectory, Path logFile) {
    NodeServer server = NodeServer.start(NAME, cliJs, port -> List.of(
        "-d", directory.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "--silent"), logFile);
    return new S3rverServer(server, directory, ownsDirectory);
  }

  /** s3rver's bin/s3rver.js, found like dynalite's cli.js. */
  public static Path locateCli() {
    return NodeServer.locate(NAME, "s3rver/bin/s3rver.js", System.getProperty(DynaliteServer.NODE_MODULES_PROPERTY),
        Path.of("").toAbsolutePath());
  }

  /** The S3 endpoint, for path-style requests, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The node process's own PID. */
  public long pid() {
    return server.pid();
  }

  /** Where the buckets and objects are kept. */
  public Path directory() {
    return directory;
  }

  public Optional<Path> logFile() {
    return server.logFile();
  }

  public boolean isAlive() {
    return server.isAlive();
  }

  @Override
  public void close() {
    server.close();
    if (ownsDirectory) deleteTree(directory);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
