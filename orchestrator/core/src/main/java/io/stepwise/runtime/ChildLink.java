package io.stepwise.runtime;

/**
 * Where a Parallel branch or Map iteration belongs: the parent's record, the transition at which
 * the parent waits for its children, the child's index, the path from the root machine to the
 * branch or item processor it runs ({@code "Map:-1"}, {@code "P:2/Inner:-1"}), and the child it
 * starts when it ends (its successor under MaxConcurrency; -1 for none).
 */
public record ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor, boolean read) {
  /** @param read true for the children of an ItemReader, whose records are created as they start */
  public ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor) {
    this(parentKey, parentSeq, index, machinePath, successor, false);
  }

  /** The join of all children of one fan-out. */
  public String joinKey() {
    return joinKey(parentKey, parentSeq);
  }

  public static String joinKey(String parentKey, long parentSeq) {
    return parentKey + "|" + parentSeq;
  }

  /** The child's record key: unique per parent, transition and index. */
  public String childKey() {
    return childKey(joinKey(), index);
  }

  public static String childKey(String joinKey, int index) {
    return joinKey + "|" + index;
  }

  public String encode() {
    return parentKey + "\n" + parentSeq + "\n" + index + "\n" + (read ? "R" : "") + successor + "\n" + machinePath;
  }

  public static ChildLink decode(String text) {
    String[] parts = text.split("\n", 5);
    boolean read = parts[3].startsWith("R");
    return new ChildLink(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[4],
        Integer.parseInt(read ? parts[3].substring(1) : parts[3]), read);
  }
}
