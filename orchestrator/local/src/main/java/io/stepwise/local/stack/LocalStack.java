package io.stepwise.local.stack;

import io.stepwise.api.auth.AccessKeys;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.lambda.LocalLambdaHost;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalObservability;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.local.servers.S3rverServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import io.stepwise.lambda.deploy.StateMachineDeployer;
import io.stepwise.local.events.LocalEventBus;
import io.stepwise.local.events.LocalEventsServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system of template.yml on this machine, in this JVM: ElasticMQ (SQS), dynalite
 * (DynamoDB, a node child process), s3rver (S3, another; unless {@code --aws-endpoint} serves S3), the local Lambda host with the template's task functions, the
 * orchestrator's table and queues with the real step handler polling them, the template's state
 * machines, its schedules, and the Step Functions API.
 *
 * <p>The orchestrator's own functions are not hosted as Lambdas: their handlers run in-process
 * (the step handler behind the local event source mapping, the API behind {@link LocalApiServer},
 * the start handler behind the schedules), on the same code they run on AWS.
 */
public final class LocalStack implements AutoCloseable {
  /**
   * @param stackName names the table and queues and prefixes state machine names, as the
   *     CloudFormation stack's name does
   * @param scheduleTimeScale multiplies every schedule wait; 1 is real time, 0.01 makes a minute 0.6 s (tests)
   * @param log where progress, function logs and schedule firings go
   * @param awsEndpoint where Tasks reach AWS services other than SQS and DynamoDB (LocalStack,
   *     moto_server), {@code aws} for AWS itself, or null for nowhere
   * @param accessKeys null for an API open to local callers; else the keys that must sign every request
   * @param dataDir where the tables ({@code dynamodb/}), the queues with their messages
   *     ({@code sqs/}) and the buckets ({@code s3/}) live, kept across restarts, a SIGKILL included;
   *     null for in memory
   */
  public record Options(String stackName, double scheduleTimeScale, Consumer<String> log, String awsEndpoint,
      AccessKeys.Source accessKeys, Path dataDir) {
    public static final Options DEFAULT = new Options("stepwise", 1.0, System.err::println, null, null, null);

    public Options {
      if (!(scheduleTimeScale > 0)) throw new IllegalArgumentException("scheduleTimeScale must be positive");
    }

    public Options withScheduleTimeScale(double value) {
      return new Options(stackName, value, log, awsEndpoint, accessKeys, dataDir);
    }

    public Options withLog(Consumer<String> value) {
      return new Options(stackName, scheduleTimeScale, value, awsEndpoint, accessKeys, dataDir);
    }

    public Options withAwsEndpoint(String value) {
      return new Options(stackName, scheduleTimeScale, log, value, accessKeys, dataDir);
    }

    public Options withAccessKeys(AccessKeys.Source value) {
      return new Options(stackName, scheduleTimeScale, log, awsEndpoint, value, dataDir);
    }

    /** Keeps the tables and queues under {@code dir} and resumes from them on the next start; null for in memory. */
    public Options withDataDir(Path dir) {
      return new Options(stackName, scheduleTimeScale, log, awsEndpoint, accessKeys, dir);
    }
  }

  /** Node.js or dynalite is not installed: nothing was started; the message says what to run. */
  public static final class MissingPrerequisiteException extends RuntimeException {
    MissingPrerequisiteException(String message) {
      super(message);
    }
  }

  /** What is running, for the banner and for tests. */
  /** @param s3 s3rver's endpoint, or null when {@code --aws-endpoint} serves S3 */
  public record Endpoints(URI api, URI lambda, URI sqs, URI dynamoDb, URI events, URI s3, String table, String queueUrl) {}

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private Endpoints endpoints;
  private long dynalitePid;
  private Runtime runtime;
  private List<TaskFunctions.Hosted> functions = List.of();
  private Map<String, String> stateMachines = Map.of();
  private List<StartTrigger.Schedule> schedules = List.of();
  private List<String> apiEvents = List.of();
  private List<String> eventRules = List.of();

  private LocalStack() {}

  /**
   * Starts everything, or nothing: on any failure what was already started is stopped again.
   *
   * @param apiPort the Step Functions API's port; 0 for a free one
   * @throws MissingPrerequisiteException when Node.js or dynalite is missing
   */
  public static LocalStack start(Path template, int apiPort, Options options) {
    return start(List.of(template), apiPort, options);
  }

  /**
   * Starts the system of several templates at once: the first is Stepwise's own stack (its
   * orchestrator settings, table and queues; the built-in defaults where it has none), the others
   * application stacks, each named after its file, whose functions, state machines, schedules,
   * event rules and Api events run beside the first's.
   */
  public static LocalStack start(List<Path> templates, int apiPort, Options options) {
    if (templates.isEmpty()) throw new IllegalArgumentException("at least one template");
    List<StackTemplate> parsed = templates.stream().map(StackTemplate::load).toList(); // a broken one fails first
    Path dynaliteCli = Prerequisites.dynaliteCli();
    Path s3rverCli = options.awsEndpoint() == null ? Prerequisites.s3rverCli() : null;
    LocalStack stack = new LocalStack();
    try {
      stack.startAll(templates, parsed, dynaliteCli, s3rverCli, apiPort, options);
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(List<Path> paths, List<StackTemplate> templates, Path dynaliteCli, Path s3rverCli, int apiPort,
      Options options) {
    StackTemplate system = templates.get(0);
    ElasticMqServer sqsServer = own(ElasticMqServer.start(ElasticMqServer.DEFAULT_REGION,
        ElasticMqServer.DEFAULT_ACCOUNT_ID, options.dataDir() == null ? null : options.dataDir().resolve("sqs")));
    DynaliteServer dynalite = own(DynaliteServer.start(dynaliteCli, null,
        options.dataDir() == null ? null : options.dataDir().resolve("dynamodb")));
    dynalitePid = dynalite.pid();
    DynamoDbClient dynamo = own(AwsClients.dynamoDb(dynalite.endpoint()));
    SqsClient sqs = own(AwsClients.sqs(sqsServer.endpoint()));
    LocalLambdaHost host = own(LocalLambdaHost.start(sqsServer.region(), sqsServer.accountId()));
    host.logTo(text -> options.log().accept(text.stripTrailing()));
    // The functions build their own SDK clients from system properties (a self-invoking function
    // must reach this host, not Lambda): set them for as long as the stack runs.
    own(SystemProperties.set(Map.of("aws.endpointUrlLambda", host.endpoint().toString(), "aws.region", host.region(),
        "aws.accessKeyId", "stepwise", "aws.secretAccessKey", "stepwise")));
    List<LocalValues> values = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      String name = i == 0 ? options.stackName() : appStackName(paths.get(i));
      values.add(new LocalValues(templates.get(i), host.region(), host.accountId(), name));
    }
    // EventBridge is the local bus, so events:putEvents tasks reach the templates' event rules.
    LocalEventBus bus = new LocalEventBus(host.region(), host.accountId(), options.log());
    LocalEventsServer events = own(LocalEventsServer.start(bus));
    // S3 is s3rver unless the user names an endpoint for the other services (then S3 is theirs).
    S3rverServer s3rver = options.awsEndpoint() == null ? own(startS3rver(s3rverCli, options.dataDir())) : null;
    Map<String, URI> servers = new HashMap<>(Map.of("lambda", host.endpoint(), "sqs", sqsServer.endpoint(),
        "dynamodb", dynalite.endpoint(), "eventbridge", events.endpoint()));
    if (s3rver != null) servers.put("s3", s3rver.endpoint());
    LocalRuntime local = own(LocalRuntime.start(dynamo, sqs,
        LocalIntegrations.storage(servers.get("s3"), options.awsEndpoint(), host.region()), options.stackName(),
        LocalIntegrations.invoker(servers, options.awsEndpoint(), host.region(), options.stackName()),
        OrchestratorSettings.runtimeOptions(system, values.get(0)),
        LocalObservability.of(dynamo, options.stackName(), options.awsEndpoint(), options.log())));
    runtime = local.runtime();
    OrchestratorSettings.defineStorage(system, values.get(0), local, options.stackName());
    LocalApiServer api = own(options.accessKeys() == null ? LocalApiServer.start(apiPort, runtime)
        : LocalApiServer.start(apiPort, runtime, options.accessKeys()));
    endpoints = new Endpoints(api.endpoint(), host.endpoint(), sqsServer.endpoint(), dynalite.endpoint(),
        events.endpoint(), s3rver == null ? null : s3rver.endpoint(), options.stackName(), local.queueUrl());
    StateMachineDeployer deployer = new StateMachineDeployer(new DynamoDbStateMachineStore(dynamo, options.stackName()));
    List<TaskFunctions.Hosted> hosted = new ArrayList<>();
    Map<String, String> machines = new LinkedHashMap<>();
    List<StartTrigger> triggers = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      StackTemplate template = templates.get(i);
      LocalValues templateValues = values.get(i);
      hosted.addAll(TaskFunctions.register(template, templateValues, host,
          Map.of("stepwise.sfn.endpoint", api.endpoint().toString())));
      Map<String, String> created = new LinkedHashMap<>(TemplateStateMachines.create(template, templateValues, deployer));
      SamStateMachines.Created sam = SamStateMachines.create(template, templateValues, deployer,
          paths.get(i).toAbsolutePath().getParent(), options.log());
      created.putAll(sam.arns());
      String prefix = i == 0 ? "" : templateValues.stackName() + "/";
      created.forEach((id, arn) -> machines.put(machines.containsKey(id) ? prefix + id : id, arn));
      triggers.addAll(TemplateRules.read(template, templateValues, OrchestratorSettings.startFunction(template,
          templateValues), created.values(), options.log()));
      triggers.addAll(sam.triggers());
    }
    functions = List.copyOf(hosted);
    stateMachines = machines;
    List<StartTrigger.Schedule> timed = triggers.stream().filter(StartTrigger.Schedule.class::isInstance)
        .map(StartTrigger.Schedule.class::cast).toList();
    schedules = own(Schedules.start(timed, runtime.executions(), options.scheduleTimeScale(), options.log())).running();
    EventTriggers started = own(EventTriggers.start(triggers, bus, runtime.executions(), options.log()));
    apiEvents = started.urls();
    eventRules = bus.rules().stream().map(LocalEventBus.Rule::id).toList();
  }

  /** s3rver keeps its buckets under {@code s3/} in the data directory, else in a temporary one it deletes. */
  private static S3rverServer startS3rver(Path cli, Path dataDir) {
    if (dataDir == null) return S3rverServer.start(cli, null, null);
    Path directory = dataDir.resolve("s3");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory + " for s3rver", e);
    }
    return S3rverServer.start(cli, directory, null);
  }

  /** An application stack's name: its template's folder for {@code template.yml}, else the file's name. */
  static String appStackName(Path template) {
    Path file = template.toAbsolutePath().normalize();
    String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    if (name.equals("template") && file.getParent() != null && file.getParent().getFileName() != null) {
      name = file.getParent().getFileName().toString();
    }
    return name.replaceAll("[^A-Za-z0-9-]", "-");
  }

  private <T extends AutoCloseable> T own(T resource) {
    started.push(resource);
    return resource;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** The runtime the step handler, the API and the schedules share. */
  public Runtime runtime() {
    return runtime;
  }

  /** State machine ARNs by logical id, in template order. */
  public Map<String, String> stateMachines() {
    return stateMachines;
  }

  /** Hosted task functions: logical id to the names the Lambda host answers to. */
  public Map<String, List<String>> functions() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    functions.forEach(f -> names.put(f.logicalId(), f.names()));
    return names;
  }

  /** Running schedules: rule logical id (or state machine id and event name) to its expression. */
  public Map<String, String> schedules() {
    Map<String, String> rules = new LinkedHashMap<>();
    schedules.forEach(rule -> rules.put(rule.id(), rule.expression()));
    return rules;
  }

  /** Api events: "METHOD URL" each. */
  public List<String> apiEvents() {
    return apiEvents;
  }

  /** Event rules listening on the local bus, by id. */
  public List<String> eventRules() {
    return eventRules;
  }

  /** The dynalite node process's PID (ended by {@link #close()}). */
  public long dynalitePid() {
    return dynalitePid;
  }

  /** Endpoints, state machines and example commands, for a person at a terminal. */
  public String banner(List<Path> templates) {
    return StackBanner.text(templates, endpoints, functions(), stateMachines, schedules(), apiEvents, eventRules);
  }

  /** Stops everything in the reverse order it started; a failure to stop one thing does not keep the rest running. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("local stack: stopping " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
