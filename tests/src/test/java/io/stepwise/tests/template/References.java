package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.list;
import static io.stepwise.tests.template.Template.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every name a template refers to (Ref, Fn::GetAtt, ${X} and ${X.Attr} in Fn::Sub) and whether
 * CloudFormation or SAM will know it: a Parameter, a Resource, a pseudo parameter, or a resource
 * the SAM transform creates (a function's Role, Alias, Version, Url and event sources).
 */
final class References {
  static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
      "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  /** A reference and where it was found, e.g. {@code Resources/ScheduleRule/Properties/State}. */
  record Reference(String kind, String name, String at) {}

  private final List<Reference> found = new ArrayList<>();

  private References() {}

  static List<Reference> of(Template template) {
    References references = new References();
    references.walk(template.root(), "");
    return references.found;
  }

  /** The names a reference may use: parameters, resources, pseudo parameters and SAM's implicit resources. */
  static Set<String> known(Template template) {
    Set<String> names = new HashSet<>(PSEUDO);
    names.addAll(template.section("Parameters").keySet());
    names.addAll(template.resources().keySet());
    for (String function : template.ofType("AWS::Serverless::Function")) {
      Map<String, Object> properties = template.properties(function);
      if (!properties.containsKey("Role")) names.add(function + "Role");
      Object alias = template.functionProperty(function, "AutoPublishAlias");
      if (alias != null) {
        names.addAll(List.of(function + ".Alias", function + ".Version", function + "Alias" + alias));
      }
      if (template.functionProperty(function, "FunctionUrlConfig") != null) names.add(function + "Url");
      if (properties.get("Events") instanceof Map<?, ?> events) {
        events.keySet().forEach(event -> names.add(function + event));
      }
    }
    return names;
  }

  /** References whose name is unknown, as readable lines. */
  static List<String> unresolved(Template template) {
    Set<String> known = known(template);
    return of(template).stream().filter(r -> !known.contains(r.name()))
        .map(r -> r.kind() + " " + r.name() + " at " + r.at()).toList();
  }

  private void walk(Object node, String at) {
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> object = map(raw);
      if (object.size() == 1 && object.containsKey("Ref") && object.get("Ref") instanceof String name) {
        found.add(new Reference("Ref", name, at));
        return;
      }
      if (object.size() == 1 && object.containsKey("Fn::GetAtt")) {
        getAtt(object.get("Fn::GetAtt"), at);
        return;
      }
      if (object.size() == 1 && object.containsKey("Fn::Sub")) {
        sub(object.get("Fn::Sub"), at);
        return;
      }
      object.forEach((key, value) -> walk(value, at + "/" + key));
    } else if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) walk(items.get(i), at + "/" + i);
    }
  }

  private void getAtt(Object value, String at) {
    List<Object> parts = value instanceof String text ? List.of(text.split("\\.", 2)) : list(value);
    if (parts.get(0) instanceof String resource) found.add(new Reference("GetAtt", resource, at));
    else walk(parts.get(0), at);
    parts.stream().skip(1).forEach(part -> walk(part, at));
  }

  /** {@code Fn::Sub: "text"} or {@code Fn::Sub: ["text", {Local: value}]}: ${X} and ${X.Attr} outside the locals. */
  private void sub(Object value, String at) {
    List<Object> parts = list(value);
    Set<String> locals = new HashSet<>();
    if (parts.size() > 1) {
      Map<String, Object> variables = map(parts.get(1));
      locals.addAll(variables.keySet());
      variables.forEach((key, local) -> walk(local, at + "/" + key));
    }
    if (!(parts.get(0) instanceof String text)) {
      walk(parts.get(0), at);
      return;
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    while (matcher.find()) {
      String variable = matcher.group(1).strip();
      if (locals.contains(variable)) continue;
      int dot = variable.indexOf('.');
      boolean attribute = dot > 0 && !PSEUDO.contains(variable);
      found.add(new Reference(attribute ? "Sub GetAtt" : "Sub Ref", attribute ? variable.substring(0, dot) : variable, at));
    }
  }
}
