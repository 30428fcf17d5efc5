package io.stepwise.tests;

import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * JUnit 5 extension: one ElasticMQ and one dynalite for the whole test JVM, and SDK clients for
 * them as test parameters.
 *
 * <pre>{@code
 * @ExtendWith(LocalAws.class)
 * class MyTest {
 *   @Test void given_when_then(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
 *     String table = LocalAws.uniqueName("executions");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The servers live in the root {@link ExtensionContext.Store}, which JUnit closes after the
 * last test of the run; dynalite also exits by itself if the JVM dies first. Tests share the
 * servers, so each names its own tables and queues with {@link #uniqueName}.
 */
public final class LocalAws implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalAws.class);
  private static final AtomicLong NAMES = new AtomicLong();

  /** The servers of this JVM, started on first use. */
  public static Servers servers(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Servers.class, key -> Servers.start(), Servers.class);
  }

  /** A table or queue name no other test in this JVM uses. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == SqsClient.class || type == Servers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Servers servers = servers(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == DynamoDbClient.class) {
      return servers.dynamoDb();
    }
    return type == SqsClient.class ? servers.sqs() : servers;
  }

  /** Both servers and a shared pair of clients (SDK clients are thread-safe). */
  public static final class Servers implements AutoCloseable {
    private final ElasticMqServer elasticMq;
    private final DynaliteServer dynalite;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    private Servers(ElasticMqServer elasticMq, DynaliteServer dynalite) {
      this.elasticMq = elasticMq;
      this.dynalite = dynalite;
      this.dynamoDb = newDynamoDb(AwsClients.Http.APACHE5);
      this.sqs = newSqs(AwsClients.Http.APACHE5);
    }

    static Servers start() {
      // ElasticMQ's actor system and node's start-up overlap: about half a second saved.
      CompletableFuture<ElasticMqServer> elasticMq =
          CompletableFuture.supplyAsync(ElasticMqServer::start);
      DynaliteServer dynalite;
      try {
        dynalite = DynaliteServer.start(DynaliteServer.locateCli(), logFile());
      } catch (RuntimeException e) {
        elasticMq.thenAccept(ElasticMqServer::close);
        throw e;
      }
      try {
        return new Servers(elasticMq.join(), dynalite);
      } catch (CompletionException e) {
        dynalite.close();
        throw e;
      }
    }

    private static Path logFile() {
      String configured = System.getProperty("stepwise.dynalite.log");
      return Path.of(configured != null ? configured : "target/dynalite.log");
    }

    public DynamoDbClient dynamoDb() {
      return dynamoDb;
    }

    public SqsClient sqs() {
      return sqs;
    }

    /** A new DynamoDB client over the given HTTP client; the caller closes it. */
    public DynamoDbClient newDynamoDb(AwsClients.Http http) {
      return AwsClients.dynamoDb(dynamoDbEndpoint(), region(), http);
    }

    /** A new SQS client over the given HTTP client; the caller closes it. */
    public SqsClient newSqs(AwsClients.Http http) {
      return AwsClients.sqs(sqsEndpoint(), region(), http);
    }

    public URI dynamoDbEndpoint() {
      return dynalite.endpoint();
    }

    public URI sqsEndpoint() {
      return elasticMq.endpoint();
    }

    public Region region() {
      return Region.of(elasticMq.region());
    }

    public String accountId() {
      return elasticMq.accountId();
    }

    public long dynalitePid() {
      return dynalite.pid();
    }

    @Override
    public void close() {
      try (elasticMq;
          dynalite;
          dynamoDb;
          sqs) {
        // try-with-resources closes the clients first, then the servers, each even if one throws
      }
    }
  }
}
