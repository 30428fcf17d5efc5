package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.ANY;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The generic intrinsic, {@code States.Format(template, values...)}.
 *
 * <p>Values are rendered as Step Functions renders them (recorded on AWS): strings as they are,
 * numbers as written ({@code 1}, {@code 1.1}), {@code null}, booleans, and arrays and objects the
 * way Java prints lists and maps: {@code {Arg1=1, Arg2=[]}}, not JSON.
 */
final class FormatFunction {
  static final IntrinsicFunction FUNCTION =
      IntrinsicFunction.varargs("States.Format", 1, FormatFunction::format, STRING, ANY)
          .withCheck(FormatFunction::checkLiteralTemplate);

  private FormatFunction() {}

  private static JsonNode format(Args args) {
    FormatTemplate template;
    try {
      template = FormatTemplate.parseCached(templateSource(args));
    } catch (IllegalArgumentException malformed) {
      throw args.invalid();
    }
    if (template.placeholders() != args.size() - 1) throw args.invalid();
    String[] values = new String[args.size() - 1];
    for (int i = 0; i < values.length; i++) values[i] = render(args.get(i + 1));
    return Json.text(template.fill(values));
  }

  /** A literal template keeps its escapes, so an escaped brace is not a placeholder. */
  private static String templateSource(Args args) {
    if (args.expr(0) instanceof Expr.Literal literal && literal.value().isTextual()) {
      return literal.source();
    }
    return args.string(0);
  }

  /** A literal template is checked when the definition is: well formed, one value per {}. */
  private static void checkLiteralTemplate(Expr.Call call) {
    if (!(call.args().get(0) instanceof Expr.Literal literal)) return;
    FormatTemplate template;
    try {
      template = FormatTemplate.parse(literal.source());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid template in States.Format: " + e.getMessage() + ": " + call.text());
    }
    int values = call.args().size() - 1;
    if (template.placeholders() != values) {
      throw new IllegalArgumentException("States.Format template has " + template.placeholders()
          + " placeholder(s) {} but " + values + " value(s) follow it: " + call.text());
    }
  }

  static String render(JsonNode value) {
    if (value.isTextual()) return value.textValue();
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(render(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      List<String> members = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        members.add(member.getKey() + "=" + render(member.getValue()));
      }
      return "{" + String.join(", ", members) + "}";
    }
    return value.isNull() ? "null" : value.asText();
  }
}
