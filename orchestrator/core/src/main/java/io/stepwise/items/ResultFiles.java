package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Map Run's results in Step Functions' layout under {@code Prefix/MapRunId/}: the child
 * executions by status in {@code SUCCEEDED_n.json}, {@code FAILED_n.json} and
 * {@code PENDING_n.json} (JSON arrays, a new part once one passes {@link #PART_BYTES}), then
 * {@code manifest.json} naming them. Writing again writes the same objects, so a retried join is
 * harmless.
 */
public final class ResultFiles {
  /** Step Functions starts a new part at 5 GB; Stepwise builds each part in memory, so sooner. */
  static final int PART_BYTES = 32 * 1024 * 1024;

  private final ObjectStorage storage;
  private final WriterSpec writer;
  private final String mapRunArn;
  private final String stateMachineArn;

  public ResultFiles(ObjectStorage storage, WriterSpec writer, String mapRunArn, String stateMachineArn) {
    this.storage = storage;
    this.writer = writer;
    this.mapRunArn = mapRunArn;
    this.stateMachineArn = stateMachineArn;
  }

  /** The Map Run's id: the last part of its ARN. */
  public static String mapRunId(String mapRunArn) {
    return mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
  }

  /** What the Map state outputs once its results are written: where the manifest is. */
  public static JsonNode details(WriterSpec writer, String mapRunArn) {
    ObjectNode out = Json.object().put("MapRunArn", mapRunArn);
    out.set("ResultWriterDetails", Json.object().put("Bucket", writer.bucket())
        .put("Key", writer.manifestKey(mapRunId(mapRunArn))));
    return out;
  }

  /**
   * Writes the files for {@code outcomes} (in index order) of {@code total} children; children
   * without an outcome are PENDING.
   *
   * @param childArn the ExecutionArn of child {@code i}
   */
  public void write(List<ChildOutcome> outcomes, int total, java.util.function.IntFunction<String> childArn) {
    try {
      String folder = writer.folder(mapRunId(mapRunArn));
      ObjectNode files = Json.object();
      Parts succeeded = new Parts(folder + "SUCCEEDED_");
      Parts failed = new Parts(folder + "FAILED_");
      Parts pending = new Parts(folder + "PENDING_");
      Set<Integer> reported = new HashSet<>();
      for (ChildOutcome outcome : outcomes) {
        reported.add(outcome.index());
        ObjectNode entry = entry(childArn.apply(outcome.index()), outcome.succeeded() ? "SUCCEEDED" : "FAILED");
        if (outcome.succeeded()) {
          entry.put("Output", Json.write(outcome.output()));
          entry.set("OutputDetails", Json.object().put("Included", true));
          succeeded.add(entry);
        } else {
          entry.put("Error", outcome.error()).put("Cause", outcome.cause());
          failed.add(entry);
        }
      }
      for (int i = 0; i < total; i++) if (!reported.contains(i)) pending.add(entry(childArn.apply(i), "PENDING"));
      files.set("FAILED", failed.finish());
      files.set("PENDING", pending.finish());
      files.set("SUCCEEDED", succeeded.finish());
      ObjectNode manifest = Json.object().put("DestinationBucket", writer.bucket()).put("MapRunArn", mapRunArn);
      manifest.set("ResultFiles", files);
      storage.write(writer.bucket(), writer.manifestKey(mapRunId(mapRunArn)), Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    } catch (ObjectStorage.StorageException e) {
      throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, "ResultWriter failed writing to s3://" + writer.bucket()
          + "/" + writer.folder(mapRunId(mapRunArn)) + ": " + e.code() + ": " + e.getMessage());
    }
  }

  private ObjectNode entry(String executionArn, String status) {
    ObjectNode entry = Json.object().put("ExecutionArn", executionArn)
        .put("Name", executionArn.substring(executionArn.lastIndexOf(':') + 1));
    entry.put("StateMachineArn", stateMachineArn).put("Status", status).put("RedriveCount", 0);
    return entry;
  }

  /** One status's files: entries appended to a JSON array, a new part past {@link #PART_BYTES}. */
  private final class Parts {
    private final String keyPrefix;
    private final ArrayNode written = Json.array();
    private ByteArrayOutputStream part;

    Parts(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    void add(JsonNode entry) {
      byte[] bytes = Json.write(entry).getBytes(StandardCharsets.UTF_8);
      if (part != null && part.size() + bytes.length > PART_BYTES) flush();
      if (part == null) {
        part = new ByteArrayOutputStream();
        part.write('[');
      } else {
        part.write(',');
      }
      part.writeBytes(bytes);
    }

    /** The manifest's list of this status's files ({@code Key}, {@code Size}); an empty status has none. */
    ArrayNode finish() {
      if (part != null) flush();
      return written;
    }

    private void flush() {
      part.write(']');
      String key = keyPrefix + written.size() + ".json";
      byte[] body = part.toByteArray();
      storage.write(writer.bucket(), key, body);
      written.add(Json.object().put("Key", key).put("Size", body.length));
      part = null;
    }
  }
}
