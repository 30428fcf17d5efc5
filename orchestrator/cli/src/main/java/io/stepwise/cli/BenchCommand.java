package io.stepwise.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.bench.ColdStartBench;
import io.stepwise.bench.AwsSdkTaskBench;
import io.stepwise.bench.EngineBench;
import io.stepwise.bench.ExpressBench;
import io.stepwise.bench.FanOutBench;
import io.stepwise.bench.RuntimeBench;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code stepwise bench [--report-json FILE] [--only engine|runtime|express|fanout|coldstart|awssdk] [--rounds N] [--round-ms MS]}:
 * in-memory engine throughput, the Lambda runtime end to end on local servers, and durable fan-out.
 */
final class BenchCommand {
  static final Args.Spec SPEC = new Args.Spec("bench", Set.of("--report-json", "--only", "--rounds", "--round-ms"), Set.of());
  private final PrintStream out;
  private final PrintStream err;

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    int rounds = intOption(args, "--rounds", 7);
    long roundMillis = intOption(args, "--round-ms", 1000);
    err.println("stepwise bench: 3 warm-up + " + rounds + " measured rounds of " + roundMillis + " ms per workload, one thread");
    ObjectNode report = Json.object();
    String only = args.option("--only");
    if (only == null || only.equals("engine")) {
      report.set("engine", new EngineBench(3, rounds, roundMillis).run(EngineBench.standardWorkloads()));
    }
    if (only == null || only.equals("runtime")) {
      err.println("stepwise bench: the Lambda runtime on local ElasticMQ and dynalite, 1, 10 and 100 concurrent executions");
      report.set("runtime", new RuntimeBench().run(new int[] {1, 10, 100}));
    }
    if (only == null || only.equals("express")) {
      err.println("stepwise bench: Express executions on local servers, 100 from StartExecution's message and 100 in process");
      report.set("express", new ExpressBench().run(100));
    }
    if (only == null || only.equals("coldstart")) {
      err.println("stepwise bench: cold start, fresh JVMs on the Lambda jar against local servers");
      report.set("coldstart", new ColdStartBench(repoRoot(), 5).run());
    }
    if (only == null || only.equals("fanout")) {
      err.println("stepwise bench: fan-out on local servers: a Map over 10,000 items (inline), the same with a Task per item over 1,000 (durable), a 20-branch Parallel");
      report.set("fanout", new FanOutBench().run(10_000));
    }
    if (only == null || only.equals("awssdk")) {
      err.println("stepwise bench: one aws-sdk Task's AWS calls and Lambda time, on local servers and moto_server");
      report.set("aws_sdk_task", new AwsSdkTaskBench().run(Math.max(3, rounds)));
    }
    ObjectNode env = report.putObject("environment");
    env.put("java", System.getProperty("java.version"));
    env.put("vm", System.getProperty("java.vm.name"));
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    String text = Json.pretty(report);
    out.println(text);
    String file = args.option("--report-json");
    if (file != null) {
      try {
        Files.writeString(Path.of(file), text);
      } catch (IOException e) {
        err.println("stepwise: cannot write " + file + ": " + e.getMessage());
        return 2;
      }
    }
    return 0;
  }

  /** The repository: node_modules' parent as the launcher gives it, else the working directory. */
  private static Path repoRoot() {
    String modules = System.getProperty("stepwise.node.modules");
    return modules == null ? Path.of("").toAbsolutePath() : Path.of(modules).toAbsolutePath().getParent();
  }

  private static int intOption(Args args, String name, int fallback) {
    String value = args.option(name);
    if (value == null) return fallback;
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " takes a whole number");
    }
  }
}
