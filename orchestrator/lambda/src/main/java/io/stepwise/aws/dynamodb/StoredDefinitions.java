package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.b;
import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.runtime.Deflate;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A state machine definition as DynamoDB can hold it. Step Functions allows 1,048,576
 * characters and an item 400 KB, so the text is deflated into the version item
 * ({@code definitionZ}) and, when that is still too large, into part items
 * {@code SM#arn / D#{version}#{writer}#{i}} written before the version item that names them
 * ({@code parts}, {@code partsId}). The writer's random id keeps racing writers of one version
 * number off each other's parts; a loser's parts are never named, so never read.
 */
final class StoredDefinitions {
  /** Deflated bytes per item, well under 400 KB with the keys and the version's other attributes. */
  static final int PART_BYTES = 350_000;
  private static final int MAX_PARTS = 999;

  private final DynamoDbClient dynamo;
  private final String table;

  StoredDefinitions(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Puts the definition's attributes on the version item, first writing any parts it needs. */
  void write(String arn, int version, String definition, Map<String, AttributeValue> versionItem) {
    byte[] deflated = Deflate.deflateText(definition);
    if (deflated.length <= PART_BYTES) {
      versionItem.put("definitionZ", b(deflated));
      return;
    }
    int parts = (deflated.length + PART_BYTES - 1) / PART_BYTES;
    if (parts > MAX_PARTS) throw new IllegalArgumentException("definition of " + arn + " is too large to store");
    String writer = UUID.randomUUID().toString();
    for (int i = 0; i < parts; i++) {
      Map<String, AttributeValue> part = new HashMap<>();
      part.put(Table.PK, s(Table.machineKey(arn)));
      part.put(Table.SK, s(partPrefix(version, writer) + Table.zeroPadded(i, 3)));
      part.put("data", b(Arrays.copyOfRange(deflated, i * PART_BYTES, Math.min(deflated.length, (i + 1) * PART_BYTES))));
      dynamo.putItem(r -> r.tableName(table).item(part));
    }
    versionItem.put("parts", n(parts));
    versionItem.put("partsId", s(writer));
  }

  /** The definition a version item holds, inline (plain or deflated) or in its parts. */
  String read(String arn, Map<String, AttributeValue> versionItem) {
    AttributeValue plain = versionItem.get("definition"); // versions stored before deflating
    if (plain != null) return plain.s();
    AttributeValue inline = versionItem.get("definitionZ");
    if (inline != null) return Deflate.inflateText(inline.b().asByteArray());
    int version = Integer.parseInt(versionItem.get("version").n());
    int parts = Integer.parseInt(versionItem.get("parts").n());
    String prefix = partPrefix(version, versionItem.get("partsId").s());
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(parts * PART_BYTES);
    Map<String, AttributeValue> start = null;
    int read = 0;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from)
          .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
          .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
          .expressionAttributeValues(Map.of(":pk", s(Table.machineKey(arn)), ":prefix", s(prefix))));
      for (Map<String, AttributeValue> part : page.items()) {
        deflated.writeBytes(part.get("data").b().asByteArray());
        read++;
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    if (read != parts) throw new IllegalStateException(arn + " version " + version + " has " + read + " of its " + parts + " parts");
    return Deflate.inflateText(deflated.toByteArray());
  }

  private static String partPrefix(int version, String writer) {
    return "D#" + Table.zeroPadded(version, 10) + "#" + writer + "#";
  }
}
