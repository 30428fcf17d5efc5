package io.stepwise.aws.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Stepwise's own table, step queue and Express queue (and their dead-letter queues): no Task may reach them, so a
 * definition cannot rewrite executions or forge step messages. A call that names one fails with
 * {@code States.TaskFailed} (access denied) before anything is sent.
 *
 * @param table the table's name
 * @param queue the step queue's name (its dead-letter queue is {@code queue + "-dlq"} or any name starting so)
 * @param expressQueue the Express queue's name, or null when there is none
 */
public record OwnResources(String table, String queue, String expressQueue) {
  /** Nothing is off limits (tests of the caller alone). */
  public static final OwnResources NONE = new OwnResources(null, null);

  public OwnResources(String table, String queue) {
    this(table, queue, null);
  }

  /** From the runtime's settings: the table's name, the step queue's URL and the Express queue's (or null). */
  public static OwnResources of(String table, String queueUrl, String expressQueueUrl) {
    return new OwnResources(table, name(queueUrl), expressQueueUrl == null || expressQueueUrl.isBlank() ? null
        : name(expressQueueUrl));
  }

  private static String name(String queueUrl) {
    return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
  }

  /** @return why the call is refused, or empty when it touches none of them */
  public Optional<String> refusal(String service, JsonNode parameters) {
    if (parameters == null) return Optional.empty();
    if (table != null && (service.equals("dynamodb") || service.equals("dynamodbstreams")) && namesTable(parameters)) {
      return Optional.of("Access denied: a Task may not call DynamoDB on Stepwise's own table '" + table + "'");
    }
    for (String own : new String[] {queue, expressQueue}) {
      if (own != null && service.equals("sqs") && namesQueue(parameters, own)) {
        return Optional.of("Access denied: a Task may not call SQS on Stepwise's own queue '" + own + "'");
      }
    }
    return Optional.empty();
  }

  /** TableName / TableArn anywhere (batch and transaction requests nest them), and RequestItems' keys. */
  private boolean namesTable(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode e : node) if (namesTable(e)) return true;
      return false;
    }
    if (!node.isObject()) return false;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if ((key.equals("TableName") || key.equals("TableArn") || key.equals("ResourceArn")) && isTable(e.getValue().asText())) {
        return true;
      }
      if (key.equals("RequestItems") && e.getValue().isObject()) {
        for (Iterator<String> names = e.getValue().fieldNames(); names.hasNext(); ) if (isTable(names.next())) return true;
      }
      if (namesTable(e.getValue())) return true;
    }
    return false;
  }

  private boolean isTable(String name) {
    return name.equals(table) || name.endsWith(":table/" + table) || name.contains(":table/" + table + "/");
  }

  private static boolean namesQueue(JsonNode parameters, String queue) {
    for (String field : new String[] {"QueueUrl", "QueueName", "QueueArn"}) {
      JsonNode v = parameters.get(field);
      if (v == null || !v.isTextual()) continue;
      String text = v.textValue();
      String last = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf(':')) + 1);
      if (last.equals(queue) || last.startsWith(queue + "-dlq")) return true;
    }
    return false;
  }
}
