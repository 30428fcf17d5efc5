package io.stepwise.runtime;

/**
 * Where a Parallel branch or Map iteration belongs: the parent's record, the transition at which
 * the parent waits for its children, the child's index, the path from the root machine to the
 * branch or item processor it runs ({@code "Map:-1"}, {@code "P:2/Inner:-1"}), the child it
 * starts when it ends (its successor under MaxConcurrency; -1 for none), and how many children
 * its end counts done at the join ({@code counts}: see {@link Children#fanOut}).
 *
 * @param read true for the children of an ItemReader, whose records are created as they start
 * @param counts 1 when each child counts itself; in a join counted per chain, the length of the
 *     chain this child ends, or 0 for a child whose chain goes on (its last child counts it)
 * @param inChildren true when the child's last commit is its outcome: its report writes no
 *     outcome item, only the join's counters ({@link JoinStore.Join#inChildren()})
 */
public record ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor, boolean read,
    int counts, boolean inChildren) {
  public ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor, boolean read,
      int counts) {
    this(parentKey, parentSeq, index, machinePath, successor, read, counts, false);
  }

  public ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor, boolean read) {
    this(parentKey, parentSeq, index, machinePath, successor, read, 1);
  }

  public ChildLink(String parentKey, long parentSeq, int index, String machinePath, int successor) {
    this(parentKey, parentSeq, index, machinePath, successor, false, 1);
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
    return parentKey + "\n" + parentSeq + "\n" + index + "\n" + (read ? "R" : "") + (inChildren ? "O" : "") + successor
        + (counts == 1 ? "" : "*" + counts) + "\n" + machinePath;
  }

  public static ChildLink decode(String text) {
    String[] parts = text.split("\n", 5);
    String slot = parts[3];
    boolean read = slot.startsWith("R");
    if (read) slot = slot.substring(1);
    boolean inChildren = slot.startsWith("O");
    if (inChildren) slot = slot.substring(1);
    String[] order = slot.split("\\*");
    return new ChildLink(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[4],
        Integer.parseInt(order[0]), read, order.length > 1 ? Integer.parseInt(order[1]) : 1, inChildren);
  }
}
