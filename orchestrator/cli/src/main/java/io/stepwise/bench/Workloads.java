package io.stepwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/** The benchmark's state machines and its 1 KB input document. */
final class Workloads {
  private Workloads() {}

  /** About 1 KB of JSON: an order with customer, lines and tags, parsed as an input would be. */
  static JsonNode oneKilobyteDocument() {
    return Json.parse(Json.write(built()));
  }

  private static JsonNode built() {
    ObjectNode doc = Json.object();
    doc.put("orderId", "ord-0001-2026-11-25");
    doc.put("i", 0);
    ObjectNode customer = doc.putObject("customer");
    customer.put("id", "cust-42").put("name", "Ada Lovelace").put("email", "ada@example.com").put("tier", "gold");
    ArrayNode lines = doc.putArray("lines");
    for (int i = 0; i < 8; i++) {
      lines.addObject().put("sku", "SKU-" + (1000 + i)).put("qty", i + 1).put("price", 9.99 + i).put("note", "line item " + i);
    }
    ArrayNode tags = doc.putArray("tags");
    for (String tag : new String[] {"express", "gift", "fragile", "priority"}) tags.add(tag);
    doc.put("comment", "x".repeat(200));
    return doc;
  }

  /** {@code n} Pass states in a chain, each with Parameters and a ResultPath. */
  static String passChain(int n) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < n; i++) {
      states.append(i == 0 ? "" : ",").append('"').append("P").append(i).append("\": {\"Type\": \"Pass\",")
          .append("\"Parameters\": {\"customer.$\": \"$.customer\", \"first.$\": \"$.lines[0]\", \"step\": ").append(i).append("},")
          .append("\"ResultPath\": \"$.last\",")
          .append(i == n - 1 ? "\"End\": true}" : "\"Next\": \"P" + (i + 1) + "\"}");
    }
    return "{\"StartAt\": \"P0\", \"States\": {" + states + "}}";
  }

  /** A loop of {@code rounds} Choice decisions over several rules, counting with a Pass state. */
  static String choiceLoop(int rounds) {
    return """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [
              {"Variable": "$.customer.tier", "StringEquals": "platinum", "Next": "Done"},
              {"And": [{"Variable": "$.lines[0].qty", "NumericGreaterThan": 100},
                       {"Variable": "$.tags[0]", "StringMatches": "ex*"}], "Next": "Done"},
              {"Not": {"Variable": "$.i", "NumericLessThan": %d}, "Next": "Done"},
              {"Variable": "$.customer.email", "IsPresent": true, "Next": "Count"}],
            "Default": "Done"},
          "Count": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "ResultPath": "$.counter", "OutputPath": "$.counter", "Next": "Restore"},
          "Restore": {"Type": "Pass", "Parameters": {"customer": {"tier": "gold", "email": "a@b.c"}, "lines": [{"qty": 1}], "tags": ["express"], "i.$": "$.i"}, "Next": "Check"},
          "Done": {"Type": "Succeed"}}}""".formatted(rounds);
  }

  /** {@code n} Pass states whose Parameters call several intrinsic functions. */
  static String intrinsicChain(int n) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < n; i++) {
      states.append(i == 0 ? "" : ",").append('"').append("I").append(i).append("\": {\"Type\": \"Pass\",")
          .append("\"Parameters\": {")
          .append("\"greeting.$\": \"States.Format('Hello {} of tier {}', $.customer.name, $.customer.tier)\",")
          .append("\"parts.$\": \"States.StringSplit($.orderId, '-')\",")
          .append("\"sum.$\": \"States.MathAdd($.lines[0].qty, ").append(i).append(")\",")
          .append("\"tags.$\": \"States.ArrayLength($.tags)\",")
          .append("\"json.$\": \"States.JsonToString($.customer)\"},")
          .append("\"ResultPath\": \"$.derived\",")
          .append(i == n - 1 ? "\"End\": true}" : "\"Next\": \"I" + (i + 1) + "\"}");
    }
    return "{\"StartAt\": \"I0\", \"States\": {" + states + "}}";
  }

  /**
   * {@code n} JSONata Pass states, each reading the document through paths, a filter, string
   * functions and an aggregate: the evaluator's everyday work.
   */
  static String jsonataChain(int n) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < n; i++) {
      states.append(i == 0 ? "" : ",").append('"').append("J").append(i).append("\": {\"Type\": \"Pass\",")
          .append("\"Output\": \"{% $merge([$states.input, {'derived': {")
          .append("'greeting': 'Hello ' & $states.input.customer.name & ' of tier ' & $states.input.customer.tier,")
          .append("'parts': $split($states.input.orderId, '-'),")
          .append("'big': $count($states.input.lines[qty > 1]) + ").append(i).append(",")
          .append("'total': $sum($states.input.lines.qty),")
          .append("'tags': $join($states.input.tags, ',')}}]) %}\",")
          .append(i == n - 1 ? "\"End\": true}" : "\"Next\": \"J" + (i + 1) + "\"}");
    }
    return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"J0\", \"States\": {" + states + "}}";
  }
}
