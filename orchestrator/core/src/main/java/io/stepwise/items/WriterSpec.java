package io.stepwise.items;

/** A ResultWriter with its parameters evaluated: the bucket and key prefix of a Map Run's results. */
public record WriterSpec(String bucket, String prefix) {
  /** Where the Map Run's files go: {@code Prefix/MapRunId/}. */
  public String folder(String mapRunId) {
    if (prefix == null || prefix.isEmpty()) return mapRunId + "/";
    return prefix.endsWith("/") ? prefix + mapRunId + "/" : prefix + "/" + mapRunId + "/";
  }

  public String manifestKey(String mapRunId) {
    return folder(mapRunId) + "manifest.json";
  }
}
