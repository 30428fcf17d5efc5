package io.stepwise.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.MotoServer;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Local runtimes whose Tasks reach moto_server for every AWS service but DynamoDB (dynalite). */
public final class MotoRuntimes {
  private MotoRuntimes() {}

  /** moto_server on a free port, or the test skipped when it is not installed. */
  public static MotoServer startMotoOrSkip() {
    assumeTrue(MotoServer.locate().isPresent(), "moto_server is not installed (pip install 'moto[server]'): skipped");
    return MotoServer.start();
  }

  /**
   * moto loads a service's backend on its first call, which can take seconds: a long visibility
   * keeps that first call from being redelivered and made twice.
   */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers, MotoServer moto,
      String prefix) {
    String name = LocalAws.uniqueName(prefix);
    return LocalRuntime.start(dynamo, sqs, name, LocalIntegrations.invoker(Map.of("dynamodb", servers.dynamoDbEndpoint()),
        moto.endpoint().toString(), servers.region().id(), name), new LocalRuntime.Options(30, 5, 2, 10));
  }
}
