package io.stepwise.local.servers;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible server, embedded in this JVM on a free loopback port.
 *
 * <p>Delays, long polling, visibility timeouts and dead-letter redrive behave as on SQS, which
 * is what the orchestrator's message chaining relies on.
 */
public final class ElasticMqServer implements AutoCloseable {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  private final SQSRestServer server;
  private final URI endpoint;
  private final String region;
  private final String accountId;

  private ElasticMqServer(SQSRestServer server, URI endpoint, String region, String accountId) {
    this.server = server;
    this.endpoint = endpoint;
    this.region = region;
    this.accountId = accountId;
  }

  /** Starts a server for {@link #DEFAULT_REGION} and {@link #DEFAULT_ACCOUNT_ID}. */
  public static ElasticMqServer start() {
    return start(DEFAULT_REGION, DEFAULT_ACCOUNT_ID);
  }

  /**
   * Starts a server and blocks until it is bound. The region and account id go into the queue
   * ARNs it reports, so redrive policies can name a dead-letter queue by its ARN.
   */
  public static ElasticMqServer start(String region, String accountId) {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withDynamicPort()
            .withAWSRegion(region)
            .withAWSAccountId(accountId)
            .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMqServer(server, URI.create("http://127.0.0.1:" + port), region, accountId);
  }

  /** The SQS endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return endpoint;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  /** Unbinds the port and shuts down the server's actor system; waits until both are done. */
  @Override
  public void close() {
    server.stopAndWait();
  }
}
