package io.stepwise.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every case file under some paths, run and judged; the engine of {@code stepwise test}. */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  /** The case files under {@code paths} (files, or folders searched for *.json), sorted. */
  public static List<Path> caseFiles(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such case file or folder: " + path);
      }
    }
    return files;
  }

  public static List<CaseResult> run(List<Path> files) {
    CaseRunner runner = new CaseRunner();
    List<CaseResult> results = new ArrayList<>();
    for (Path file : files) results.add(runner.run(file));
    return results;
  }

  /** The --report-json document. */
  public static ObjectNode report(List<CaseResult> results) {
    ObjectNode report = Json.object();
    ArrayNode cases = report.putArray("cases");
    int passed = 0;
    for (CaseResult r : results) {
      ObjectNode c = cases.addObject();
      c.put("name", r.name());
      c.put("file", r.file());
      c.put("passed", r.passed());
      ObjectNode actual = c.putObject("actual");
      actual.put("status", r.status());
      actual.set("output", r.output());
      actual.put("error", r.error());
      actual.put("cause", r.cause());
      c.put("message", r.message());
      if (r.passed()) passed++;
    }
    report.put("passed", passed);
    report.put("failed", results.size() - passed);
    return report;
  }
}
