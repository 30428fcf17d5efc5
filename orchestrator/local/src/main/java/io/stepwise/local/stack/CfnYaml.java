package io.stepwise.local.stack;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML template into plain maps and lists, turning the short-form tags into
 * their long forms as CloudFormation does: {@code !Ref X} becomes {@code {Ref: X}},
 * {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: [A, B]}}, {@code !Sub ...} becomes
 * {@code {Fn::Sub: ...}}, and so on. An unknown tag fails the parse.
 */
public final class CfnYaml {
  private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
      "If", "ImportValue", "Join", "Not", "And", "Or", "Select", "Split", "Sub", "Transform", "ToJsonString", "Length");

  private CfnYaml() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String text) {
    Object root = new Yaml(new Constructor(new LoaderOptions())).load(text);
    if (!(root instanceof Map)) throw new IllegalArgumentException("a template is a YAML mapping, got " + root);
    return (Map<String, Object>) root;
  }

  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
      for (String function : FUNCTIONS) yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
    }

    private Object value(Node node) {
      if (node instanceof ScalarNode scalar) return constructScalar(scalar);
      if (node instanceof SequenceNode sequence) return constructSequence(sequence);
      return constructMapping((MappingNode) node);
    }

    private class Intrinsic extends AbstractConstruct {
      private final String name;

      Intrinsic(String name) {
        this.name = name;
      }

      @Override
      public Object construct(Node node) {
        return Map.of(name, value(node));
      }
    }

    /** {@code !GetAtt Resource.Attribute} (scalar, split at the first dot) or {@code !GetAtt [Resource, Attribute]}. */
    private class GetAtt extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value = value(node);
        if (value instanceof String text) {
          int dot = text.indexOf('.');
          value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
        }
        return Map.of("Fn::GetAtt", value);
      }
    }
  }
}
