package io.stepwise.integrations.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The requests both HTTP integrations build, before anything is sent. */
class HttpRequestsTest {
  @Test
  void apiGateway_buildsTheUrlFromHostStagePathAndQuery_andReadsTheRegionForSigning() throws Exception {
    var call = ApiGatewayRequests.of(Json.parse("""
        {"ApiEndpoint": "abc123.execute-api.eu-west-1.amazonaws.com", "Method": "get", "Stage": "prod",
         "Path": "bills/a b", "QueryParameters": {"billId": ["1", "2"]}, "AuthType": "IAM_ROLE"}"""), "us-east-1");
    assertEquals("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/bills/a%20b?billId=1&billId=2", call.request().url());
    assertEquals("GET", call.request().method());
    assertEquals("eu-west-1", call.signingRegion());
    assertEquals(ApiGatewayRequests.AuthType.IAM_ROLE, call.auth());
  }

  @Test
  void apiGateway_sendsABodyOnlyForPatchPostAndPut_keepingNullsOnlyWhenAllowed() throws Exception {
    String body = "\"RequestBody\": {\"a\": null, \"b\": [1, null]}";
    var get = ApiGatewayRequests.of(Json.parse("{\"ApiEndpoint\": \"h\", \"Method\": \"GET\", " + body + "}"), "r");
    assertNull(get.request().body());
    var post = ApiGatewayRequests.of(Json.parse("{\"ApiEndpoint\": \"h\", \"Method\": \"POST\", " + body + "}"), "r");
    assertEquals("{\"b\":[1,null]}", post.request().bodyText());
    var kept = ApiGatewayRequests.of(Json.parse("{\"ApiEndpoint\": \"h\", \"Method\": \"PUT\", \"AllowNullValues\": true, "
        + body + "}"), "r");
    assertEquals("{\"a\":null,\"b\":[1,null]}", kept.request().bodyText());
  }

  @Test
  void apiGateway_refusesHeadersWhoseValueIsNotAList() {
    assertEquals("Headers", ApiGatewayRequests.refusedField(Json.parse("{\"Headers\": {\"h\": \"v\"}}")));
    assertEquals("Headers", ApiGatewayRequests.refusedField(Json.parse("{\"Headers\": \"h: v\"}")));
    assertNull(ApiGatewayRequests.refusedField(Json.parse("{\"Headers\": {\"h\": [\"v\", \"w\"]}}")));
    assertNull(ApiGatewayRequests.refusedField(Json.parse("{\"Method\": \"GET\"}")));
  }

  @Test
  void apiGateway_refusesReservedHeadersAndUnknownMethods() {
    var header = assertThrows(HttpTaskFailure.class, () -> ApiGatewayRequests.of(Json.parse(
        "{\"ApiEndpoint\": \"h\", \"Method\": \"GET\", \"Headers\": {\"X-Amz-Date\": [\"x\"]}}"), "r"));
    assertEquals("States.Runtime", header.error());
    var method = assertThrows(HttpTaskFailure.class, () -> ApiGatewayRequests.of(Json.parse(
        "{\"ApiEndpoint\": \"h\", \"Method\": \"TRACE\"}"), "r"));
    assertEquals("The Method 'TRACE' is not one of GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS", method.cause());
  }

  @Test
  void https_mergesTheConnectionOverTheTask_andSetsStepFunctionsHeaders() throws Exception {
    var connection = new ConnectionParameters(Map.of("Header-Param", "connection"), Map.of("QueryParam", "connection"),
        Map.of("BodyParam", "connection"), Set.of(), Set.of(), Set.of());
    HttpRequest request = HttpsRequests.of(Json.parse("""
        {"ApiEndpoint": "https://example.com/path", "Method": "POST",
         "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/c/1"},
         "Headers": {"Request-Id": "my_request_id", "header-param": "task"},
         "QueryParameters": {"QueryParam": "task"},
         "RequestBody": {"Job": "Software Engineer", "BodyParam": "task"}}"""), connection, "us-east-2");
    assertEquals("https://example.com/path?QueryParam=connection", request.url());
    assertEquals("connection", request.header("Header-Param"));
    assertEquals("my_request_id", request.header("Request-Id"));
    assertEquals("Amazon|StepFunctions|HttpInvoke|us-east-2", request.header("User-Agent"));
    assertEquals("bytes=0-262144", request.header("Range"));
    assertEquals("application/json; charset=UTF-8", request.header("Content-Type"));
    assertEquals("{\"Job\":\"Software Engineer\",\"BodyParam\":\"connection\"}", request.bodyText());
  }

  @Test
  void https_refusesAStringBodyToMergeAndForbiddenHeadersAndPlainHttpElsewhere() {
    var connection = new ConnectionParameters(Map.of(), Map.of(), Map.of("k", "v"), Set.of(), Set.of(), Set.of());
    String arn = "\"Authentication\": {\"ConnectionArn\": \"arn\"}";
    var merge = assertThrows(HttpTaskFailure.class, () -> HttpsRequests.of(Json.parse(
        "{\"ApiEndpoint\": \"https://e.com\", \"Method\": \"POST\", \"RequestBody\": \"text\", " + arn + "}"), connection, "r"));
    assertEquals("States.Runtime", merge.error());
    var header = assertThrows(HttpTaskFailure.class, () -> HttpsRequests.of(Json.parse(
        "{\"ApiEndpoint\": \"https://e.com\", \"Method\": \"GET\", \"Headers\": {\"Authorization\": \"x\"}, " + arn + "}"),
        ConnectionParameters.NONE, "r"));
    assertEquals("The header 'Authorization' is not allowed in an HTTP request from a Task", header.cause());
    var plain = assertThrows(HttpTaskFailure.class, () -> HttpsRequests.of(Json.parse(
        "{\"ApiEndpoint\": \"http://e.com\", \"Method\": \"GET\", " + arn + "}"), ConnectionParameters.NONE, "r"));
    assertEquals("The ApiEndpoint must be an https:// URL, not 'http://e.com'", plain.cause());
  }

  @Test
  void urlEncoding_writesArraysInEachFormat_asTheDocumentationShows() {
    var body = Json.parse("{\"array\": [\"a\", \"b\", \"c\", \"d\"]}");
    assertEquals("array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c&array%5B3%5D=d",
        UrlEncoding.form(body, UrlEncoding.ArrayFormat.INDICES));
    assertEquals("array=a&array=b&array=c&array=d", UrlEncoding.form(body, UrlEncoding.ArrayFormat.REPEAT));
    assertEquals("array=a%2Cb%2Cc%2Cd", UrlEncoding.form(body, UrlEncoding.ArrayFormat.COMMAS));
    assertEquals("array%5B%5D=a&array%5B%5D=b&array%5B%5D=c&array%5B%5D=d",
        UrlEncoding.form(body, UrlEncoding.ArrayFormat.BRACKETS));
    assertEquals("description=Monthly%20subscription&metadata%5Border_details%5D=monthly%20report%20data",
        UrlEncoding.form(Json.parse("{\"description\": \"Monthly subscription\", "
            + "\"metadata\": {\"order_details\": \"monthly report data\"}}"), UrlEncoding.ArrayFormat.INDICES));
  }

  @Test
  void results_parseJsonBodies_andNameNon2xxAsEachIntegrationDoes() throws Exception {
    var ok = new HttpResults.Response(200, "OK", Map.of("Content-Type", List.of("application/json")),
        "{\"myBills\": []}".getBytes(StandardCharsets.UTF_8));
    assertEquals(Json.parse("{\"Headers\": {\"Content-Type\": [\"application/json\"]}, \"ResponseBody\": {\"myBills\": []},"
        + " \"StatusCode\": 200, \"StatusText\": \"OK\"}"), HttpResults.result(HttpResults.Style.API_GATEWAY, ok));
    var denied = new HttpResults.Response(403, null, Map.of(), "{\"message\":\"Missing Authentication Token\"}"
        .getBytes(StandardCharsets.UTF_8));
    var api = assertThrows(HttpTaskFailure.class, () -> HttpResults.result(HttpResults.Style.API_GATEWAY, denied));
    assertEquals("ApiGateway.403", api.error());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", api.cause());
    var https = assertThrows(HttpTaskFailure.class, () -> HttpResults.result(HttpResults.Style.HTTPS, denied));
    assertEquals("States.Http.StatusCode.403", https.error());
    assertEquals("Forbidden", https.cause());
    var image = new HttpResults.Response(200, "OK", Map.of("Content-Type", List.of("image/png")), new byte[] {1});
    assertEquals("States.Runtime",
        assertThrows(HttpTaskFailure.class, () -> HttpResults.result(HttpResults.Style.HTTPS, image)).error());
  }

  @Test
  void connectionSecrets_becomeHeadersAndParameters_markedSecretWhereTheyAre() throws Exception {
    var apiKey = ConnectionAuth.parameters("API_KEY", Json.parse("""
        {"api_key_name": "x-api-key", "api_key_value": "k",
         "invocation_http_parameters": {"header_parameters": [{"key": "h", "value": "v", "is_value_secret": true}],
           "query_string_parameters": [{"key": "q", "value": "1"}]}}"""));
    assertEquals(Map.of("x-api-key", "k", "h", "v"), apiKey.headers());
    assertEquals(Set.of("x-api-key", "h"), apiKey.secretHeaders());
    assertEquals(Map.of("q", "1"), apiKey.query());
    var basic = ConnectionAuth.parameters("BASIC", Json.parse("{\"username\": \"u\", \"password\": \"p\"}"));
    assertEquals("Basic dTpw", basic.headers().get("Authorization"));
    var missing = assertThrows(HttpTaskFailure.class, () -> ConnectionAuth.parameters("BASIC", Json.parse("{}")));
    assertEquals("Events.ConnectionResource.InvalidConnectionState", missing.error());
  }
}
