package io.stepwise.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.lambda.RuntimeConfig;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StepMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cold start: fresh JVMs on the Lambda jar alone ({@code io.stepwise.lambda.ColdStartProbe}),
 * with template.yml's JAVA_TOOL_OPTIONS and the settings a container has, against local
 * ElasticMQ and dynalite. Wall time from process start to exit, the median of several runs, for
 * the handler's construction and one transition, and for the floor: one GetItem with the same
 * client setup. Then the same with the JIT's default tiers, the first transition after
 * SnapStart's priming (within the JVM), and the classes each loads.
 */
public final class ColdStartBench {
  private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS:\\s*(.+)");
  private final Path root;
  private final int runs;

  public ColdStartBench(Path root, int runs) {
    this.root = root;
    this.runs = runs;
  }

  public ObjectNode run() {
    Path jar = root.resolve("orchestrator/lambda/target/stepwise-lambda.jar");
    if (!Files.isRegularFile(jar)) throw new IllegalStateException("build the Lambda jar first: " + jar + " is missing");
    String templateOptions = templateJvmOptions();
    String table = "stepwise-coldstart";
    try (ElasticMqServer sqsServer = ElasticMqServer.start();
        DynaliteServer dynamoServer = DynaliteServer.start();
        DynamoDbClient dynamo = AwsClients.dynamoDb(dynamoServer.endpoint());
        SqsClient sqs = AwsClients.sqs(sqsServer.endpoint())) {
      Table.ensureActive(dynamo, table);
      String queue = sqs.createQueue(r -> r.queueName(table)).queueUrl();
      Runtime runtime = Runtime.onAws(dynamo, sqs, TaskInvoker.NONE, new RuntimeConfig(table, queue, Duration.ofSeconds(30)));
      String machine = "arn:aws:states:us-east-1:000000000000:stateMachine:coldstart";
      runtime.machines().store().put(new StateMachineStore.StateMachineRecord(machine, "coldstart", 0,
          Workloads.passChain(RuntimeBench.STATES), "role", "STANDARD"));
      String input = Json.write(Workloads.oneKilobyteDocument());
      int[] next = {0};
      IntFunction<String> freshExecution = i -> StepMessage.advance(
          runtime.executions().start(machine, "cold-" + next[0]++, input).executionArn(), 0).toJson();
      Map<String, String> env = Map.of("STEPWISE_TABLE", table, "STEPWISE_QUEUE_URL", queue,
          "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x",
          "AWS_ENDPOINT_URL_DYNAMODB", dynamoServer.endpoint().toString(),
          "AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString());
      Probe probe = new Probe(jar, env);
      String defaultJit = "-XX:+TieredCompilation";
      List<String> getItem = List.of("getitem", table);

      // Interleaved, so that a transition and its floor meet the same load on a shared machine.
      List<Probe.Result> transitions = new ArrayList<>();
      List<Probe.Result> floors = new ArrayList<>();
      List<Probe.Result> transitionsDefault = new ArrayList<>();
      List<Probe.Result> floorsDefault = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        transitions.add(probe.run(templateOptions, List.of("transition", freshExecution.apply(i))));
        floors.add(probe.run(templateOptions, getItem));
        transitionsDefault.add(probe.run(defaultJit, List.of("transition", freshExecution.apply(i))));
        floorsDefault.add(probe.run(defaultJit, getItem));
      }
      double transition = medianOf(transitions, Probe.Result::wall);
      double floor = medianOf(floors, Probe.Result::wall);
      double transitionDefault = medianOf(transitionsDefault, Probe.Result::wall);
      double floorDefault = medianOf(floorsDefault, Probe.Result::wall);
      double transitionCpu = medianOf(transitions, Probe.Result::cpu);
      double floorCpu = medianOf(floors, Probe.Result::cpu);
      List<Probe.Result> primed = new ArrayList<>();
      for (int i = 0; i < runs; i++) primed.add(probe.run(templateOptions, List.of("primed-transition", freshExecution.apply(i))));
      int classesTransition = probe.classesLoaded(templateOptions, List.of("transition", freshExecution.apply(0)));
      int classesFloor = probe.classesLoaded(templateOptions, getItem);

      ObjectNode r = Json.object();
      r.put("jvm_options", templateOptions);
      r.put("runs", runs);
      r.put("first_transition_ms", transition);
      r.put("sdk_floor_ms", floor);
      r.put("ratio", Math.round(transition / floor * 100) / 100.0);
      r.put("first_transition_cpu_ms", transitionCpu);
      r.put("sdk_floor_cpu_ms", floorCpu);
      r.put("ratio_cpu", Math.round(transitionCpu / floorCpu * 100) / 100.0);
      r.put("first_transition_ms_default_jit", transitionDefault);
      r.put("sdk_floor_ms_default_jit", floorDefault);
      r.put("ratio_default_jit", Math.round(transitionDefault / floorDefault * 100) / 100.0);
      r.put("first_transition_cpu_ms_default_jit", medianOf(transitionsDefault, Probe.Result::cpu));
      r.put("sdk_floor_cpu_ms_default_jit", medianOf(floorsDefault, Probe.Result::cpu));
      r.put("primed_first_transition_ms", medianOf(primed, Probe.Result::reported));
      r.put("load_average", loadAverage());
      r.put("classes_loaded_first_transition", classesTransition);
      r.put("classes_loaded_sdk_floor", classesFloor);
      r.put("lambda_jar_bytes", jar.toFile().length());
      r.put("method", "Each figure is the median of " + runs + " fresh JVMs, the four kinds interleaved run by run (java " + System.getProperty("java.version")
          + ", classpath: the Lambda jar alone) timed from process start to exit. first_transition: the orchestrator's "
          + "handler built from the environment (as Lambda's init does) and given one step message of a 20-state Pass "
          + "machine over 1 KB, read, stepped, written and sent on local dynalite and ElasticMQ. sdk_floor: one "
          + "DynamoDB GetItem with the same client setup (url-connection, environment credentials). primed: the "
          + "transition's own time after Priming.exercise() ran in the same JVM, as a SnapStart restore would find it. "
          + "cpu: the probe's own CPU time at its end, all threads (JIT and GC too), steadier than wall time under load "
          + "and closer to what a fractional Lambda vCPU pays. load_average: the machine's 1-minute load at the end. "
          + "classes_loaded: -Xlog:class+load lines of one run. Lambda runs java21 on arm64: compare ratios.");
      return r;
    }
  }

  private static double medianOf(List<Probe.Result> results, ToLongFunction<Probe.Result> figure) {
    List<Long> sorted = new ArrayList<>(results.stream().map(figure::applyAsLong).toList());
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** The 1-minute load average, for reading the figures (a shared machine's load moves them). */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private String templateJvmOptions() {
    try {
      Matcher m = TOOL_OPTIONS.matcher(Files.readString(root.resolve("template.yml")));
      return m.find() ? m.group(1).trim() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One fresh JVM on the Lambda jar. */
  private record Probe(Path jar, Map<String, String> env) {
    /** Wall time from process start to exit; the probe's own figures: its milliseconds and its CPU time. */
    record Result(long wall, long reported, long cpu, String output) {}

    Result run(String jvmOptions, List<String> args) {
      return run(jvmOptions, List.of(), args);
    }

    Result run(String jvmOptions, List<String> jvmArgs, List<String> args) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      command.addAll(List.of("-cp", jar.toString(), "io.stepwise.lambda.ColdStartProbe"));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(env);
      builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
      try {
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        Matcher ok = Pattern.compile("(?m)^ok (\\d+) (-?\\d+)$").matcher(output);
        if (exit != 0 || !ok.find()) throw new IllegalStateException("cold-start probe failed (" + exit + "): " + output);
        return new Result(wall, Long.parseLong(ok.group(1)), Long.parseLong(ok.group(2)), output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    int classesLoaded(String jvmOptions, List<String> args) {
      String output = run(jvmOptions, List.of("-Xlog:class+load=info:stdout"), args).output();
      return (int) output.lines().filter(line -> line.contains("[class,load]")).count();
    }
  }
}
