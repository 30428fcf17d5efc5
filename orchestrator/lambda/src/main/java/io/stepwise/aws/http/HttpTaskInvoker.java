package io.stepwise.aws.http;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.integrations.http.ApiGatewayRequests;
import io.stepwise.integrations.http.ConnectionAuth;
import io.stepwise.integrations.http.ConnectionParameters;
import io.stepwise.integrations.http.HttpRequest;
import io.stepwise.integrations.http.HttpResults;
import io.stepwise.integrations.http.HttpResults.Style;
import io.stepwise.integrations.http.HttpTaskFailure;
import io.stepwise.integrations.http.HttpsRequests;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The two HTTP integrations: {@code apigateway:invoke} (signed for {@code execute-api} with the
 * Task's credentials when AuthType is IAM_ROLE) and {@code http:invoke} (authorized by its
 * EventBridge connection). Locally, the URL given is called as it is.
 */
public final class HttpTaskInvoker {
  /** HTTP Task requests time out after 60 seconds (Step Functions' limit). */
  static final Duration HTTP_TASK_TIMEOUT = Duration.ofSeconds(60);

  /**
   * One call as it went: what was sent (null when it failed before), the same without what the
   * connection added (its secrets, for TestState without revealSecrets), what came back (null
   * when nothing did), and the Task's outcome.
   */
  public record Exchange(HttpRequest request, HttpRequest requestWithoutConnection, HttpResults.Response response,
      TaskOutcome outcome) {}

  private final AwsApiCaller caller;
  private final Connections connections;
  private final TaskCredentials credentials;
  private final String region;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public HttpTaskInvoker(AwsApiCaller caller, AwsServiceCatalog catalog, TaskCredentials credentials, String region) {
    this.caller = caller;
    this.connections = new Connections(caller, catalog);
    this.credentials = credentials;
    this.region = region;
  }

  public TaskOutcome invoke(Command.InvokeTask call, Integration.Http http) {
    return exchange(call, http).outcome();
  }

  public Exchange exchange(Command.InvokeTask call, Integration.Http http) {
    String callRegion = regionOf(call.resource());
    HttpRequest request = null;
    HttpRequest shown = null;
    HttpResults.Response response = null;
    Style style = http.style();
    try {
      AwsCredentialsIdentity identity = credentials.forTask(call, callRegion);
      SdkHttpRequest signedOrNot;
      byte[] body;
      if (style == Style.API_GATEWAY) {
        ApiGatewayRequests.Call api = ApiGatewayRequests.of(call.payload(), callRegion);
        request = api.request();
        shown = request;
        if (api.auth() == ApiGatewayRequests.AuthType.RESOURCE_POLICY) {
          throw new HttpTaskFailure(ErrorNames.RUNTIME, "AuthType RESOURCE_POLICY is not supported by Stepwise: API "
              + "Gateway authenticates such calls as the Step Functions service itself; use IAM_ROLE or NO_AUTH");
        }
        signedOrNot = api.auth() == ApiGatewayRequests.AuthType.IAM_ROLE
            ? sign(sdkRequest(request), request.body(), identity, api.signingRegion())
            : sdkRequest(request);
      } else {
        shown = HttpsRequests.of(call.payload(), ConnectionParameters.NONE, callRegion); // also names what is missing
        String arn = HttpsRequests.connectionArn(call.payload()).orElseThrow();
        Connections.Connection found = connections.read(arn, identity, callRegion);
        ConnectionParameters connection = ConnectionAuth.parameters(found.authorizationType(), found.secret());
        if (found.authorizationType().equals("OAUTH_CLIENT_CREDENTIALS")) {
          HttpRequest token = ConnectionAuth.tokenRequest(found.secret());
          connection = ConnectionAuth.withToken(connection, send(token, sdkRequest(token), style, HTTP_TASK_TIMEOUT));
        }
        request = HttpsRequests.of(call.payload(), connection, callRegion);
        signedOrNot = sdkRequest(request);
      }
      response = send(request, signedOrNot, style, timeout(call, style));
      return new Exchange(request, shown, response, TaskOutcome.success(HttpResults.result(style, response)));
    } catch (HttpTaskFailure f) {
      return new Exchange(request, shown, response, TaskOutcome.failure(f.error(), f.cause()));
    } catch (TaskCredentials.AccessDenied e) {
      return new Exchange(request, shown, null, TaskOutcome.failure(ErrorNames.TASK_FAILED, e.getMessage()));
    }
  }

  private HttpResults.Response send(HttpRequest request, SdkHttpRequest sdk, Style style, Duration timeout)
      throws HttpTaskFailure {
    try {
      AwsApiCaller.RawResponse raw = caller.exchange(sdk, request.body(), timeout);
      return new HttpResults.Response(raw.status(), raw.statusText(), raw.headers(), raw.body());
    } catch (IOException e) {
      throw HttpResults.noAnswer(style, e);
    }
  }

  /** The Task's TimeoutSeconds, within the HTTP Task's own 60 seconds. */
  private static Duration timeout(Command.InvokeTask call, Style style) {
    Duration task = call.timeoutSeconds() == null ? null : Duration.ofSeconds(call.timeoutSeconds());
    if (style == Style.API_GATEWAY) return task;
    return task == null || task.compareTo(HTTP_TASK_TIMEOUT) > 0 ? HTTP_TASK_TIMEOUT : task;
  }

  private static SdkHttpRequest sdkRequest(HttpRequest request) throws HttpTaskFailure {
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new HttpTaskFailure(ErrorNames.RUNTIME, "'" + request.url() + "' is not a valid URL");
    }
    SdkHttpRequest.Builder b = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(request.method()));
    request.headers().forEach(b::putHeader);
    if (request.body() != null) b.putHeader("Content-Length", Integer.toString(request.body().length));
    return b.build();
  }

  /** SigV4 for {@code execute-api}, as Step Functions signs an IAM_ROLE call with the state machine's role. */
  private SdkHttpRequest sign(SdkHttpRequest request, byte[] body, AwsCredentialsIdentity identity, String signingRegion) {
    ContentStreamProvider payload = ContentStreamProvider.fromByteArray(body == null ? new byte[0] : body);
    return signer.sign(r -> r.identity(identity).request(request).payload(payload)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
        .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion)).request();
  }

  private String regionOf(String resource) {
    String r = Resource.parse(resource).region();
    return r == null || r.isEmpty() ? region : r;
  }
}
