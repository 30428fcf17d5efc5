package io.stepwise.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code SdkHttpMetadata} as Step Functions' Java SDK v1 clients show a response in an optimized
 * integration's result: every header's values in AllHttpHeaders, its first in HttpHeaders (AWS's
 * recordings of lambda:invoke, sqs:sendMessage and states:startExecution).
 */
public final class SdkHttpMetadata {
  private SdkHttpMetadata() {}

  /** @param naming how a header's name is shown */
  public static ObjectNode of(int status, Map<String, List<String>> headers, UnaryOperator<String> naming) {
    ObjectNode http = Json.object();
    ObjectNode all = http.putObject("AllHttpHeaders");
    ObjectNode single = http.putObject("HttpHeaders");
    headers.forEach((name, values) -> {
      if (name == null || values == null || values.isEmpty()) return;
      String shown = naming.apply(name);
      ArrayNode list = all.putArray(shown);
      values.forEach(list::add);
      single.put(shown, values.get(0));
    });
    http.put("HttpStatusCode", status);
    return http;
  }
}
