package io.stepwise.local.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/** EventBridge's pattern rules, as its user guide gives them, on one order event. */
class EventPatternTest {
  private static final JsonNode EVENT = Json.parse("{\"version\": \"0\", \"source\": \"shop.orders\","
      + " \"detail-type\": \"OrderPlaced\", \"resources\": [\"arn:a\", \"arn:b\"],"
      + " \"detail\": {\"total\": 120.5, \"currency\": \"EUR\", \"tags\": [\"gift\", \"rush\"], \"note\": null,"
      + " \"customer\": {\"tier\": \"gold\", \"email\": \"Ann@Example.com\"}}}");

  private static boolean matches(String pattern) {
    return EventPattern.matches(Json.parse(pattern), EVENT);
  }

  @Test
  void literalsMatchAnyOfTheirAlternatives_andEveryFieldMustMatch() {
    assertTrue(matches("{\"source\": [\"shop.orders\", \"shop.returns\"]}"));
    assertTrue(matches("{\"source\": [\"shop.orders\"], \"detail-type\": [\"OrderPlaced\"]}"));
    assertFalse(matches("{\"source\": [\"shop.orders\"], \"detail-type\": [\"OrderShipped\"]}"));
    assertFalse(matches("{\"source\": [\"shop\"]}"));
  }

  @Test
  void nestedFieldsArraysNullsAndNumbers() {
    assertTrue(matches("{\"detail\": {\"customer\": {\"tier\": [\"gold\"]}}}"));
    assertTrue(matches("{\"detail\": {\"tags\": [\"rush\"]}}"), "an array matches when one element does");
    assertTrue(matches("{\"detail\": {\"note\": [null]}}"));
    assertTrue(matches("{\"detail\": {\"total\": [120.50]}}"), "numbers compare by value");
    assertFalse(matches("{\"detail\": {\"missing\": [\"x\"]}}"));
  }

  @Test
  void contentFilters() {
    assertTrue(matches("{\"detail\": {\"currency\": [{\"prefix\": \"EU\"}]}}"));
    assertTrue(matches("{\"detail\": {\"currency\": [{\"suffix\": \"UR\"}]}}"));
    assertTrue(matches("{\"detail\": {\"customer\": {\"email\": [{\"equals-ignore-case\": \"ann@example.com\"}]}}}"));
    assertTrue(matches("{\"detail\": {\"customer\": {\"email\": [{\"wildcard\": \"*@Example.*\"}]}}}"));
    assertFalse(matches("{\"detail\": {\"customer\": {\"email\": [{\"wildcard\": \"*@example.*\"}]}}}"));
    assertTrue(matches("{\"detail\": {\"currency\": [{\"anything-but\": [\"USD\", \"GBP\"]}]}}"));
    assertFalse(matches("{\"detail\": {\"currency\": [{\"anything-but\": \"EUR\"}]}}"));
    assertTrue(matches("{\"detail\": {\"currency\": [{\"anything-but\": {\"prefix\": \"US\"}}]}}"));
    assertTrue(matches("{\"detail\": {\"total\": [{\"numeric\": [\">\", 100, \"<=\", 200]}]}}"));
    assertFalse(matches("{\"detail\": {\"total\": [{\"numeric\": [\"<\", 100]}]}}"));
    assertTrue(matches("{\"detail\": {\"coupon\": [{\"exists\": false}], \"currency\": [{\"exists\": true}]}}"));
    assertFalse(matches("{\"detail\": {\"currency\": [{\"exists\": false}]}}"));
  }

  @Test
  void orTakesAnyOfItsPatterns() {
    assertTrue(matches("{\"$or\": [{\"source\": [\"nope\"]}, {\"detail\": {\"currency\": [\"EUR\"]}}]}"));
    assertFalse(matches("{\"$or\": [{\"source\": [\"nope\"]}, {\"detail\": {\"currency\": [\"USD\"]}}]}"));
  }
}
