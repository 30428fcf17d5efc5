package io.stepwise.local.servers;

import java.net.URI;
import java.nio.file.Path;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible server, embedded in this JVM on a free loopback port.
 *
 * <p>Delays, long polling, visibility timeouts and dead-letter redrive behave as on SQS, which
 * is what the orchestrator's message chaining relies on. {@link #start(String, String, Path)} keeps
 * the queues and their messages in a file (see {@link QueueStore}), so they outlive the process.
 */
public final class ElasticMqServer implements AutoCloseable {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  private final SQSRestServer server;
  private final QueueStore store;
  private final URI endpoint;
  private final String region;
  private final String accountId;

  private ElasticMqServer(SQSRestServer server, QueueStore store, URI endpoint, String region, String accountId) {
    this.server = server;
    this.store = store;
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
    return start(region, accountId, null);
  }

  /**
   * @param storeDir where the queues and their messages are kept ({@code elasticmq.mv.db}), restored
   *     before this returns; null for in memory
   */
  public static ElasticMqServer start(String region, String accountId, Path storeDir) {
    var builder = SQSRestServerBuilder.withInterface("127.0.0.1")
        .withDynamicPort()
        .withAWSRegion(region)
        .withAWSAccountId(accountId);
    if (storeDir == null) return started(builder.start(), null, region, accountId);
    QueueStore store = QueueStore.open(storeDir, builder.sqsLimits());
    SQSRestServer server = null;
    try {
      server = store.wire(builder).start();
      ElasticMqServer started = started(server, store, region, accountId);
      store.restore();
      return started;
    } catch (RuntimeException | Error e) {
      if (server != null) server.stopAndWait();
      store.close();
      throw e;
    }
  }

  private static ElasticMqServer started(SQSRestServer server, QueueStore store, String region, String accountId) {
    int port = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMqServer(server, store, URI.create("http://127.0.0.1:" + port), region, accountId);
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
    if (store != null) store.close();
  }
}
