package io.stepwise.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.integrations.http.ConnectionAuth;
import io.stepwise.integrations.http.HttpTaskFailure;
import io.stepwise.json.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Reads an EventBridge connection for an HTTP Task, with the Task's credentials: DescribeConnection
 * for its state and authorization type, then its Secrets Manager secret (GetSecretValue) for the
 * credentials themselves, which DescribeConnection never shows.
 */
final class Connections {
  /** A connection ready to use: its authorization type and its secret. */
  record Connection(String arn, String authorizationType, JsonNode secret) {}

  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:events:([a-z0-9-]+):(\\d{12}):connection/([^/]+)(/.*)?");

  private final AwsApiCaller aws;
  private final AwsServiceCatalog catalog;

  /** Services are looked up per call, so wiring this up never parses the catalog (cold start). */
  Connections(AwsApiCaller aws, AwsServiceCatalog catalog) {
    this.aws = aws;
    this.catalog = catalog;
  }

  Connection read(String arn, AwsCredentialsIdentity credentials, String callRegion) throws HttpTaskFailure {
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + "ResourceNotFound", "'" + arn + "' is not an EventBridge connection ARN");
    }
    String region = m.group(1);
    JsonNode described = call(catalog.service("eventbridge").orElseThrow(), "describeConnection", Json.object().put("Name", m.group(3)), credentials, region, arn);
    String state = described.path("ConnectionState").asText();
    if (!state.equals("AUTHORIZED")) {
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + "InvalidConnectionState",
          "The connection '" + arn + "' is in state " + state + ", not AUTHORIZED");
    }
    String secretArn = described.path("SecretArn").asText("");
    if (secretArn.isEmpty()) {
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + "InternalError", "The connection '" + arn + "' has no secret");
    }
    JsonNode value = call(catalog.service("secretsmanager").orElseThrow(), "getSecretValue", Json.object().put("SecretId", secretArn), credentials, region, arn);
    JsonNode secret;
    try {
      secret = Json.parse(value.path("SecretString").asText("{}"));
    } catch (IllegalArgumentException e) {
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + "InternalError", "The secret of connection '" + arn + "' is not JSON");
    }
    return new Connection(arn, described.path("AuthorizationType").asText(), secret);
  }

  private JsonNode call(AwsService service, String action, JsonNode parameters, AwsCredentialsIdentity credentials,
      String region, String arn) throws HttpTaskFailure {
    AwsOperation operation = service.operation(action).orElseThrow();
    try {
      return aws.call(service, operation, parameters, credentials, region).body();
    } catch (AwsApiException e) {
      String kind = switch (e.code() == null ? "" : e.code()) {
        case "ResourceNotFoundException" -> "ResourceNotFound";
        case "AccessDeniedException", "AccessDenied" -> "AccessDenied";
        case "ConcurrentModificationException" -> "ConcurrentModification";
        default -> "InternalError";
      };
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + kind, "Connection '" + arn + "': " + e.getMessage());
    } catch (AwsEndpoints.MissingEndpointException e) {
      throw new HttpTaskFailure(ConnectionAuth.PREFIX + "InternalError", e.getMessage());
    }
  }
}
