package io.stepwise.tests.stack;

import io.stepwise.local.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The repository's template.yml, variants of it under target/, and the real SfnClient for a local stack. */
public final class StackFixtures {
  /** Function logs and schedule firings: kept quiet unless a test is being debugged. */
  public static final LocalStack.Options QUIET = LocalStack.Options.DEFAULT.withLog(line -> {});

  private StackFixtures() {}

  public static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) return dir;
    }
    throw new IllegalStateException("no template.yml above " + Path.of("").toAbsolutePath());
  }

  public static Path template() {
    return repoRoot().resolve("template.yml");
  }

  /** template.yml with {@code from} replaced by {@code to}, written to target/ (the replacement must hit). */
  static Path templateVariant(String name, String from, String to) {
    try {
      String text = Files.readString(template());
      if (!text.contains(from)) throw new AssertionError("template.yml no longer contains " + from);
      Path variant = Path.of("target", "stack-templates", name + ".yml").toAbsolutePath();
      Files.createDirectories(variant.getParent());
      Files.writeString(variant, text.replace(from, to));
      return variant;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SDK's SfnClient on the stack's API, as a user's code would build it. */
  public static SfnClient sfn(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(Apache5HttpClient.builder())
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Whether a process runs dynalite on this port (pgrep; false when there is none). */
  static boolean dynaliteRunsOn(int port) {
    try {
      Process pgrep = new ProcessBuilder("pgrep", "-f", "dynalite/cli.js --host 127.0.0.1 --port " + port + " ")
          .redirectErrorStream(true).start();
      return pgrep.waitFor() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
