package io.stepwise.cli;

import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.SecretAccessKeys;
import io.stepwise.console.LoopbackServer;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.stack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code stepwise local [--template template.yml]... [--port 8083] [--aws-endpoint URL|aws] [--keys FILE]}:
 * the whole system of the templates on this machine ({@link LocalStack}) until Ctrl-C, which stops
 * everything through a shutdown hook. The first template is Stepwise's own stack; further ones are
 * application stacks. Tasks reach SQS on ElasticMQ, DynamoDB on dynalite, and every other service on
 * {@code --aws-endpoint} (LocalStack, moto_server; {@code aws} for AWS itself).
 */
final class LocalCommand {
  static final Args.Spec SPEC = new Args.Spec("local", Set.of("--template", "--port", "--keys", "--aws-endpoint", "--data"), Set.of());
  private final PrintStream out;
  private final PrintStream err;

  LocalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    if (!args.positional().isEmpty()) throw new UsageException("local takes no arguments, only options");
    List<Path> templates = args.options("--template").stream().map(Path::of).toList();
    if (templates.isEmpty()) templates = List.of(Path.of("template.yml"));
    int port = port(args.option("--port"), LocalApiServer.DEFAULT_PORT);
    for (Path template : templates) {
      if (!Files.isRegularFile(template)) {
        err.println("stepwise: no template at " + template.toAbsolutePath()
            + " (run from the repository root or pass --template)");
        return 2;
      }
    }
    LocalStack stack;
    try {
      LocalApiServer.checkFree(port); // before starting servers only to stop them again
      String data = args.option("--data");
      stack = LocalStack.start(templates, port, LocalStack.Options.DEFAULT.withLog(err::println)
          .withAwsEndpoint(args.option("--aws-endpoint")).withAccessKeys(keys(args))
          .withDataDir(data == null ? null : Path.of(data)));
    } catch (LocalStack.MissingPrerequisiteException | LoopbackServer.PortInUseException e) {
      err.println("stepwise: " + e.getMessage());
      return 2;
    }
    // Closing the stack ends dynalite's node process too.
    List<Path> shown = templates;
    return UntilCtrlC.serve("local-stack", stack, () -> err.println("stepwise: stopping the local stack..."), () -> {
      out.print(stack.banner(shown));
      out.flush();
    });
  }

  /** {@code --keys FILE}: the API then takes only requests signed with the file's keys (see {@code stepwise keys}). */
  private static AccessKeys.Source keys(Args args) {
    String file = args.option("--keys");
    if (file == null) return null;
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException("--keys " + file + ": no such file (issue keys with: stepwise keys create --file " + file + " ...)");
    }
    try {
      AccessKeys.parse(read(path)); // a broken file fails now, not at the first request
    } catch (IllegalArgumentException e) {
      throw new UsageException("--keys " + file + ": " + e.getMessage());
    }
    return new SecretAccessKeys(() -> read(path), InstantSource.system());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int port(String value, int defaultPort) {
    if (value == null) return defaultPort;
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) throw new NumberFormatException();
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a port number (0-65535): " + value);
    }
  }
}
