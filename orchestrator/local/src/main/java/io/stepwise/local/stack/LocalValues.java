package io.stepwise.local.stack;

import static io.stepwise.local.stack.StackTemplate.list;
import static io.stepwise.local.stack.StackTemplate.map;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CloudFormation's intrinsic functions evaluated for the local stack: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join} and {@code Fn::FindInMap}, each to a string (as CloudFormation
 * hands a custom resource its properties).
 *
 * <p>What a resource resolves to is whatever the stack {@link #define}d as it came up (a hosted
 * function's ARN, the table's name, a state machine's ARN). Anything else gets a made-up but
 * well-formed local value, so an IAM role's ARN or a policy's name never stops a local start: the
 * local stack enforces no IAM.
 */
final class LocalValues {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final StackTemplate template;
  private final String region;
  private final String accountId;
  private final String stackName;
  /** "Name" for Ref, "Name.Attribute" for GetAtt. */
  private final Map<String, String> defined = new ConcurrentHashMap<>();

  LocalValues(StackTemplate template, String region, String accountId, String stackName) {
    this.template = template;
    this.region = region;
    this.accountId = accountId;
    this.stackName = stackName;
  }

  /** What {@code !Ref name} or, with a dot, {@code !GetAtt name} resolves to from now on. */
  void define(String refOrAttribute, String value) {
    defined.put(refOrAttribute, value);
  }

  String stackId() {
    return "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local";
  }

  String stackName() {
    return stackName;
  }

  /** A template value as a string: scalars as text, intrinsic functions evaluated. */
  String text(Object value) {
    if (value == null) return null;
    if (value instanceof Map<?, ?> function && function.size() == 1) {
      Map.Entry<?, ?> only = function.entrySet().iterator().next();
      Object argument = only.getValue();
      switch (String.valueOf(only.getKey())) {
        case "Ref": return ref(String.valueOf(argument));
        case "Fn::GetAtt": {
          List<Object> parts = list(argument);
          return ref(parts.get(0) + "." + parts.get(1));
        }
        case "Fn::Sub": return sub(argument);
        case "Fn::Join": {
          List<Object> parts = list(argument);
          return list(parts.get(1)).stream().map(this::text).collect(Collectors.joining(String.valueOf(parts.get(0))));
        }
        case "Fn::FindInMap": {
          List<Object> keys = list(argument);
          Object mapping = map(template.section("Mappings").get(text(keys.get(0))));
          return text(map(map(mapping).get(text(keys.get(1)))).get(text(keys.get(2))));
        }
        default: break;
      }
    }
    return String.valueOf(value);
  }

  /** {@code Name} (Ref) or {@code Name.Attribute} (GetAtt; {@code Name.Alias}, SAM's Ref to an alias). */
  String ref(String name) {
    String known = defined.get(name);
    if (known != null) return known;
    String pseudo = pseudoParameter(name);
    if (pseudo != null) return pseudo;
    Map<String, Object> parameters = template.section("Parameters");
    if (parameters.containsKey(name)) {
      Object fallback = map(parameters.get(name)).get("Default");
      if (fallback == null) throw new IllegalArgumentException("parameter " + name + " has no Default to run with locally");
      return text(fallback);
    }
    int dot = name.indexOf('.');
    String resource = dot < 0 ? name : name.substring(0, dot);
    String attribute = dot < 0 ? null : name.substring(dot + 1);
    if (!template.has(resource)) throw new IllegalArgumentException("the template has no resource or parameter " + resource);
    if (attribute == null) return resource;
    return placeholderArn(resource, attribute);
  }

  private String pseudoParameter(String name) {
    return switch (name) {
      case "AWS::Region" -> region;
      case "AWS::AccountId" -> accountId;
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      case "AWS::StackName" -> stackName;
      case "AWS::StackId" -> stackId();
      case "AWS::NoValue" -> "";
      default -> null;
    };
  }

  /** A well-formed ARN for a resource nothing local stands behind (roles, policies, rules). */
  private String placeholderArn(String resource, String attribute) {
    String service = switch (String.valueOf(template.type(resource))) {
      case "AWS::IAM::Role" -> "iam::" + accountId + ":role/" + resource;
      case "AWS::Events::Rule" -> "events:" + region + ":" + accountId + ":rule/" + resource;
      default -> "local:" + region + ":" + accountId + ":" + resource;
    };
    return "Arn".equals(attribute) ? "arn:aws:" + service : "arn:aws:" + service + "/" + attribute;
  }

  private String sub(Object argument) {
    List<Object> parts = list(argument);
    String text = String.valueOf(parts.get(0));
    Map<String, Object> variables = parts.size() > 1 ? map(parts.get(1)) : Map.of();
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = name.startsWith("!") ? "${" + name.substring(1) + "}"
          : variables.containsKey(name) ? text(variables.get(name)) : ref(name);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
