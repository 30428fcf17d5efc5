package io.stepwise.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private final JsonNode doc = Json.parse("""
      {"store": {"book": [
         {"title": "A", "price": 8, "tags": ["x"]},
         {"title": "B", "price": 12},
         {"title": "C", "price": 5, "isbn": "1"}]},
       "a b": 1, "n": null}""");

  @Test
  void definitePath_findsOneNode() {
    assertEquals(Json.text("B"), JsonPath.compile("$.store.book[1].title").find(doc));
    assertEquals(Json.text("C"), JsonPath.compile("$['store']['book'][-1]['title']").find(doc));
    assertEquals(1, JsonPath.compile("$['a b']").find(doc).asInt());
  }

  @Test
  void dotBeforeABracket_readsAsTheBracket_asJaywayAndAwsRead() {
    JsonNode items = Json.parse("[{\"body\": \"string body\"}]");
    assertEquals(Json.text("string body"), JsonPath.compile("$.[0].body").find(items));
    assertEquals(JsonPath.compile("$[0]").find(items), JsonPath.compile("$.[0]").find(items));
    assertTrue(JsonPath.compile("$.[0].body").isReferencePath());
  }

  @Test
  void definitePath_missing_isNull_butJsonNullIsFound() {
    assertNull(JsonPath.compile("$.store.nothing").find(doc));
    assertNull(JsonPath.compile("$.store.book[7]").find(doc));
    assertTrue(JsonPath.compile("$.n").find(doc).isNull());
  }

  @Test
  void wildcardAndDeepScan_returnArrays() {
    assertEquals(Json.parse("[\"A\",\"B\",\"C\"]"), JsonPath.compile("$.store.book[*].title").find(doc));
    assertEquals(Json.parse("[8,12,5]"), JsonPath.compile("$..price").find(doc));
    assertEquals(Json.parse("[]"), JsonPath.compile("$.store.book[*].nothing").find(doc));
  }

  @Test
  void filters_compareAndTestExistence() {
    assertEquals(Json.parse("[\"A\",\"C\"]"), JsonPath.compile("$.store.book[?(@.price < 10)].title").find(doc));
    assertEquals(Json.parse("[\"C\"]"), JsonPath.compile("$.store.book[?(@.isbn)].title").find(doc));
    assertEquals(Json.parse("[\"B\"]"), JsonPath.compile("$.store.book[?(@.title == 'B' || @.price > 100)].title").find(doc));
  }

  @Test
  void slicesAndUnions_selectInOrder() {
    assertEquals(Json.parse("[\"A\",\"B\"]"), JsonPath.compile("$.store.book[0:2].title").find(doc));
    assertEquals(Json.parse("[\"C\",\"A\"]"), JsonPath.compile("$.store.book[2,0].title").find(doc));
  }

  /** AWS's console (gist deric4/733eb129...): {@code $['a', 'b']} merges, {@code $['a', 'b'].v} fails. */
  @Test
  void multiProperty_mergesAtTheLeaf_andFailsBeforeIt_asJayway() {
    JsonNode abc = Json.parse("{\"a\": {\"v\": 1}, \"b\": {\"v\": 2}, \"c\": {\"v\": 3}}");
    assertEquals(Json.parse("{\"a\": {\"v\": 1}, \"b\": {\"v\": 2}}"), JsonPath.compile("$['a', 'b']").find(abc));
    assertEquals(Json.parse("{\"a\": {\"v\": 1}}"), JsonPath.compile("$['a','x']").find(abc), "absent ones are left out");
    assertEquals("$['a','b']", JsonPath.compile("$['a', 'b']").canonical());
    assertNull(JsonPath.compile("$['a', 'b'].v").find(abc));
    assertEquals("Multi properties can only be used as path leafs: $['a', 'b']",
        JsonPath.compile("$['a', 'b'].v").notFoundCause(abc));
    assertFalse(JsonPath.compile("$['a', 'b']").isReferencePath());
    assertEquals(Json.parse("[{\"title\": \"C\", \"isbn\": \"1\"}]"),
        JsonPath.compile("$.store.book[?(@.price < 6)]['title','isbn']").find(doc));
  }

  @Test
  void set_copiesOnlyAlongThePath_andCreatesObjects() {
    JsonNode input = Json.parse("{\"a\": {\"keep\": 1}, \"b\": [1,2]}");
    JsonNode out = JsonPath.compile("$.a.new.deep").set(input, Json.text("v"));
    assertEquals(Json.parse("{\"a\": {\"keep\": 1, \"new\": {\"deep\": \"v\"}}, \"b\": [1,2]}"), out);
    assertEquals(Json.parse("{\"a\": {\"keep\": 1}, \"b\": [1,2]}"), input, "input is never mutated");
    assertTrue(out.get("b") == input.get("b"), "untouched branches are shared");
  }

  /**
   * AWS's name, not the spec's States.ResultPathMatchFailure: {"error": "States.ReferencePathConflict",
   * "cause": "Unable to apply ReferencePath $.someTaskResult to input \"input1\""}
   * (https://qiita.com/tsubasaogawa/items/4fe341bdb6ae7d2fd8ee), and
   * 'States.ReferencePathConflict: Unable to apply step "aggregatedResult" to input [...]' for a
   * ResultPath after a Parallel's array, in deployments' notes.
   */
  @Test
  void set_intoAScalar_failsWithReferencePathConflict() {
    StatesError e = assertThrows(StatesError.class,
        () -> JsonPath.compile("$.a.b").set(Json.parse("{\"a\": 3}"), Json.text("v")));
    assertEquals("States.ReferencePathConflict", e.error());
    assertEquals("Unable to apply step \"b\" to input 3", e.cause());
    StatesError intoArray = assertThrows(StatesError.class,
        () -> JsonPath.compile("$.aggregatedResult").set(Json.parse("[1, 2]"), Json.text("v")));
    assertEquals("States.ReferencePathConflict", intoArray.error());
    assertEquals("Unable to apply step \"aggregatedResult\" to input [1,2]", intoArray.cause());
  }

  @Test
  void canonical_isJaywayBracketForm() {
    assertEquals("$['a']['b'][0]", JsonPath.compile("$.a.b[0]").canonical());
  }

  @Test
  void notFoundCause_namesTheMissingInnerProperty_asJayway() {
    assertEquals("Missing property in path $['no']", JsonPath.compile("$.no.such.path").notFoundCause(doc));
    assertEquals("Missing property in path $['store']['shelf']",
        JsonPath.compile("$.store.shelf.top").notFoundCause(doc));
    // A missing last step, a match or an index out of bounds is "No results" instead.
    assertNull(JsonPath.compile("$.store.shelf").notFoundCause(doc));
    assertNull(JsonPath.compile("$.store.book").notFoundCause(doc));
    assertNull(JsonPath.compile("$.store.book[7].title").notFoundCause(doc));
    // A property on null or a scalar: Jayway's text names its provider's classes, which no recording shows.
    assertNull(JsonPath.compile("$.n.x.y").notFoundCause(doc));
    assertNull(JsonPath.compile("$['a b'].x").notFoundCause(doc));
  }

  @Test
  void notFoundCause_indexOnANonArray_asJaywayArrayPathToken() {
    assertEquals("The path $['n'] is null", JsonPath.compile("$.n[0]").notFoundCause(doc));
    assertEquals("Filter: [0]['x'] can only be applied to arrays. Current context is: 8",
        JsonPath.compile("$.store.book[0].price[0]['x']").notFoundCause(doc));
    assertEquals("Filter: [-1] can only be applied to arrays. Current context is: 1",
        JsonPath.compile("$['a b'][-1]").notFoundCause(doc));
    assertEquals("Filter: [0] can only be applied to arrays. Current context is: A",
        JsonPath.compile("$.store.book[0].title[0]").notFoundCause(doc));
    // An object prints as json-smart's model does, a Java map (checked against Jayway in JsonPathVsJaywayTest).
    assertEquals("Filter: [1]['t'] can only be applied to arrays. Current context is: {title=B, price=12}",
        JsonPath.compile("$.store.book[1][1].t").notFoundCause(doc));
  }

  /** Jayway's word operators and regex match, which Step Functions accepts in full paths. */
  @Test
  void filters_jaywayWordOperatorsAndRegex() {
    String[][] cases = {
        {"@.title in ['A','C']", "A,C"}, {"@.title nin ['A','C']", "B"}, {"@.price in [8, 5.0]", "A,C"},
        {"@.tags contains 'x'", "A"}, {"@.tags size 1", "A"}, {"@.tags empty false", "A"},
        {"@.tags subsetof ['x','y']", "A"}, {"@.tags anyof ['x']", "A"}, {"@.tags noneof ['x']", ""},
        {"@.title =~ /[bc]/i", "B,C"}, {"@.title =~ /[bc]/", ""}, {"@.title =~ /a b|A/", "A"},
        // functions compile but, as at the end of a path, find nothing
        {"@.tags.length() > 0", ""}, {"@.tags.length()", ""}, {"!@.tags.length()", "A,B,C"}};
    for (String[] c : cases) {
      JsonNode found = JsonPath.compile("$.store.book[?(" + c[0] + ")].title").find(doc);
      assertEquals(c[1], joined(found), c[0]);
    }
    assertFalse(JsonPath.isValid("$.store.book[?(@.title =~ /x/q)]"));
  }

  private static String joined(JsonNode texts) {
    StringBuilder out = new StringBuilder();
    for (JsonNode t : texts) out.append(out.length() > 0 ? "," : "").append(t.asText());
    return out.toString();
  }

  @Test
  void readableReferencePaths_holdPlainFiltersOnly() {
    assertTrue(JsonPath.compile("$.jar[?(@.a >= 5)]").isReadableReferencePath());
    assertFalse(JsonPath.compile("$.jar[?(@.a >= 5)]").isReferencePath());
    assertTrue(JsonPath.compile("$.a[0].b").isReadableReferencePath());
    for (String path : new String[] {"$.a[*]", "$..a", "$.a[0:1]", "$.a[?(@.x in [1])]", "$.a[?(@.x == $.y)]"}) {
      assertFalse(JsonPath.compile(path).isReadableReferencePath(), path);
    }
  }

  /** AWS accepts {@code $.Jobs.sum()} in a definition and fails the state: "could not be found in the input". */
  @Test
  void jaywayFunctions_compile_butFindNothing() {
    for (String path : new String[] {"$.store.book.length()", "$..price.sum()", "$.length()"}) {
      JsonPath compiled = JsonPath.compile(path);
      assertNull(compiled.find(doc), path);
      assertFalse(compiled.isReferencePath(), path);
    }
    assertFalse(JsonPath.isValid("$.store.length().x"));
  }

  @Test
  void malformedPaths_areRejected() {
    assertFalse(JsonPath.isValid("a.b"));
    assertFalse(JsonPath.isValid("$.a["));
    assertFalse(JsonPath.isValid("$.a[?(@.x ==)]"));
    assertFalse(JsonPath.isValid("$.."));
  }

  @Test
  void quotedNames_keepBackslashesExceptBeforeTheQuote() {
    JsonNode input = Json.parse("{\"Test\\\\\\\"\\\"Name\\\"\": 1, \"it's\": 2}");
    assertEquals(1, JsonPath.compile("$['Test\\\"\"Name\"']").find(input).asInt());
    assertEquals(2, JsonPath.compile("$['it\\'s']").find(input).asInt());
  }
}
