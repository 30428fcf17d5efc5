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
      actual.set("history", r.history());
      if (r.historyExact() != null) c.put("historyExact", r.historyExact());
      c.put("message", r.message());
      if (r.passed()) passed++;
    }
    report.put("passed", passed);
    report.put("failed", results.size() - passed);
    HistoryTally tally = HistoryTally.of(results);
    report.put("historyExact", tally.exact());
    report.put("historyRecorded", tally.recorded());
    report.put("failedOnHistoryAlone", tally.failedOnHistoryAlone());
    return report;
  }

  /**
   * How many of the cases that record a history gave it exactly, and how many failed only there
   * (their result and calls were right).
   */
  public record HistoryTally(long exact, long recorded, long failedOnHistoryAlone) {
    public static HistoryTally of(List<CaseResult> results) {
      long recorded = results.stream().filter(r -> r.historyExact() != null).count();
      long exact = results.stream().filter(r -> Boolean.TRUE.equals(r.historyExact())).count();
      long alone = results.stream().filter(r -> !r.passed() && r.message() != null
          && r.message().startsWith(HistoryCompare.DIFFERS)).count();
      return new HistoryTally(exact, recorded, alone);
    }
  }
}
