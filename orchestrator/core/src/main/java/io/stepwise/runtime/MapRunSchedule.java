package io.stepwise.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which child of a fan-out starts which, under MaxConcurrency changed while it runs
 * (UpdateMapRun). Children run in chains: each child that ends starts one fixed successor, so a
 * repeated report starts the same child again and none is ever skipped. A change adds a
 * generation from index {@code from} on, chained at its own stride (the new MaxConcurrency);
 * {@code from} lies past every child already started or handed a start, so no child's
 * successor changes once a report may have acted on it. The old chains run on into the new
 * generation (each lands on one of its first children); a raise starts the extra chains' first
 * children itself.
 */
public final class MapRunSchedule {
  /** Children {@code from} on run {@code wave} at a time. */
  public record Generation(int from, int wave) {}

  private final int total;
  private final List<Generation> generations;

  private MapRunSchedule(int total, List<Generation> generations) {
    this.total = total;
    this.generations = List.copyOf(generations);
  }

  /** @param later the generations UpdateMapRun added, as {@link #encodeLater()} wrote them ("" for none) */
  public static MapRunSchedule of(int total, int wave, String later) {
    List<Generation> generations = new ArrayList<>();
    generations.add(new Generation(0, wave));
    if (later != null && !later.isEmpty()) {
      for (String part : later.split(",")) {
        String[] fw = part.split(":");
        generations.add(new Generation(Integer.parseInt(fw[0]), Integer.parseInt(fw[1])));
      }
    }
    return new MapRunSchedule(total, generations);
  }

  /** The generations after the first, for the join to store: "from:wave,...". */
  public String encodeLater() {
    StringBuilder text = new StringBuilder();
    for (Generation g : generations.subList(1, generations.size())) {
      if (text.length() > 0) text.append(',');
      text.append(g.from()).append(':').append(g.wave());
    }
    return text.toString();
  }

  /** True while MaxConcurrency was never changed: each child's own successor applies. */
  public boolean original() {
    return generations.size() == 1;
  }

  /** How many children run at once now. */
  public int wave() {
    return last().wave();
  }

  /**
   * The first index a new generation may start at, given the highest child started or handed a
   * start so far ({@code -1} for none): past every start already decided, and past the last
   * generation's first children (which the chains before it may still reach).
   */
  public int nextFrom(int highestDecided) {
    Generation last = last();
    int before = generations.size() > 1 ? generations.get(generations.size() - 2).wave() : 0;
    return Math.max(last.from() + Math.max(last.wave(), before), highestDecided + 1);
  }

  /** With children {@code from} on running {@code wave} at a time. */
  public MapRunSchedule changed(int from, int wave) {
    List<Generation> next = new ArrayList<>(generations);
    next.add(new Generation(from, wave));
    return new MapRunSchedule(total, next);
  }

  /** The child {@code index} starts when it ends, or -1. */
  public int successor(int index) {
    int g = generationOf(index);
    int next = index + generations.get(g).wave();
    if (g + 1 < generations.size() && next >= generations.get(g + 1).from()) {
      Generation into = generations.get(g + 1);
      if (next >= into.from() + into.wave()) next = -1; // a lowered MaxConcurrency ends this chain
    }
    return next < total ? next : -1;
  }

  /**
   * The first children of the chains a raise added, which no old chain reaches: started by
   * UpdateMapRun, and again by the old chain that lands on the generation's first child (in
   * case the update's starts were lost).
   */
  public List<Integer> addedRoots(int generation) {
    List<Integer> roots = new ArrayList<>();
    if (generation <= 0 || generation >= generations.size()) return roots;
    Generation g = generations.get(generation);
    int reached = generations.get(generation - 1).wave();
    for (int i = g.from() + reached; i < g.from() + g.wave() && i < total; i++) roots.add(i);
    return roots;
  }

  /** The generation whose added roots child {@code index} starts (besides its successor), or -1. */
  public int handsOverTo(int index) {
    int g = generationOf(index);
    if (g + 1 < generations.size() && index + generations.get(g).wave() == generations.get(g + 1).from()) return g + 1;
    return -1;
  }

  /** Index of the last generation, as {@link #addedRoots} takes it. */
  public int lastGeneration() {
    return generations.size() - 1;
  }

  /**
   * True when child {@code index} may have been started: a first child, or one a reported child
   * hands its slot to. Near a generation's start both strides are asked, since a report made
   * before the change used the old one.
   */
  public boolean due(int index, Set<Integer> reported) {
    if (index < generations.get(0).wave()) return true;
    int g = generationOf(index);
    Generation gen = generations.get(g);
    if (g > 0) {
      int before = generations.get(g - 1).wave();
      if (index < gen.from() + gen.wave() && index >= gen.from() + before) return true; // an added root
      if (index < gen.from() + Math.max(before, gen.wave()) && reported.contains(index - before)) return true;
    }
    return index - gen.wave() >= gen.from() && reported.contains(index - gen.wave());
  }

  /** How many children the last generation's chain {@code chain} has (chains 0 to {@link #wave()} - 1). */
  public int chainLength(int chain) {
    int first = last().from() + chain;
    return first >= total ? 0 : (total - first + last().wave() - 1) / last().wave();
  }

  /** The {@code k}th child of the last generation's chain {@code chain}, in the order they start. */
  public int chainMember(int chain, int k) {
    return last().from() + chain + k * last().wave();
  }

  public int total() {
    return total;
  }

  private Generation last() {
    return generations.get(generations.size() - 1);
  }

  private int generationOf(int index) {
    int g = 0;
    while (g + 1 < generations.size() && generations.get(g + 1).from() <= index) g++;
    return g;
  }
}
