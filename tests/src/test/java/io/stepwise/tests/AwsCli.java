package io.stepwise.tests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, as users run it, against a local endpoint: dummy credentials, and a config home of
 * its own so a developer's real settings never leak in.
 */
public final class AwsCli {
  /** What one command printed, and its exit code. */
  public record Result(int exit, String out, String err) {}

  private final Path home;

  public AwsCli() {
    try {
      home = Files.createTempDirectory("stepwise-aws-cli");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code aws} is on the PATH (tests are skipped where it is not). */
  public static boolean installed() {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "aws"))) return true;
    }
    return false;
  }

  /** {@code aws SERVICE --endpoint-url ENDPOINT --output json ARGS...}, waiting up to 60 s. */
  public Result run(String service, String endpoint, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", service, "--endpoint-url", endpoint, "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "x");
    env.put("AWS_SECRET_ACCESS_KEY", "x");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.remove("AWS_PROFILE");
    env.remove("AWS_SESSION_TOKEN");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString()); // never a developer's real settings
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true"); // else start-sync-execution goes to sync-127.0.0.1
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws " + service + " " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
