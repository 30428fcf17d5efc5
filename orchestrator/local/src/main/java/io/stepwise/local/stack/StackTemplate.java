package io.stepwise.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yml, parsed: sections as maps, resources by logical id, SAM's Globals applied on request. */
record StackTemplate(Map<String, Object> root) {
  static StackTemplate load(Path file) {
    try {
      return new StackTemplate(CfnYaml.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the template " + file, e);
    }
  }

  Map<String, Object> section(String name) {
    return map(root.getOrDefault(name, Map.of()));
  }

  Map<String, Object> resources() {
    return section("Resources");
  }

  boolean has(String logicalId) {
    return resources().containsKey(logicalId);
  }

  String type(String logicalId) {
    Object resource = resources().get(logicalId);
    return resource == null ? null : (String) map(resource).get("Type");
  }

  Map<String, Object> properties(String logicalId) {
    return map(map(resources().get(logicalId)).getOrDefault("Properties", Map.of()));
  }

  /** Logical ids of the resources of a type, in template order. */
  List<String> ofType(String type) {
    return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
  }

  /** A serverless function's property, falling back to Globals.Function as SAM does. */
  Object functionProperty(String logicalId, String property) {
    Object own = properties(logicalId).get(property);
    return own != null ? own : globalFunctionProperties().get(property);
  }

  /** Environment.Variables of a serverless function: Globals' first, the function's own on top (SAM merges them). */
  Map<String, Object> functionEnvironment(String logicalId) {
    Map<String, Object> variables = new LinkedHashMap<>(variables(globalFunctionProperties()));
    variables.putAll(variables(properties(logicalId)));
    return variables;
  }

  private Map<String, Object> globalFunctionProperties() {
    return map(section("Globals").getOrDefault("Function", Map.of()));
  }

  private static Map<String, Object> variables(Map<String, Object> properties) {
    return map(map(properties.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (value == null) return new LinkedHashMap<>();
    if (!(value instanceof Map)) throw new IllegalArgumentException("expected a map in the template, got " + value);
    return new LinkedHashMap<>((Map<String, Object>) value);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of(value);
  }
}
