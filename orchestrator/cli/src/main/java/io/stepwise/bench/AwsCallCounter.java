package io.stepwise.bench;

import io.stepwise.aws.dynamodb.Table;
import io.stepwise.local.servers.AwsClients;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Counts what the runtime asks of AWS, from inside the SDK: DynamoDB reads and writes with the
 * capacity units they are billed, and SQS requests.
 *
 * <p>Table units are the ones DynamoDB (here dynalite) reports with {@code ReturnConsumedCapacity}:
 * a write is the larger of the item before and after, 1 unit per KB; a strongly consistent read 1
 * per 4 KB of the items read (a Query sums its items first). A conditional write that fails is
 * billed too, by the size of the item it carried. The table's index is billed on top
 * ({@link IndexWrites}), which dynalite does not report.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
  final AtomicLong dynamoReads = new AtomicLong();
  final AtomicLong dynamoWrites = new AtomicLong();
  final AtomicLong writeUnits = new AtomicLong();
  final AtomicLong readUnits = new AtomicLong();
  final AtomicLong sqsRequests = new AtomicLong();
  final AtomicLong failedConditionalWrites = new AtomicLong();
  /** Calls answered without ConsumedCapacity (dynalite always reports it; a test checks this stays 0). */
  final AtomicLong unreported = new AtomicLong();
  private final Map<String, AtomicLong> sqsByAction = new ConcurrentHashMap<>();
  private final IndexWrites index = new IndexWrites();
  private final ItemKinds kinds = new ItemKinds();

  /** A DynamoDB client on {@code endpoint} whose calls this counter counts. */
  public DynamoDbClient dynamoDb(URI endpoint) {
    return DynamoDbClient.builder().endpointOverride(endpoint).region(AwsClients.DEFAULT_REGION)
        .credentialsProvider(AwsClients.DUMMY_CREDENTIALS).httpClientBuilder(Apache5HttpClient.builder())
        .overrideConfiguration(o -> o.addExecutionInterceptor(this)).build();
  }

  /** An SQS client on {@code endpoint} whose calls this counter counts. */
  public SqsClient sqs(URI endpoint) {
    return SqsClient.builder().endpointOverride(endpoint).region(AwsClients.DEFAULT_REGION)
        .credentialsProvider(AwsClients.DUMMY_CREDENTIALS).httpClientBuilder(Apache5HttpClient.builder())
        .overrideConfiguration(o -> o.addExecutionInterceptor(this)).build();
  }

  /** Asks every DynamoDB call for the capacity it consumed (the answer is all that changes). */
  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest r = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (r instanceof PutItemRequest put) return put.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof UpdateItemRequest update) return update.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof DeleteItemRequest delete) return delete.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof BatchWriteItemRequest batch) return batch.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof GetItemRequest get) return get.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof QueryRequest query) return query.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof BatchGetItemRequest get) return get.toBuilder().returnConsumedCapacity(total).build();
    return r;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof SqsRequest) {
      sqsRequests.incrementAndGet();
      String action = request.getClass().getSimpleName().replace("Request", "");
      sqsByAction.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
    } else if (request instanceof PutItemRequest || request instanceof UpdateItemRequest
        || request instanceof DeleteItemRequest) {
      dynamoWrites.incrementAndGet();
    } else if (request instanceof BatchWriteItemRequest batch) {
      batch.requestItems().values().forEach(writes -> dynamoWrites.addAndGet(writes.size()));
    } else if (request instanceof GetItemRequest || request instanceof QueryRequest) {
      dynamoReads.incrementAndGet();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    SdkRequest request = context.request();
    if (response instanceof PutItemResponse put) {
      PutItemRequest r = (PutItemRequest) request;
      long units = units(put.consumedCapacity());
      boolean create = r.conditionExpression() != null && r.conditionExpression().startsWith("attribute_not_exists");
      kinds.write(create ? "create" : "put", r.item(), units);
      writeUnits.addAndGet(units + indexed(index.put(r.item())));
    } else if (response instanceof UpdateItemResponse update) {
      long units = units(update.consumedCapacity());
      kinds.write("update", ((UpdateItemRequest) request).key(), units);
      writeUnits.addAndGet(units); // no update sets an index key
    } else if (response instanceof DeleteItemResponse delete) {
      long units = units(delete.consumedCapacity());
      kinds.write("delete", ((DeleteItemRequest) request).key(), units);
      writeUnits.addAndGet(units + indexed(index.delete(((DeleteItemRequest) request).key())));
    } else if (response instanceof BatchWriteItemResponse batch) {
      writeUnits.addAndGet(batch.consumedCapacity().stream().mapToLong(this::units).sum());
      ((BatchWriteItemRequest) request).requestItems().values().forEach(writes -> writes.forEach(w -> {
        if (w.putRequest() != null) {
          // The batch reports its units per table: each put is billed its own size, 1 per KB.
          kinds.write("create", w.putRequest().item(), Math.max(1, (ItemSize.of(w.putRequest().item()) + 1023) / 1024));
          writeUnits.addAndGet(indexed(index.put(w.putRequest().item())));
        } else {
          writeUnits.addAndGet(indexed(index.delete(w.deleteRequest().key())));
        }
      }));
    } else if (response instanceof GetItemResponse get) {
      long units = units(get.consumedCapacity());
      Map<String, AttributeValue> key = ((GetItemRequest) request).key();
      kinds.read("get", key.get(Table.PK).s(), key.get(Table.SK).s(), units);
      readUnits.addAndGet(units);
    } else if (response instanceof QueryResponse query) {
      long units = units(query.consumedCapacity());
      QueryRequest q = (QueryRequest) request;
      AttributeValue pk = q.expressionAttributeValues().get(":pk");
      kinds.read(q.indexName() != null ? "index_query" : "query", pk == null ? "" : pk.s(), sortPrefix(q), units);
      readUnits.addAndGet(units);
    }
  }

  /** The index's units, counted under their own kind too. */
  private long indexed(long units) {
    if (units > 0) kinds.add("index.put", units);
    return units;
  }

  /** What a query's sort key condition starts from, so the kind can tell history from outcomes. */
  private static String sortPrefix(QueryRequest q) {
    AttributeValue from = q.expressionAttributeValues().getOrDefault(":from", q.expressionAttributeValues().get(":c"));
    return from == null ? "" : from.s();
  }

  /** A conditional write that fails consumes write units too: at least one, or its item's size. */
  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (!(context.exception() instanceof ConditionalCheckFailedException)) return;
    failedConditionalWrites.incrementAndGet();
    SdkRequest request = context.request();
    long units = request instanceof PutItemRequest put ? Math.max(1, (ItemSize.of(put.item()) + 1023) / 1024) : 1;
    if (request instanceof PutItemRequest put) kinds.write("failed_condition", put.item(), units);
    else kinds.add("other.failed_condition", units);
    writeUnits.addAndGet(units);
  }

  /** Whole units, as billed; a server that does not report them is counted as the 1-unit minimum. */
  private long units(ConsumedCapacity capacity) {
    if (capacity == null || capacity.capacityUnits() == null) {
      unreported.incrementAndGet();
      return 1;
    }
    return (long) Math.ceil(capacity.capacityUnits());
  }

  /** SQS requests so far by action (SendMessage, ReceiveMessage, DeleteMessageBatch...). */
  Map<String, Long> sqsActions() {
    Map<String, Long> counts = new TreeMap<>();
    sqsByAction.forEach((action, count) -> counts.put(action, count.get()));
    return counts;
  }

  /** Capacity units so far by item kind and call ({@link ItemKinds}). */
  Map<String, Long> unitsByKind() {
    return kinds.snapshot();
  }

  List<Long> snapshot() {
    return List.of(dynamoReads.get(), dynamoWrites.get(), writeUnits.get(), readUnits.get(), sqsRequests.get(),
        failedConditionalWrites.get());
  }
}
