package io.stepwise.bench;

import io.stepwise.local.servers.AwsClients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Counts what the runtime asks of AWS, from inside the SDK: DynamoDB reads and writes with the
 * capacity units they are billed (writes 1 per KB of item, strongly consistent reads 1 per 4 KB),
 * and SQS requests.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
  final AtomicLong dynamoReads = new AtomicLong();
  final AtomicLong dynamoWrites = new AtomicLong();
  final AtomicLong writeUnits = new AtomicLong();
  final AtomicLong readUnits = new AtomicLong();
  final AtomicLong sqsRequests = new AtomicLong();

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

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof SqsRequest) {
      sqsRequests.incrementAndGet();
    } else if (request instanceof PutItemRequest put) {
      write(put.item());
    } else if (request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
      dynamoWrites.incrementAndGet();
      writeUnits.incrementAndGet();
    } else if (request instanceof BatchWriteItemRequest batch) {
      batch.requestItems().values().forEach(writes -> writes.forEach(w -> {
        if (w.putRequest() != null) write(w.putRequest().item());
        else write(Map.of());
      }));
    } else if (request instanceof GetItemRequest || request instanceof QueryRequest) {
      dynamoReads.incrementAndGet();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof GetItemResponse get) {
      readUnits.addAndGet(readUnits(get.hasItem() ? size(get.item()) : 0));
    } else if (response instanceof QueryResponse query) {
      long bytes = 0;
      for (Map<String, AttributeValue> item : query.items()) bytes += size(item);
      readUnits.addAndGet(readUnits(bytes));
    }
  }

  private void write(Map<String, AttributeValue> item) {
    dynamoWrites.incrementAndGet();
    writeUnits.addAndGet(Math.max(1, (size(item) + 1023) / 1024));
  }

  private static long readUnits(long bytes) {
    return Math.max(1, (bytes + 4095) / 4096);
  }

  /** DynamoDB's item size: attribute names plus values, as its capacity accounting counts them. */
  static long size(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += utf8(e.getKey()) + size(e.getValue());
    }
    return bytes;
  }

  private static long size(AttributeValue v) {
    if (v.s() != null) return utf8(v.s());
    if (v.n() != null) return (v.n().length() + 1) / 2 + 1;
    if (v.b() != null) return v.b().asByteArray().length;
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
    if (v.hasM()) return 3 + size(v.m());
    if (v.hasL()) return 3 + sizes(v.l());
    if (v.hasSs()) return v.ss().stream().mapToLong(AwsCallCounter::utf8).sum();
    return 1;
  }

  private static long sizes(Collection<AttributeValue> values) {
    long bytes = 0;
    for (AttributeValue v : values) bytes += 1 + size(v);
    return bytes;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  List<Long> snapshot() {
    return List.of(dynamoReads.get(), dynamoWrites.get(), writeUnits.get(), readUnits.get(), sqsRequests.get());
  }
}
