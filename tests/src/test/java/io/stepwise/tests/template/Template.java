package io.stepwise.tests.template;

import io.stepwise.local.stack.CfnYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yml, parsed: sections as maps, resources by logical id. */
record Template(Map<String, Object> root) {
  static Template load() {
    return parse(read(repoRoot().resolve("template.yml")));
  }

  static Template parse(String yaml) {
    return new Template(CfnYaml.parse(yaml));
  }

  /** The repository root: the nearest directory above the working directory with template.yml beside a pom.xml. */
  static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) return dir;
    }
    throw new IllegalStateException("no template.yml above " + Path.of("").toAbsolutePath());
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> section(String name) {
    return map(root.getOrDefault(name, Map.of()));
  }

  Map<String, Object> resources() {
    return section("Resources");
  }

  Map<String, Object> resource(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) throw new AssertionError("template.yml has no resource " + logicalId);
    return map(resource);
  }

  Map<String, Object> properties(String logicalId) {
    return map(resource(logicalId).getOrDefault("Properties", Map.of()));
  }

  String type(String logicalId) {
    return (String) resource(logicalId).get("Type");
  }

  /** Logical ids of the resources of a type, in template order. */
  List<String> ofType(String type) {
    return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
  }

  /** A serverless function's property, falling back to Globals.Function as SAM does. */
  Object functionProperty(String logicalId, String property) {
    Object own = properties(logicalId).get(property);
    return own != null ? own : map(section("Globals").getOrDefault("Function", Map.of())).get(property);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) throw new AssertionError("expected a map, got " + value);
    return new LinkedHashMap<>((Map<String, Object>) value);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of(value);
  }
}
