package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Definition and mock files: JSON, or YAML (by a {@code .yaml}/{@code .yml} name). */
final class DefinitionFiles {
  private DefinitionFiles() {}

  static JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      return Json.mapper().valueToTree(tree);
    }
    return Json.parse(text);
  }
}
