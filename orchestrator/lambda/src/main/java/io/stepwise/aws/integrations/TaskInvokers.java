package io.stepwise.aws.integrations;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.credentials.MachineRoleCredentials;
import io.stepwise.aws.credentials.RoleSessionCache;
import io.stepwise.aws.credentials.StsAssumeRole;
import io.stepwise.aws.http.HttpTaskInvoker;
import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import java.time.InstantSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The registry's invoker wired for a place: AWS itself, or local servers. */
public final class TaskInvokers {
  private TaskInvokers() {}

  /**
   * An HTTP client for Task calls: url-connection (what the lean Lambda jar ships), with a socket
   * timeout past Lambda's 15-minute limit, since a synchronous Invoke may take that long.
   */
  public static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder().socketTimeout(LambdaTaskInvoker.MAX_INVOKE_DURATION).build();
  }

  /**
   * Credentials for each Task from STS: the state machine's roleArn (and its Credentials role),
   * assumed with {@code orchestrator}'s credentials through the STS endpoint {@code endpoints} gives.
   */
  public static TaskCredentials machineRoles(SdkHttpClient http, AwsEndpoints endpoints,
      AwsCredentialsProvider orchestrator, String region) {
    return new MachineRoleCredentials(orchestrator, new StsAssumeRole(new AwsApiCaller(http, endpoints), region),
        new RoleSessionCache(InstantSource.system()));
  }

  /** @param own Stepwise's own table and queue, which no Task may reach */
  public static IntegrationTaskInvoker create(SdkHttpClient http, AwsEndpoints endpoints, TaskCredentials credentials,
      OwnResources own, String region) {
    AwsApiCaller caller = new AwsApiCaller(http, endpoints);
    AwsServiceCatalog catalog = AwsServiceCatalog.standard();
    return new IntegrationTaskInvoker(Integrations.standard(), catalog, new LambdaTaskInvoker(caller, credentials, region),
        new HttpTaskInvoker(caller, catalog, credentials, region), caller, credentials, own, region);
  }
}
