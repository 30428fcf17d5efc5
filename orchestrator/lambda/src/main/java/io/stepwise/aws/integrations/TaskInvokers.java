package io.stepwise.aws.integrations;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import software.amazon.awssdk.http.SdkHttpClient;

/** The registry's invoker wired for a place: AWS itself, or local servers. */
public final class TaskInvokers {
  private TaskInvokers() {}

  public static IntegrationTaskInvoker create(TaskInvoker lambda, SdkHttpClient http, AwsEndpoints endpoints,
      TaskCredentials credentials, String region) {
    return new IntegrationTaskInvoker(Integrations.standard(), AwsServiceCatalog.standard(), lambda,
        new AwsApiCaller(http, endpoints), credentials, region);
  }
}
