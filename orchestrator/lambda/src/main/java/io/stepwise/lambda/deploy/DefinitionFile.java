package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** A definition file's text (a DefinitionUri's): JSON, or YAML as SAM also takes. */
final class DefinitionFile {
  private DefinitionFile() {}

  /** The definition as JSON text; IllegalArgumentException naming the file when it is neither. */
  static JsonNode parse(String text, String where) {
    try {
      return Json.NODES.textNode(Json.write(Json.parse(text)));
    } catch (IllegalArgumentException notJson) {
      try {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (yaml instanceof java.util.Map<?, ?>) return Json.NODES.textNode(Json.write(Json.mapper().valueToTree(yaml)));
      } catch (YAMLException notYaml) {
        // reported below
      }
      throw new IllegalArgumentException("the definition file " + where + " is neither JSON nor a YAML mapping");
    }
  }
}
