package io.stepwise.local.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import io.stepwise.runtime.Pause;

/**
 * moto_server (moto's real HTTP server for SNS, EventBridge, Glue, Athena, Batch, ECS, STS, ...)
 * as a child process on a free loopback port: {@code moto_server -H 127.0.0.1 -p PORT}, stopped by
 * its own PID.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The moto_server executable on PATH, if installed ({@code pip install 'moto[server]'}). */
  public static Optional<Path> locate() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir, "moto_server");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  public static MotoServer start() {
    return start(Map.of());
  }

  /** @param environment moto's settings, e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT=0} to check every request's keys */
  public static MotoServer start(Map<String, String> environment) {
    Path executable = locate().orElseThrow(() -> new IllegalStateException(
        "moto_server is not installed: pip install 'moto[server]'"));
    int port = DynaliteServer.freePort();
    ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + executable, e);
    }
    MotoServer server = new MotoServer(process, port);
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("moto_server exited with code " + process.exitValue());
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
        c.setConnectTimeout(200);
        c.setReadTimeout(2000);
        if (c.getResponseCode() > 0) return;
      } catch (IOException notYet) {
        Pause.millis(50);
      }
    }
    throw new IllegalStateException("moto_server did not answer on port " + port + " within " + START_TIMEOUT);
  }

  /** One endpoint for every service moto serves: {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    DynaliteServer.stop(process);
  }
}
