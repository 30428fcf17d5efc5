package io.stepwise.console.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.console.graph.StateGraph.Edge;
import io.stepwise.console.graph.StateGraph.Kind;
import io.stepwise.console.graph.StateGraph.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link StateGraph} out with the Eclipse Layout Kernel's layered algorithm, top to
 * bottom with orthogonal arrows, each container laid out inside its box first (so loops, Catch
 * arrows and 100-state machines stay readable), and answers with absolute coordinates:
 * {@code {width, height, nodes: [{id, kind, name, type, detail, parent, x, y, w, h}],
 * edges: [{from, to, kind, label, points: [[x, y], ...], labelBox: [x, y, w, h]}]}}.
 */
public final class GraphLayout {
  private static final double CHAR_WIDTH = 7.2;
  private static final double STATE_HEIGHT = 44;
  private static final double LABEL_HEIGHT = 16;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private final Map<String, ElkNode> elkNodes = new HashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, String> parents = new HashMap<>();

  private GraphLayout() {}

  public static ObjectNode layout(StateGraph graph) {
    return new GraphLayout().run(graph);
  }

  private ObjectNode run(StateGraph graph) {
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root, false);
    for (Node node : graph.nodes()) add(root, node, null);
    Map<ElkEdge, Edge> edges = new LinkedHashMap<>();
    for (Edge edge : graph.edges()) {
      ElkNode from = elkNodes.get(edge.from());
      ElkNode to = elkNodes.get(edge.to());
      if (from == null || to == null || from.getParent() != to.getParent()) continue; // a Next to nowhere: not drawn
      ElkEdge elk = ElkGraphUtil.createSimpleEdge(from, to);
      if (edge.label() != null) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elk);
        label.setDimensions(textWidth(edge.label()) * 0.9 + 8, LABEL_HEIGHT);
      }
      edges.put(elk, edge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    ObjectNode out = JSON.objectNode();
    out.put("width", Math.ceil(root.getWidth())).put("height", Math.ceil(root.getHeight()));
    ArrayNode nodeList = out.putArray("nodes");
    nodes.forEach((id, node) -> nodeList.add(node(id, node)));
    ArrayNode edgeList = out.putArray("edges");
    edges.forEach((elk, edge) -> edgeList.add(edge(elk, edge)));
    return out;
  }

  private void add(ElkNode parent, Node node, String parentId) {
    ElkNode elk = ElkGraphUtil.createNode(parent);
    elk.setIdentifier(node.id());
    elkNodes.put(node.id(), elk);
    nodes.put(node.id(), node);
    if (parentId != null) parents.put(node.id(), parentId);
    if (node.isContainer()) {
      // A Parallel's branches sit side by side in one layer; a branch or Map lays out its states.
      configure(elk, node.kind() == Kind.STATE && "Parallel".equals(node.type()));
      elk.setProperty(CoreOptions.PADDING, new ElkPadding(node.kind() == Kind.BRANCH ? 30 : 40, 14, 14, 14));
      for (Node child : node.children()) add(elk, child, node.id());
    } else {
      elk.setDimensions(width(node), node.kind() == Kind.STATE ? STATE_HEIGHT : 30);
    }
  }

  private static void configure(ElkNode graph, boolean sideBySide) {
    graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 18.0);
    graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
    graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    graph.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, !sideBySide);
    graph.setProperty(CoreOptions.PADDING, new ElkPadding(16));
  }

  private static double width(Node node) {
    if (node.kind() != Kind.STATE) return 64;
    double text = Math.max(textWidth(node.name()), node.detail() == null ? 0 : textWidth(node.detail()) * 0.85);
    return Math.max(130, Math.ceil(text + 36));
  }

  private static double textWidth(String text) {
    return text.length() * CHAR_WIDTH;
  }

  private ObjectNode node(String id, Node node) {
    ElkNode elk = elkNodes.get(id);
    double[] origin = absolute(elk);
    ObjectNode out = JSON.objectNode().put("id", id).put("kind", node.kind().name().toLowerCase())
        .put("name", node.name()).put("type", node.type()).put("detail", node.detail())
        .put("parent", parents.get(id));
    return out.put("x", round(origin[0])).put("y", round(origin[1]))
        .put("w", round(elk.getWidth())).put("h", round(elk.getHeight()));
  }

  private ObjectNode edge(ElkEdge elk, Edge edge) {
    double[] origin = absolute(elk.getContainingNode());
    ObjectNode out = JSON.objectNode().put("from", edge.from()).put("to", edge.to())
        .put("kind", edge.kind().name().toLowerCase()).put("label", edge.label());
    ArrayNode points = out.putArray("points");
    for (ElkEdgeSection section : elk.getSections()) {
      point(points, origin, section.getStartX(), section.getStartY());
      for (ElkBendPoint bend : section.getBendPoints()) point(points, origin, bend.getX(), bend.getY());
      point(points, origin, section.getEndX(), section.getEndY());
    }
    for (ElkLabel label : elk.getLabels()) {
      out.putArray("labelBox").add(round(origin[0] + label.getX())).add(round(origin[1] + label.getY()))
          .add(round(label.getWidth())).add(round(label.getHeight()));
    }
    return out;
  }

  private static void point(ArrayNode points, double[] origin, double x, double y) {
    points.addArray().add(round(origin[0] + x)).add(round(origin[1] + y));
  }

  /** A node's top-left corner in the root's coordinates (ELK keeps them relative to the parent). */
  private static double[] absolute(ElkNode node) {
    double x = 0;
    double y = 0;
    for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
      x += n.getX();
      y += n.getY();
    }
    return new double[] {x, y};
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
