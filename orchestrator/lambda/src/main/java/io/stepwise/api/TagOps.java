package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.Activities;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.DocumentStore;
import io.stepwise.runtime.StateMachineStore;
import java.util.Iterator;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsForResource on state machines and activities (AWS tags
 * neither versions nor aliases), and the tags given at create time. A resource's tags are one
 * document, in the order they were first set.
 */
final class TagOps {
  static final int MAX_TAGS = 50;
  private static final String TAGS = "TAGS";

  private final DocumentStore documents;
  private final StateMachineStore machines;
  private final Activities activities;

  TagOps(DocumentStore documents, StateMachineStore machines, Activities activities) {
    this.documents = documents;
    this.machines = machines;
    this.activities = activities;
  }

  JsonNode tag(Request request) {
    String arn = existing(request.required("resourceArn"));
    ObjectNode tags = tagsOf(arn);
    merge(tags, request.body().get("tags"));
    documents.put(TAGS, arn, Json.object().set("tags", tags));
    return Json.object();
  }

  JsonNode untag(Request request) {
    String arn = existing(request.required("resourceArn"));
    JsonNode keys = request.body().get("tagKeys");
    if (keys == null || !keys.isArray()) {
      throw ApiErrors.validation("Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    }
    ObjectNode tags = tagsOf(arn);
    for (JsonNode key : keys) tags.remove(key.asText());
    documents.put(TAGS, arn, Json.object().set("tags", tags));
    return Json.object();
  }

  JsonNode list(Request request) {
    String arn = existing(request.required("resourceArn"));
    ArrayNode list = Json.array();
    for (Iterator<Map.Entry<String, JsonNode>> it = tagsOf(arn).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> tag = it.next();
      list.add(Json.object().put("key", tag.getKey()).put("value", tag.getValue().asText()));
    }
    ObjectNode response = Json.object();
    response.set("tags", list);
    return response;
  }

  /** Tags given to CreateStateMachine or CreateActivity, checked before the resource is created. */
  ObjectNode checked(JsonNode tags) {
    ObjectNode merged = Json.object();
    merge(merged, tags);
    return merged;
  }

  void putAtCreate(String arn, ObjectNode tags) {
    if (!tags.isEmpty()) documents.put(TAGS, arn, Json.object().set("tags", tags));
  }

  /** A deleted resource's tags go with it. */
  void deleteAll(String arn) {
    documents.delete(TAGS, arn);
  }

  private ObjectNode tagsOf(String arn) {
    JsonNode tags = documents.get(TAGS, arn).map(doc -> doc.get("tags")).orElse(null);
    return tags instanceof ObjectNode object ? object : Json.object();
  }

  private static void merge(ObjectNode tags, JsonNode given) {
    if (given == null || given.isNull()) return;
    if (!given.isArray()) throw new ApiException("SerializationException", "Member 'tags' must be a list");
    for (JsonNode tag : given) {
      String key = tag.path("key").asText("");
      String value = tag.path("value").asText("");
      if (key.isEmpty() || key.length() > 128) {
        throw ApiErrors.validation("Value '" + key + "' at 'tags.member.key' failed to satisfy constraint: "
            + "Member must have length between 1 and 128");
      }
      if (value.length() > 256) {
        throw ApiErrors.validation("Value '" + value + "' at 'tags.member.value' failed to satisfy constraint: "
            + "Member must have length less than or equal to 256");
      }
      tags.put(key, value);
    }
    if (tags.size() > MAX_TAGS) {
      throw new ApiException("TooManyTags", "Too many tags: a resource can have at most " + MAX_TAGS + " tags");
    }
  }

  private String existing(String arn) {
    boolean exists = Arns.isMachine(arn) ? machines.latest(arn).isPresent()
        : arn.contains(":activity:") && activities.describe(arn).isPresent();
    if (!exists) throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    return arn;
  }
}
