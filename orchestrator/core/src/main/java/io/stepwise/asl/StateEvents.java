package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;

/**
 * What a state's entered and exited events take from the state alone: their types
 * ({@code PassStateEntered}) and details ({@code {"name":"P0","inputDetails":{"truncated":false}}}),
 * built and printed once when the state is parsed and shared by every entry into it (event
 * details are never changed once written).
 *
 * @param enteredText {@code enteredDetails} as JSON text
 * @param exitedText {@code exitedDetails} as JSON text
 */
public record StateEvents(
    String enteredType, JsonNode enteredDetails, String enteredText,
    String exitedType, JsonNode exitedDetails, String exitedText) {

  public static StateEvents of(String name, String type) {
    ObjectNode entered = details(name, "inputDetails");
    ObjectNode exited = details(name, "outputDetails");
    return new StateEvents(type + "StateEntered", entered, JsonText.print(entered),
        type + "StateExited", exited, JsonText.print(exited));
  }

  private static ObjectNode details(String name, String truncationField) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set(truncationField, Json.object().put("truncated", false));
    return d;
  }
}
