package io.stepwise.lambda;

import io.stepwise.asl.Definitions;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStateCodec;
import io.stepwise.runtime.HistoryCodec;
import io.stepwise.runtime.RecordCodec;
import io.stepwise.runtime.StepMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming: before Lambda snapshots a published version, a dummy execution runs through
 * the engine (parsing, validation, data flow, intrinsics, Choice, Map, the codecs of the record
 * and the history) and the DynamoDB and SQS clients make a transition's calls against an
 * in-memory answer, so a restored container's first transition finds that code loaded and
 * initialised. Nothing calls AWS: a snapshot must not hold connections or credentials it
 * fetched. Elsewhere (no CRaC runtime) registering is a no-op.
 */
final class Priming implements Resource {
  // CRaC keeps only weak references to its resources: this one must stay reachable.
  private static final Priming INSTANCE = new Priming();
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();
  private static final String DEFINITION = """
      {"StartAt": "Shape", "States": {
        "Shape": {"Type": "Pass", "Parameters": {"id.$": "States.Format('o-{}', $.n)", "n.$": "$.n",
                  "items.$": "States.ArrayRange(1, 3, 1)", "ctx.$": "$$.Execution.Id"}, "ResultPath": "$.shaped", "Next": "Route"},
        "Route": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Call"}], "Default": "Call"},
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"},
                 "ResultSelector": {"ok.$": "$.Payload.n"}, "ResultPath": "$.called",
                 "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}], "Next": "Each"},
        "Each": {"Type": "Map", "ItemsPath": "$.shaped.items", "ItemProcessor": {"StartAt": "One", "States": {
                  "One": {"Type": "Pass", "End": true}}}, "ResultPath": "$.each", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "End": true}}}""";

  private Priming() {}

  /** Registers the hook once per container (every handler's no-argument constructor calls this). */
  static void register() {
    if (REGISTERED.compareAndSet(false, true)) Core.getGlobalContext().register(INSTANCE);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    exercise();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: no connection or credentials were made before the snapshot.
  }

  /** The dummy execution and the request classes; returns how the execution ended (SUCCEEDED). */
  static ExecutionStatus exercise() {
    StateMachine machine = Definitions.load(Json.parse(DEFINITION));
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:000000000000:execution:prime:prime", "prime",
        "arn:aws:states:us-east-1:000000000000:stateMachine:prime", "prime", Json.parse("{\"n\": 2}"), start, "role", 0, false);
    ExecutionResult result = new InMemoryDriver(new Engine(Entropy.secure()),
        call -> TaskOutcome.success(Json.object().set("Payload", call.payload().path("Payload"))), VirtualClock.fast(start), null)
        .run(machine, info);
    ExecutionStateCodec.decode(ExecutionStateCodec.encode(ExecutionState.start(info, machine.startAt())));
    HistoryCodec.decode(HistoryCodec.encode(result.history()));
    ExecutionRecord record = new ExecutionRecord(ExecutionState.start(info, machine.startAt()), 1, info.stateMachineArn(), 0,
        StepMessage.advance(info.executionArn(), 1));
    RecordCodec.committedEvents(RecordCodec.commit(record, result.history()));
    StepMessage.fromJson(StepMessage.advance(info.executionArn(), 1).carrying(record).toJson()).carriedRecord();
    primeClients();
    return result.status();
  }

  /**
   * The calls a transition makes, on clients built as the handler's are but answered in memory
   * ({@link PrimingHttpClient}) with throwaway keys: the SDK's request pipeline, marshallers,
   * signer and unmarshallers load, and no connection or credential enters the snapshot.
   * Returns how many calls were answered.
   */
  static int primeClients() {
    PrimingHttpClient http = new PrimingHttpClient();
    StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("prime", "prime"));
    try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).credentialsProvider(keys).region(Region.US_EAST_1).build();
        SqsClient sqs = SqsClient.builder().httpClient(http).credentialsProvider(keys).region(Region.US_EAST_1).build()) {
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("prime"), "sk", AttributeValue.fromN("0"));
      dynamo.getItem(r -> r.tableName("prime").key(key).consistentRead(true));
      dynamo.putItem(r -> r.tableName("prime").item(Map.of("pk", AttributeValue.fromS("prime"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("prime"))))
          .conditionExpression("attribute_not_exists(pk) OR #s = :s").expressionAttributeNames(Map.of("#s", "seq"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromN("0"))));
      dynamo.updateItem(r -> r.tableName("prime").key(key).updateExpression("SET a = :a")
          .expressionAttributeValues(Map.of(":a", AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))));
      dynamo.query(r -> r.tableName("prime").consistentRead(true).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("prime"))).limit(1));
      sqs.sendMessage(r -> r.queueUrl("https://sqs.us-east-1.amazonaws.com/000000000000/prime").messageBody("{}").delaySeconds(0));
    }
    return http.calls();
  }
}
