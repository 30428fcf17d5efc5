package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.runtime.ExecutionStore.ExecutionPage;
import io.stepwise.runtime.ExecutionStore.ExecutionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** ListExecutions on the {@code byMachineStatus} index, whose keys say all a summary shows. */
final class ExecutionListing {
  private ExecutionListing() {}

  /** One query per status asked for, each newest first; merged, the newest {@code max} win. */
  static ExecutionPage page(DynamoDbClient dynamo, String table, String stateMachineArn, ExecutionStatus status, String after,
      int max) {
    List<Map<String, AttributeValue>> candidates = new ArrayList<>();
    for (ExecutionStatus each : status == null ? ExecutionStatus.values() : new ExecutionStatus[] {status}) {
      candidates.addAll(indexPage(dynamo, table, Table.machineStatusKey(stateMachineArn, each.name()), after, max + 1));
    }
    candidates.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(Table.GSI1_SK).s()).reversed());
    List<ExecutionSummary> executions = new ArrayList<>();
    for (Map<String, AttributeValue> item : candidates.subList(0, Math.min(max, candidates.size()))) {
      executions.add(summary(stateMachineArn, item));
    }
    String next = candidates.size() > max ? candidates.get(max - 1).get(Table.GSI1_SK).s() : null;
    return new ExecutionPage(executions, next);
  }

  /** Up to {@code limit} index entries of one machine and status, newest first, older than {@code after}. */
  private static List<Map<String, AttributeValue>> indexPage(DynamoDbClient dynamo, String table, String partition, String after, int limit) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", Table.GSI1_PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
    if (after != null) {
      names.put("#sk", Table.GSI1_SK);
      values.put(":after", s(after));
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Table.GSI1)
          .keyConditionExpression(after == null ? "#pk = :pk" : "#pk = :pk AND #sk < :after")
          .expressionAttributeNames(names).expressionAttributeValues(values).scanIndexForward(false)
          .exclusiveStartKey(start).limit(limit - items.size()).build());
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && items.size() < limit);
    return items;
  }

  /** The index keys say it all: {@code EX#arn}, {@code machine|STATUS}, {@code startMillis#name}. */
  private static ExecutionSummary summary(String stateMachineArn, Map<String, AttributeValue> item) {
    String partition = item.get(Table.GSI1_PK).s();
    String sortKey = item.get(Table.GSI1_SK).s();
    int hash = sortKey.indexOf('#');
    return new ExecutionSummary(item.get(Table.PK).s().substring("EX#".length()), stateMachineArn,
        sortKey.substring(hash + 1), ExecutionStatus.valueOf(partition.substring(partition.lastIndexOf('|') + 1)),
        Instant.ofEpochMilli(Long.parseLong(sortKey.substring(0, hash))));
  }
}
