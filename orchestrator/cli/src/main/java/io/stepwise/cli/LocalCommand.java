package io.stepwise.cli;

import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.stack.LocalStack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code stepwise local [--template template.yml]... [--port 8083] [--aws-endpoint URL|aws]}: the
 * whole system of the templates on this machine ({@link LocalStack}) until Ctrl-C, which stops
 * everything through a shutdown hook. The first template is Stepwise's own stack; further ones are
 * application stacks. Tasks reach SQS on ElasticMQ, DynamoDB on dynalite, and every other service
 * on {@code --aws-endpoint} (LocalStack, moto_server; {@code aws} for AWS itself).
 */
final class LocalCommand {
  private final PrintStream out;
  private final PrintStream err;

  LocalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("local takes no arguments, only --template, --port and --aws-endpoint");
    }
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
      stack = LocalStack.start(templates, port, LocalStack.Options.DEFAULT.withLog(err::println)
          .withAwsEndpoint(args.option("--aws-endpoint")));
    } catch (LocalStack.MissingPrerequisiteException e) {
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
