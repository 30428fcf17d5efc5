package io.stepwise.console.graph;

import java.util.List;

/**
 * A definition as Workflow Studio draws it, before layout: boxes (states, Start and End, and the
 * containers of Parallel branches and Map processors) and the arrows between them.
 *
 * @param nodes the top level; a container's own boxes are its {@link Node#children()}
 * @param edges every arrow, each between two boxes of the same container
 */
public record StateGraph(List<Node> nodes, List<Edge> edges) {
  /** What a box is. */
  public enum Kind { START, END, STATE, BRANCH }

  /** What an arrow is: Workflow Studio draws Catch arrows apart from Next ones. */
  public enum EdgeKind { NEXT, CHOICE, DEFAULT, CATCH }

  /**
   * @param id unique in the graph: the path of state names and branch numbers ({@code Par/1/Step})
   * @param name the state's name (what history events name), or the box's caption
   * @param type the ASL state type, null for Start, End and branches
   * @param detail a short line under the name: a Task's resource, a Wait's time; may be null
   */
  public record Node(String id, Kind kind, String name, String type, String detail, List<Node> children) {
    public boolean isContainer() {
      return !children.isEmpty();
    }
  }

  /** @param label a Choice rule, "Default", or a Catch's error names; null for a plain Next */
  public record Edge(String from, String to, EdgeKind kind, String label) {}
}
