package io.stepwise.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stepwise's JSONPath against Jayway JsonPath, the library Step Functions evaluates JSONPath
 * with: every path of the corpus over every document must find what Jayway finds (the same
 * node, the same matches in the same order, or nothing where Jayway stops the path, with the
 * cause Jayway gives). Functions ending a path are left out: AWS finds nothing there where Jayway
 * computes (JsonPathTest). Jayway 2.3 to 3.0 agree on this corpus, but for the word operators
 * {@code anyof}, {@code noneof} and {@code subsetof}, which 2.3 lacks.
 */
class JsonPathVsJaywayTest {
  // Jayway's default JSON provider (json-smart): its texts are those AWS's causes quote
  // ("Current context is: abc" for a string), and an index past the end finds nothing with it.
  private static final Configuration JAYWAY = Configuration.defaultConfiguration();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> DOCUMENTS = List.of(
      """
      {"store": {"book": [
         {"title": "A", "price": 8, "tags": ["x", "y"], "meta": {"pages": 100}},
         {"title": "B", "price": 12.5, "tags": [], "meta": null},
         {"title": "C", "price": 5, "isbn": "1", "meta": {"pages": 300}},
         {"title": "D", "price": 20, "isbn": null, "available": true}],
       "bicycle": {"color": "red", "price": 19.95}},
       "a b": 1, "n": null, "zero": 0, "t": true, "f": false, "s": "text", "limit": 10,
       "nums": [3, 1, 4, 1, 5, 9, 2, 6], "nested": [[1, 2], [3, [4, 5]], []],
       "mixed": [1, "1", true, null, {"k": 1}, [1]], "empty": {}, "list": []}""",
      """
      [{"id": 1, "body": "one", "attrs": {"kind": "a"}},
       {"id": 2, "body": "two", "attrs": {"kind": "b"}},
       {"id": 3, "attrs": {"kind": "a", "deep": {"id": 30}}}]""",
      "[]",
      "{}",
      """
      {"ref": "a", "flag": true, "items": [
         {"v": false}, {"v": true}, {"v": null}, {"v": 0}, {"v": 1}, {"v": 1.0}, {"v": ""}, {"v": "a"},
         {"v": "abc"}, {"v": "1"}, {"v": []}, {"v": [1]}, {"v": {}}, {"v": {"w": 2}}, {}, {"w": 1}]}""");

  private static final List<String> PATHS = List.of(
      "$", "$.store", "$.store.book", "$.store.book[0]", "$.store.book[0].title", "$.store.book[-1].title",
      "$.store.book[3].isbn", "$.store.book[9]", "$.store.book[9].title", "$.nothing", "$.nothing.deeper",
      "$.n", "$.n.x", "$.s.x", "$.s[0]", "$.nums[0].x", "$['a b']", "$['store']['bicycle']['color']",
      "$.store['bicycle'].price", "$[0]", "$[-1]", "$[0].body", "$.[0].body", "$.[1]", "$[5]", "$[0]['attrs']['kind']",
      "$.zero", "$.t", "$.f", "$.empty", "$.list", "$.list[0]", "$.nested[1][1][0]", "$.nested[2][0]",
      // wildcards and deep scan
      "$.*", "$[*]", "$.store.*", "$.store.book[*]", "$.store.book[*].title", "$.store.book[*].isbn",
      "$.store.book[*].meta.pages", "$.store.book.*.price", "$..price", "$..title", "$..id", "$..kind", "$..[0]",
      "$..book[1]", "$..book[-1].title", "$.nested[*][*]", "$.nested..[0]", "$..nothing", "$.store..color", "$..*",
      "$[*].body", "$[*].attrs.kind", "$.list[*]", "$.empty.*", "$.mixed[*]", "$.mixed[*].k",
      // unions and slices
      "$.store.book[0,2].title", "$.store.book[2,0].title", "$.store.book[0,9].title", "$['s','t']", "$['s','nothing']",
      "$.store.book[0]['title','price']", "$.store.book[*]['title','isbn']", "$.nums[0:2]", "$.nums[1:]", "$.nums[:3]",
      "$.nums[-2:]", "$.nums[:-2]", "$.nums[1:-1]", "$.nums[-3:-1]", "$.nums[-3:5]", "$.nums[-20:]", "$.nums[:-20]", "$.nums[:20]", "$.nums[2:2]", "$.nums[5:100]", "$.nums[-100:2]", "$.nums[3:1]", "$[1:]", "$[0:1].id",
      // filters
      "$.store.book[?(@.price < 10)].title", "$.store.book[?(@.price <= 12.5)].title", "$.store.book[?(@.price > 10)]",
      "$.store.book[?(@.price >= 20)].title", "$.store.book[?(@.price == 8)].title", "$.store.book[?(@.price != 8)].title",
      "$.store.book[?(@.title == 'B')].price", "$.store.book[?(@.title == \"C\")].price", "$.store.book[?(@.isbn)].title",
      "$.store.book[?(@.isbn == null)].title", "$.store.book[?(@.available == true)].title",
      "$.store.book[?(@.meta.pages > 150)].title", "$.store.book[?(@.price < 10 && @.isbn)].title",
      "$.store.book[?(@.price > 15 || @.title == 'A')].title", "$.store.book[?(@.price < $.limit)].title",
      "$.store.book[?(@.title in ['A', 'C'])].price", "$.store.book[?(@.title nin ['A', 'C'])].price",
      "$.store.book[?(@.tags contains 'x')].title", "$.store.book[?(@.tags size 2)].title",
      "$.store.book[?(@.tags empty true)].title", "$.store.book[?(@.title =~ /[AB]/)].title",
      "$.store.book[?(@.title =~ /a/i)].title", "$.store.book[?(@.tags anyof ['y', 'z'])].title",
      "$.store.book[?(@.tags subsetof ['x', 'y', 'z'])].title", "$.store.book[?(@.tags noneof ['x'])].title",
      "$.nums[?(@ > 3)]", "$.nums[?(@ == 1)]", "$.mixed[?(@ == 1)]", "$.mixed[?(@ == '1')]", "$.mixed[?(@.k)]",
      "$[?(@.attrs.kind == 'a')].id", "$[?(@.body)].id", "$[?(@.id > 1)].body", "$..[?(@.id == 30)]",
      "$..book[?(@.price > 10)].title", "$.store.book[?(@.price > 10)].meta.pages", "$.store.book[?(@.nothing > 1)]",
      "$.store.bicycle[?(@.color == 'red')]", "$.store.bicycle[?(@.color == 'blue')]", "$.s[?(@ == 'text')]",
      "$.n[?(@.x)]", "$.s.*", "$.s[*]", "$.n[*]", "$.zero[*]", "$.store[0,1]", "$.s[0,1]", "$.n[0:1]", "$.s[:1]",
      "$.missing[*]", "$.missing..x", "$.missing[?(@.x)]", "$.missing[0,1]", "$.store.missing[*].x", "$.list[3][*]",
      "$.list[3].x[*]", "$.nums[9].x", "$.nums[0][*]", "$.nums[-9][*]", "$.store.book[0].tags[*]", "$.store.book[1].meta[*]",
      "$.mixed[?(@ != 1)]", "$.mixed[?(1 == @)]", "$.mixed[?('1' == @)]", "$.mixed[?(@ < 2)]", "$.mixed[?(@ == true)]",
      "$.store.book[?(@.price == '8')].title", "$.store.book[?('8' == @.price)].title", "$.store.book[?(@.price == '8.0')].title",
      "$.store.book[?(@.price == 8.0)].title", "$.store.book[?(@.title == 'A' && @.price == '8')].title",
      "$.store[0][*]", "$.store[0].x[*]",  "$.store.book[1][1].t", "$.store.book[0].price[0]['x']",
      // forms at the edge of the syntax
      "$.", "$..", "$[", "$['a", "$.a b", "$.a.", "$.*.*", "$[\"s\"]", "$['s']['x']", "$.nums[0:]", "$.nums[::2]",
      "$.nums[0,]", "$.1", "$.a-b", "$.a$b", "$.store.book[?(@.title=='A')].price", "$..['title','price']",
      "$.nested[*][0]", "$.store.book[?(@.price>10)]", "$[?(@)]", "$.store.book[?(@.title == 'A']", "$.nums[ 1 ]",
      "$['store'].book[0]['title']", "$.store.book[0]. title", "$.store..book..title", "$.*[0]", "$.@", "$.a[?]",
      "$.store.book[?(@.price > 10 && @.price < 20)].title", "$.store.book[?(@.tags[0] == 'x')].title",
      "$.store.book[?(@['title'] == 'B')].price", "$.store.book[?(@.meta.pages)].title",
      "$.items[?(@.v)]", "$.items[?(!@.v)]", "$.items[?(@.v == false)]", "$.items[?(@.v == true)]",
      "$.items[?(@.v == null)]", "$.items[?(@.v != 'a')]", "$.items[?(@.v > 'a')]", "$.items[?(@.v >= 0)]",
      "$.items[?(@.v =~ /a.*/)]", "$.items[?(@.v =~ /b/)]", "$.items[?(@.v in [1, 'a'])]", "$.items[?(@.v size 0)]",
      "$.items[?(@.v size 3)]", "$.items[?(@.v.w > 1)]", "$.items[?(@.v == 1.0)]",
      "$.items[?(@.v == $.ref)]", "$.items[?(@.v == '')]", "$.items[?(@.v != null)]",
      "$.items[?(@.v contains 'b')]", "$.items[?(@.v contains 1)]", "$.items[?(@.v nin [0, 1])]",
      "$.items[?(@.v == [1])]", "$.items[?(@.v == {})]", "$.items[?(@.w)]", "$.items[?(@.v < 1 || @.w)]",
      "$.items[?(@.v anyof [1])]", "$.items[?(@.v subsetof [1, 2])]", "$.items[?(@.v noneof [1])]",
      "$.store.book[?(@.meta == null)].title", "$.store.book[?(@.meta != null)].title", "$.store.book[?(@.isbn != null)].title");

  /**
   * Where AWS is known to part from Jayway 2.1 and later: several properties before a path's
   * last step fail the state (AWS's console: "Invalid path '$['a', 'b'].v' : Multi properties can
   * only be used as path leafs: $['a', 'b']", Jayway 2.0's text), where later Jayway iterates them.
   */
  private static final List<String> MULTI_PROPERTIES_INSIDE = List.of(
      "$['s','t'].x", "$.store['book','bicycle'].price", "$.store['bicycle', 'x'].color");

  @Test
  void severalPropertiesBeforeTheLastStep_findNothing_asAwsSays() {
    JsonNode root = Json.parse(DOCUMENTS.get(0));
    for (String path : MULTI_PROPERTIES_INSIDE) {
      assertTrue(ours(path, root).startsWith("nothing: Multi properties can only be used as path leafs: $"), path);
      assertTrue(!jayway(path, DOCUMENTS.get(0)).startsWith("nothing"), () -> "Jayway now stops " + path + " too");
    }
  }

  @Test
  void everyPath_findsWhatJaywayFinds() {
    List<String> differences = new ArrayList<>();
    for (String doc : DOCUMENTS) {
      JsonNode root = Json.parse(doc);
      for (String path : PATHS) {
        String ours = ours(path, root);
        String jayway = jayway(path, doc);
        if (!ours.equals(jayway)) {
          differences.add(path + " over document " + DOCUMENTS.indexOf(doc) + ": Stepwise " + ours + ", Jayway " + jayway);
        }
      }
    }
    assertTrue(differences.isEmpty(), () -> differences.size() + " differences:\n" + String.join("\n", differences));
  }

  private static String ours(String path, JsonNode root) {
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(path);
    } catch (IllegalArgumentException e) {
      return "invalid";
    }
    JsonNode found = compiled.find(root);
    if (found != null) return Json.parse(Json.write(found)).toString();
    String cause = compiled.notFoundCause(root);
    return cause == null ? "nothing" : "nothing: " + cause;
  }

  private static String jayway(String path, String doc) {
    com.jayway.jsonpath.JsonPath compiled;
    try {
      compiled = com.jayway.jsonpath.JsonPath.compile(path);
    } catch (InvalidPathException e) {
      return "invalid";
    }
    try {
      return MAPPER.valueToTree(com.jayway.jsonpath.JsonPath.using(JAYWAY).parse(doc).read(compiled)).toString();
    } catch (InvalidPathException e) {
      // Jayway stops the path: PathNotFoundException ("Missing property in path"), or a filter on
      // a scalar ("Filter: [?] can not be applied to primitives"); both fail the state on AWS. A
      // path's own "No results", and the text naming the JSON provider's classes, which AWS's
      // provider may name otherwise, are the engine's "No results" cause instead.
      String message = e.getMessage();
      boolean noCause = message.startsWith("No results for path") || message.startsWith("Expected to find an object");
      return noCause ? "nothing" : "nothing: " + message;
    } catch (RuntimeException e) {
      return "fails: " + e;
    }
  }
}
