package io.stepwise.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code stepwise <command> ...}: run, validate, test, bench, local, console, keys. */
public final class Main {
  static final String USAGE = """
      usage: stepwise <command> [options]
        run DEFINITION [--input JSON|@FILE] [--mocks FILE --test-case NAME] [--fast] [--max-events N]
            run a state machine in memory; transitions on stderr, output JSON on stdout
        validate DEFINITION
            list every problem in a definition
        test [--runtime memory|local] [--report-json FILE] PATH...
            run conformance case files (folders are searched for *.json), in memory or
            through the Lambda runtime on local ElasticMQ and dynalite
        bench [--report-json FILE] [--only engine|runtime|fanout|awssdk]
            measure engine transitions per second, the Lambda runtime on local servers, and
            durable fan-out (Map over 10,000 items, 20-branch Parallel)
        local [--template template.yml]... [--port 8083] [--aws-endpoint URL|aws] [--keys FILE] [--data DIR]
            the whole system of the templates on this machine (ElasticMQ, dynalite, s3rver
            unless --aws-endpoint, the task functions, state machines, schedules) with the Step Functions API and the
            web console on the port (http://localhost:8083/);
            with --keys, only requests signed with one of the file's access keys; with --data,
            the tables, queues and buckets live in DIR and a restart resumes where it stopped
        keys create|list|revoke [KEY_ID] (--secret-id SECRET | --file FILE)
             [--actions A,B --resources ARN,ARN] [--description TEXT] [--region R] [--endpoint-url URL]
            issue, list or revoke the API's access keys (SigV4, with IAM-style statements)
        console --endpoint URL [--region R] [--profile P] [--port 8084]
            the web console for a deployed Step Functions API, on localhost; its calls
            are signed (SigV4, service states) with the default AWS credential chain
      exit status: 0 succeeded/valid/all passed, 1 failed, 2 invalid definition or usage
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns the exit status (so tests can call it). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "run" -> new RunCommand(out, err).run(new Args(rest, RunCommand.SPEC));
        case "validate" -> new ValidateCommand(out, err).run(new Args(rest, ValidateCommand.SPEC));
        case "test" -> new TestCommand(out, err).run(new Args(rest, TestCommand.SPEC));
        case "bench" -> new BenchCommand(out, err).run(new Args(rest, BenchCommand.SPEC));
        case "local" -> new LocalCommand(out, err).run(new Args(rest, LocalCommand.SPEC));
        case "keys" -> new KeysCommand(out, err).run(new Args(rest, KeysCommand.SPEC));
        case "console" -> new ConsoleCommand(out, err).run(new Args(rest, ConsoleCommand.SPEC));
        default -> {
          err.println("stepwise: unknown command '" + args[0] + "'");
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println("stepwise: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }
}
