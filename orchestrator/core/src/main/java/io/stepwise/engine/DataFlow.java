package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.PathField;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.JsonPath;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;

/** JSONPath input and output processing: InputPath, Parameters, ResultSelector, ResultPath, OutputPath. */
final class DataFlow {
  private DataFlow() {}

  /** InputPath, then Parameters: what the state works on. */
  static JsonNode effectiveInput(StateBase base, Scope raw) {
    JsonNode input = select(base.inputPath(), raw);
    if (base.parameters() == null) return input;
    return base.parameters().evaluate(raw.withInput(input));
  }

  /** InputPath only (Choice, Wait, Succeed, Map before ItemsPath). */
  static JsonNode select(PathField field, Scope scope) {
    if (field.isNull()) return Json.object();
    if (field.isIdentity()) return scope.input();
    PathRef ref = PathRef.compile(field.path());
    JsonNode value = ref.find(scope);
    if (value == null) throw noResults(field.path(), ref.notFoundCause(scope));
    return value;
  }

  /** ResultSelector (on the raw result), then ResultPath (into the raw input), then OutputPath. */
  static JsonNode output(StateBase base, Scope raw, JsonNode result) {
    JsonNode selected = base.resultSelector() == null ? result : base.resultSelector().evaluate(raw.withInput(result));
    JsonNode combined = applyResultPath(base.resultPath(), raw.input(), selected);
    return select(base.outputPath(), raw.withInput(combined));
  }

  static JsonNode applyResultPath(PathField field, JsonNode rawInput, JsonNode result) {
    if (field.isNull()) return rawInput;
    if (field.isIdentity()) return result;
    return JsonPath.compile(field.path()).set(rawInput, result);
  }

  /** The cause Jayway gives for a path with no match, which Step Functions passes on. */
  static StatesError noResults(String path) {
    return noResults(path, null);
  }

  /**
   * As {@link #noResults(String)}, unless Jayway stopped the path before its last step with a message
   * of its own ({@code cause}, see {@link PathRef#notFoundCause}), which Step Functions quotes instead.
   */
  static StatesError noResults(String path, String cause) {
    if (cause != null) return StatesError.runtime("Invalid path '" + path + "' : " + cause);
    String canonical;
    try {
      canonical = JsonPath.compile(path).canonical();
    } catch (IllegalArgumentException e) {
      canonical = path;
    }
    return StatesError.runtime("Invalid path '" + path + "' : No results for path: " + canonical);
  }
}
