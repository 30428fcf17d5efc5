package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.api.auth.SecretAccessKeys;
import io.stepwise.api.auth.SecretsManagerDocument;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.cli.Main;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.tests.AwsCli;
import io.stepwise.tests.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The API with authentication on, as deployed: access keys issued by {@code stepwise keys} into
 * a Secrets Manager secret (moto_server's), requests signed by the real SfnClient and the AWS
 * CLI, each allowed or denied by its key's statements, with AWS's errors.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthTest {
  private static final String SECRET = "stepwise/api-keys";
  private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
  private static final String MACHINES = "arn:aws:states:us-east-1:000000000000:stateMachine:";
  private static final String EXECUTIONS = "arn:aws:states:us-east-1:000000000000:execution:";

  private final AtomicLong offsetMillis = new AtomicLong();
  private final InstantSource clock = () -> Instant.now().plusMillis(offsetMillis.get());
  private MotoServer moto;
  private ApiStack stack;
  private LocalApiServer secured;
  private String[] admin;
  private String[] ordersOnly;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) throws Exception {
    Assumptions.assumeTrue(MotoServer.locate().isPresent(), "moto_server is not on the PATH");
    moto = MotoServer.start();
    stack = ApiStack.start(dynamo, sqs, "api-auth");
    var secrets = new SecretsManagerDocument(new AwsApiCaller(Apache5HttpClient.create(),
        AwsEndpoints.local(Map.of(), moto.endpoint(), "moto")),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("moto", "moto")), "us-east-1", SECRET);
    secured = LocalApiServer.start(0, stack.local.runtime(), new SecretAccessKeys(secrets, clock));
    admin = keysCreate("--actions", "states:*", "--resources", "*", "--description", "admin");
    ordersOnly = keysCreate("--actions", "states:StartExecution,states:DescribeExecution",
        "--resources", MACHINES + "orders," + EXECUTIONS + "orders:*");
  }

  @AfterAll
  void stop() {
    if (secured != null) secured.close();
    if (stack != null) stack.close();
    if (moto != null) moto.close();
  }

  /** {@code stepwise keys ... --secret-id SECRET} against moto, with the operator's (dummy) AWS credentials. */
  private String keys(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--secret-id", SECRET, "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String id = System.setProperty("aws.accessKeyId", "operator");
    String key = System.setProperty("aws.secretAccessKey", "operator");
    try {
      int exit = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      restore("aws.accessKeyId", id);
      restore("aws.secretAccessKey", key);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void restore(String name, String value) {
    if (value == null) System.clearProperty(name); else System.setProperty(name, value);
  }

  /** The new key's id and secret, from {@code stepwise keys create}'s two lines. */
  private String[] keysCreate(String... args) {
    List<String> all = new ArrayList<>(List.of("keys", "create"));
    all.addAll(List.of(args));
    String[] lines = keys(all.toArray(String[]::new)).strip().split("\n");
    return new String[] {lines[0].split(" = ")[1].strip(), lines[1].split(" = ")[1].strip()};
  }

  private SfnClient client(AwsCredentialsProvider credentials) {
    return SfnClient.builder().endpointOverride(secured.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
        .httpClientBuilder(Apache5HttpClient.builder()).build();
  }

  private SfnClient client(String[] key) {
    return client(StaticCredentialsProvider.create(AwsBasicCredentials.create(key[0], key[1])));
  }

  private static String code(Runnable call) {
    return assertThrows(SfnException.class, call::run).awsErrorDetails().errorCode();
  }

  @Test
  void sdkSignedRequests_withAnAllowingKey_work() {
    try (SfnClient sfn = client(admin)) {
      String arn = sfn.createStateMachine(r -> r.name("orders").definition(PASS).roleArn(ApiStack.ROLE)).stateMachineArn();
      sfn.createStateMachine(r -> r.name("payroll").definition(PASS).roleArn(ApiStack.ROLE));
      String execution = sfn.startExecution(r -> r.stateMachineArn(arn).input("{\"n\": 1}")).executionArn();
      assertEquals(ExecutionStatus.SUCCEEDED, stack.await(execution).status());
      assertTrue(sfn.listStateMachines(r -> {}).stateMachines().stream().anyMatch(m -> m.name().equals("orders")));
    }
  }

  @Test
  void aKeyIsAllowedOnlyItsOperationsOnItsStateMachines() {
    try (SfnClient sfn = client(admin)) {
      sfn.createStateMachine(r -> r.name("orders").definition(PASS).roleArn(ApiStack.ROLE));
      sfn.createStateMachine(r -> r.name("payroll").definition(PASS).roleArn(ApiStack.ROLE));
    }
    try (SfnClient sfn = client(ordersOnly)) {
      String execution = sfn.startExecution(r -> r.stateMachineArn(MACHINES + "orders")).executionArn();
      assertNotEquals(null, sfn.describeExecution(r -> r.executionArn(execution)).status());
      SfnException denied = assertThrows(SfnException.class, () -> sfn.startExecution(r -> r.stateMachineArn(MACHINES + "payroll")));
      assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
      assertEquals("User: " + ordersOnly[0] + " is not authorized to perform: states:StartExecution on resource: "
          + MACHINES + "payroll because no identity-based policy allows the states:StartExecution action",
          denied.awsErrorDetails().errorMessage());
      assertEquals("AccessDeniedException", code(() -> sfn.stopExecution(r -> r.executionArn(execution))));
      assertEquals("AccessDeniedException", code(() -> sfn.deleteStateMachine(r -> r.stateMachineArn(MACHINES + "orders"))));
      assertEquals("AccessDeniedException", code(() -> sfn.listStateMachines(r -> {})));
      assertEquals("AccessDeniedException",
          code(() -> sfn.createStateMachine(r -> r.name("orders2").definition(PASS).roleArn(ApiStack.ROLE))));
    }
  }

  @Test
  void unsignedUnknownAndMissignedRequests_getAwsErrors() {
    try (SfnClient anonymous = client(AnonymousCredentialsProvider.create())) {
      assertEquals("MissingAuthenticationTokenException", code(() -> anonymous.listStateMachines(r -> {})));
    }
    try (SfnClient unknown = client(new String[] {"SWKNOSUCHKEY00000000", "x"})) {
      assertEquals("UnrecognizedClientException", code(() -> unknown.listStateMachines(r -> {})));
    }
    try (SfnClient wrongSecret = client(new String[] {admin[0], "not-the-secret"})) {
      assertEquals("InvalidSignatureException", code(() -> wrongSecret.listStateMachines(r -> {})));
    }
    try (SfnClient open = ApiStack.client(secured.endpoint())) { // dummy credentials, as against the open local API
      assertEquals("UnrecognizedClientException", code(() -> open.listStateMachines(r -> {})));
    }
  }

  @Test
  void aRevokedKey_stopsWorking() {
    String[] doomed = keysCreate("--actions", "states:ListStateMachines", "--resources", "*");
    try (SfnClient sfn = client(doomed)) {
      sfn.listStateMachines(r -> {});
      assertTrue(keys("keys", "list").contains(doomed[0]));
      keys("keys", "revoke", doomed[0]);
      assertTrue(!keys("keys", "list").contains(doomed[0]));
      offsetMillis.addAndGet(Duration.ofSeconds(31).toMillis()); // past the API's cache of the secret
      assertEquals("UnrecognizedClientException", code(() -> sfn.listStateMachines(r -> {})));
    }
  }

  @Test
  void theAwsCli_signsWithAProfile_andIsDeniedWhatItsKeyMayNotDo() throws Exception {
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not on the PATH");
    Path home = Files.createTempDirectory("stepwise-aws-auth");
    Files.writeString(home.resolve("credentials"), "[stepwise]\naws_access_key_id = " + admin[0]
        + "\naws_secret_access_key = " + admin[1] + "\n[orders]\naws_access_key_id = " + ordersOnly[0]
        + "\naws_secret_access_key = " + ordersOnly[1] + "\n");
    Files.writeString(home.resolve("config"), "[profile stepwise]\nregion = us-east-1\n[profile orders]\nregion = us-east-1\n");
    String[] ok = aws(home, "stepwise", "list-state-machines");
    assertEquals("0", ok[0], ok[2]);
    assertTrue(ok[1].contains("stateMachines"), ok[1]);
    String[] denied = aws(home, "orders", "list-state-machines");
    assertNotEquals("0", denied[0]);
    assertTrue(denied[2].contains("AccessDeniedException") && denied[2].contains("states:ListStateMachines"), denied[2]);
  }

  private String[] aws(Path home, String profile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "stepfunctions", "--profile", profile,
        "--endpoint-url", secured.endpoint().toString(), "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    Path out = home.resolve("out");
    Path err = home.resolve("err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws did not finish in 60 s");
    }
    return new String[] {Integer.toString(process.exitValue()), Files.readString(out), Files.readString(err)};
  }


}
