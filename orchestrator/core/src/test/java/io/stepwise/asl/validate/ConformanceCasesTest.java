package io.stepwise.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostic;
import io.stepwise.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition of the AWS-recorded conformance cases ran on real Step Functions, so each must
 * validate without a single diagnostic. A case that reaches a contract still stubbed (choice
 * rules, intrinsics, JSONata) is skipped until that work lands.
 */
class ConformanceCasesTest {
  private static final Path CASES =
      Path.of(System.getProperty("user.dir")).resolve("../../../shared/conformance/cases").normalize();

  @TestFactory
  Stream<DynamicTest> everyRecordedDefinitionIsValid() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CASES), "no conformance cases at " + CASES);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CASES, 2)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(
        CASES.relativize(file).toString(), () -> {
          JsonNode definition = Json.read(file).get("definition");
          assertEquals(List.<Diagnostic>of(), DefinitionValidator.validate(definition));
        }));
  }
}
