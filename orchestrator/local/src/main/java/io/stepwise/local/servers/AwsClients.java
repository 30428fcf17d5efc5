package io.stepwise.local.servers;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Real AWS SDK v2 clients pointed at a local endpoint (ElasticMQ, dynalite, LocalStack).
 *
 * <p>Credentials are static dummies: the local servers want a signed request but check no
 * signature. Nothing here reads the environment, ~/.aws or instance metadata, so a developer's
 * real AWS profile can never be used by accident and client creation does no slow lookups.
 * Each client builds and owns its HTTP client, so closing the SDK client frees its connections.
 */
public final class AwsClients {
  public static final Region DEFAULT_REGION = Region.of(ElasticMqServer.DEFAULT_REGION);

  public static final AwsCredentialsProvider DUMMY_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("stepwise", "stepwise"));

  /** s3rver checks signatures against its one built-in account. */
  public static final AwsCredentialsProvider S3RVER_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER"));

  /** Which synchronous HTTP client the SDK uses. */
  public enum Http {
    /** Apache HttpClient 5: pooled keep-alive connections, 2-3x faster per call; for tests. */
    APACHE5,
    /** The JDK's HttpURLConnection: no extra jars, fastest cold start; what Lambda jars ship. */
    URL_CONNECTION;

    public SdkHttpClient.Builder<?> builder() {
      return this == APACHE5 ? Apache5HttpClient.builder() : UrlConnectionHttpClient.builder();
    }
  }

  private AwsClients() {}

  /** A DynamoDB client for {@code endpoint} in {@link #DEFAULT_REGION} over Apache 5. */
  public static DynamoDbClient dynamoDb(URI endpoint) {
    return dynamoDb(endpoint, DEFAULT_REGION, Http.APACHE5);
  }

  public static DynamoDbClient dynamoDb(URI endpoint, Region region, Http http) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .httpClientBuilder(http.builder())
        .build();
  }

  /** An SQS client for {@code endpoint} in {@link #DEFAULT_REGION} over Apache 5. */
  public static SqsClient sqs(URI endpoint) {
    return sqs(endpoint, DEFAULT_REGION, Http.APACHE5);
  }

  public static SqsClient sqs(URI endpoint, Region region, Http http) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .httpClientBuilder(http.builder())
        .build();
  }
}
