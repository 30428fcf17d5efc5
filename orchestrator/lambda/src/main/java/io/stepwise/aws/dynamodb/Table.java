package io.stepwise.aws.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one table Stepwise keeps everything in (see the README's "Storage" section).
 *
 * <pre>
 * pk                      sk                 what
 * EX#{executionArn}       R                  execution record at its start and at each change of status (the index's entry)
 * EX#{executionArn}       H#{seq, 20 digits} transition seq: commit = its events and the record they commit, deflated
 *                                            together; a claim (no commit yet) = lease owner and leaseUntil
 * JN#{joinKey}            S#{group, 10}      up to 50 children's records as their fan-out created them, packed (deflated)
 * SM#{stateMachineArn}    V#{version, 10}    state machine definition (deflated), one item per version (or a deletion tombstone)
 * SM#{stateMachineArn}    D#{version, 10}#{writer}#{i, 3}  parts of a definition too large for its version item
 * SM#{stateMachineArn}    L                  listing: gsi1pk = STATE_MACHINES, gsi1sk = {arn}#{type}#{createdMillis}
 * TT#{taskToken}          T                  task token: execution, seq, state
 * DOC#{group}             {id}               API documents: published versions, aliases, activities, tags, activity tasks
 * GSI byMachineStatus:  gsi1pk = {stateMachineArn}|{status}, gsi1sk = {startMillis, 15}#{name}
 * </pre>
 */
public final class Table {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "byMachineStatus";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";

  private Table() {}

  /** The CreateTable request the code expects; template.yml declares the same schema. */
  public static CreateTableRequest createRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK))
        .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(GSI1)
            .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .build())
        .build();
  }

  /**
   * Creates the table, or finds it there, and returns once it is ACTIVE: until then a write is
   * refused as ResourceNotFound, which a loaded machine made visible with dynalite too. The SDK's
   * default waiter polls every 20 s; a local table is ready in milliseconds.
   *
   * @return whether this call created the table
   */
  public static boolean ensureActive(DynamoDbClient dynamo, String tableName) {
    boolean created;
    try {
      dynamo.createTable(createRequest(tableName));
      created = true;
    } catch (ResourceInUseException exists) {
      created = false;
    }
    awaitActive(dynamo, tableName);
    return created;
  }

  /** Returns once the table (any table) is ACTIVE, polling every 50 ms for up to a minute. */
  public static void awaitActive(DynamoDbClient dynamo, String tableName) {
    dynamo.waiter().waitUntilTableExists(describe -> describe.tableName(tableName),
        wait -> wait.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50)))
            .waitTimeout(Duration.ofSeconds(60)))
        .matched().exception().ifPresent(e -> {
          throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        });
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static String executionKey(String executionArn) {
    return "EX#" + executionArn;
  }

  static String historyKey(long seq) {
    return "H#" + zeroPadded(seq, 20);
  }

  /** A fan-out's join partition: its counters, outcomes, cursors and packed children. */
  static String joinKey(String joinKey) {
    return "JN#" + joinKey;
  }

  static String packedKey(int group) {
    return "S#" + zeroPadded(group, 10);
  }

  static String machineStatusKey(String machineArn, String status) {
    return machineArn + "|" + status;
  }

  static String startNameKey(long startMillis, String name) {
    return zeroPadded(startMillis, 15) + "#" + name;
  }

  static String machineKey(String arn) {
    return "SM#" + arn;
  }

  static String documentKey(String group) {
    return "DOC#" + group;
  }

  static String versionKey(int version) {
    return "V#" + zeroPadded(version, 10);
  }

  /**
   * {@code value} in at least {@code width} digits, zeros in front (what {@code %0Nd} prints), so
   * sort keys order as numbers. Not String.format: its zero padding looks up the locale's digits,
   * loading the JDK's locale data on a cold start's first transition.
   */
  static String zeroPadded(long value, int width) {
    if (value < 0) return String.format("%0" + width + "d", value);
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
