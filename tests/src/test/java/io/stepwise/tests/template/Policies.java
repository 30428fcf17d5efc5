package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.list;
import static io.stepwise.tests.template.Template.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The IAM statements a template grants, wherever they are written. */
final class Policies {
  /** A statement and the resource whose role it belongs to (the function, for SAM Policies). */
  record Grant(String owner, Map<String, Object> statement) {
    List<String> actions() {
      return list(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    List<Object> resources() {
      return list(statement.get("Resource"));
    }

    boolean allows(String action) {
      return actions().stream().anyMatch(a -> a.equals(action) || a.equals("*") || action.startsWith(a.replace("*", ""))
          && a.endsWith("*"));
    }
  }

  private Policies() {}

  /** Statements of IAM roles, role policies and policies, and of SAM functions' inline Policies. */
  static List<Grant> grants(Template template) {
    List<Grant> grants = new ArrayList<>();
    template.resources().keySet().forEach(id -> {
      Map<String, Object> properties = template.properties(id);
      switch (template.type(id)) {
        case "AWS::IAM::Role" -> list(properties.getOrDefault("Policies", List.of()))
            .forEach(policy -> addDocument(grants, id, map(policy).get("PolicyDocument")));
        case "AWS::IAM::RolePolicy", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
            addDocument(grants, id, properties.get("PolicyDocument"));
        case "AWS::Serverless::Function" -> list(properties.getOrDefault("Policies", List.of())).stream()
            .filter(policy -> policy instanceof Map<?, ?> m && m.containsKey("Statement"))
            .forEach(policy -> addDocument(grants, id, policy));
        default -> { }
      }
    });
    return grants;
  }

  private static void addDocument(List<Grant> grants, String owner, Object document) {
    list(map(document).get("Statement")).forEach(statement -> grants.add(new Grant(owner, map(statement))));
  }
}
