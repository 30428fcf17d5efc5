package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.list;
import static io.stepwise.tests.template.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.aws.dynamodb.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** (3) The table in template.yml is the one the code creates in tests and expects on AWS. */
class TemplateTableTest {
  private final Template template = Template.load();
  private final CreateTableRequest expected = Table.createRequest("any");

  private Map<String, Object> table() {
    List<String> tables = template.ofType("AWS::DynamoDB::Table");
    assertEquals(1, tables.size(), "one table: " + tables);
    return template.properties(tables.get(0));
  }

  @Test
  void givenTemplateTable_thenBillingModeMatches() {
    assertEquals(expected.billingModeAsString(), table().get("BillingMode"));
  }

  @Test
  void givenTemplateTable_thenAttributeDefinitionsMatchInOrder() {
    List<String> declared = list(table().get("AttributeDefinitions")).stream().map(Template::map)
        .map(a -> a.get("AttributeName") + ":" + a.get("AttributeType")).toList();
    List<String> wanted = expected.attributeDefinitions().stream()
        .map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).toList();
    assertEquals(wanted, declared);
  }

  @Test
  void givenTemplateTable_thenKeySchemaMatches() {
    assertEquals(keys(expected.keySchema()), keys(table().get("KeySchema")));
  }

  @Test
  void givenTemplateTable_thenEachGlobalSecondaryIndexMatchesFieldByField() {
    List<Object> declared = list(table().getOrDefault("GlobalSecondaryIndexes", List.of()));
    assertEquals(expected.globalSecondaryIndexes().size(), declared.size());
    for (int i = 0; i < declared.size(); i++) {
      GlobalSecondaryIndex wanted = expected.globalSecondaryIndexes().get(i);
      Map<String, Object> index = map(declared.get(i));
      assertEquals(wanted.indexName(), index.get("IndexName"));
      assertEquals(keys(wanted.keySchema()), keys(index.get("KeySchema")));
      Map<String, Object> projection = map(index.get("Projection"));
      assertEquals(wanted.projection().projectionTypeAsString(), projection.get("ProjectionType"));
      assertEquals(List.copyOf(wanted.projection().nonKeyAttributes()),
          list(projection.getOrDefault("NonKeyAttributes", List.of())));
      assertEquals(Set.of("IndexName", "KeySchema", "Projection"), index.keySet(), "no fields the code does not set");
    }
  }

  @Test
  void givenTemplateTable_thenHistoryExpiresByTtlAndPointInTimeRecoveryIsOn() {
    assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true), table().get("TimeToLiveSpecification"));
    assertEquals(Map.of("PointInTimeRecoveryEnabled", true), table().get("PointInTimeRecoverySpecification"));
  }

  private static List<String> keys(List<KeySchemaElement> keys) {
    return keys.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }

  private static List<String> keys(Object declared) {
    return list(declared).stream().map(Template::map).map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
  }
}
