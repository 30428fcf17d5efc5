package io.stepwise.bench;

/** The fan-out benchmark's and scale test's machines. */
public final class FanOutWorkloads {
  private FanOutWorkloads() {}

  /** A Map over {@code $.items} with the given MaxConcurrency; each iteration doubles its item. */
  public static String map(int maxConcurrency) {
    return """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %d,
          "ItemProcessor": {"StartAt": "Double", "States": {
            "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
          "End": true}}}""".formatted(maxConcurrency);
  }

  /**
   * The same Map whose iteration calls a Task (the bench's invoker answers at once): its children
   * cannot run inline, so this measures the durable fan-out, one execution per item.
   */
  public static String mapWithTask(int maxConcurrency) {
    return """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %d,
          "ItemProcessor": {"StartAt": "Double", "States": {
            "Double": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:double", "End": true}}},
          "End": true}}}""".formatted(maxConcurrency);
  }

  /** A Parallel of {@code n} branches, each a Pass that names its branch. */
  public static String parallel(int n) {
    StringBuilder branches = new StringBuilder();
    for (int i = 0; i < n; i++) {
      branches.append(i == 0 ? "" : ",").append("{\"StartAt\": \"B").append(i).append("\", \"States\": {\"B").append(i)
          .append("\": {\"Type\": \"Pass\", \"Result\": ").append(i).append(", \"End\": true}}}");
    }
    return "{\"StartAt\": \"All\", \"States\": {\"All\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": [" + branches + "]}}}";
  }

  /** {@code {"items": [0, 1, ..., n-1]}}. */
  public static String items(int n) {
    StringBuilder items = new StringBuilder("{\"items\": [");
    for (int i = 0; i < n; i++) items.append(i == 0 ? "" : ",").append(i);
    return items.append("]}").toString();
  }
}
