package io.ossimport.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fault injection plan, changeable while the server runs. Two mechanisms, checked in this order for
 * each request of an operation:
 *
 * <ol>
 *   <li>scripts: queues consumed one entry per request, first the operation's own queue, then the
 *       queue for all operations ({@code op == null});
 *   <li>rules: "with probability p inject this fault" for an operation or all, drawn from a
 *       seedable random generator so a run can be reproduced.
 * </ol>
 *
 * When nothing is planned no lock is taken.
 */
public final class Faults {
  private final Map<Operation, Deque<FaultSpec>> scripts =
      new EnumMap<Operation, Deque<FaultSpec>>(Operation.class);
  private final Deque<FaultSpec> scriptForAll = new ArrayDeque<FaultSpec>();
  private final List<Rule> rules = new ArrayList<Rule>();
  private Random random = new Random(0);
  private volatile boolean armed;

  private static final class Rule {
    final Operation op;
    final double probability;
    final FaultSpec spec;

    Rule(Operation op, double probability, FaultSpec spec) {
      this.op = op;
      this.probability = probability;
      this.spec = spec;
    }
  }

  /** Appends to the script of one operation ({@code null} = any operation). */
  public synchronized Faults script(Operation op, FaultSpec... specs) {
    Deque<FaultSpec> q = op == null ? scriptForAll : queue(op);
    q.addAll(Arrays.asList(specs));
    armed = true;
    return this;
  }

  private Deque<FaultSpec> queue(Operation op) {
    Deque<FaultSpec> q = scripts.get(op);
    if (q == null) {
      q = new ArrayDeque<FaultSpec>();
      scripts.put(op, q);
    }
    return q;
  }

  /** Injects {@code spec} into a share {@code p} (0..1) of the operation's requests. */
  public synchronized Faults probability(Operation op, double p, FaultSpec spec) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("probability must be within 0..1: " + p);
    }
    rules.add(new Rule(op, p, spec));
    armed = true;
    return this;
  }

  /** Injects {@code spec} into every request of the operation ({@code null} = all). */
  public Faults always(Operation op, FaultSpec spec) {
    return probability(op, 1.0, spec);
  }

  /** Re-seeds the generator behind probability rules. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** Removes every script and rule. */
  public synchronized void clear() {
    scripts.clear();
    scriptForAll.clear();
    rules.clear();
    armed = false;
  }

  /** Scripted faults not consumed yet. */
  public synchronized int pending() {
    int n = scriptForAll.size();
    for (Deque<FaultSpec> q : scripts.values()) {
      n += q.size();
    }
    return n;
  }

  /** The fault for the next request of {@code op}, or {@code null}. */
  public FaultSpec next(Operation op) {
    if (!armed) {
      return null;
    }
    synchronized (this) {
      Deque<FaultSpec> q = scripts.get(op);
      if (q != null && !q.isEmpty()) {
        return q.poll();
      }
      if (!scriptForAll.isEmpty()) {
        return scriptForAll.poll();
      }
      for (Rule r : rules) {
        if ((r.op == null || r.op == op) && random.nextDouble() < r.probability) {
          return r.spec;
        }
      }
      return null;
    }
  }

  /** The plan as JSON (for the admin endpoint). */
  public synchronized String toJson() {
    StringBuilder sb = new StringBuilder("{\"scripts\":{");
    boolean first = true;
    if (!scriptForAll.isEmpty()) {
      sb.append("\"*\":").append(list(scriptForAll));
      first = false;
    }
    for (Map.Entry<Operation, Deque<FaultSpec>> e : scripts.entrySet()) {
      if (!e.getValue().isEmpty()) {
        sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
        sb.append(list(e.getValue()));
        first = false;
      }
    }
    sb.append("},\"rules\":[");
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"op\":\"").append(r.op == null ? "*" : r.op);
      sb.append("\",\"probability\":").append(r.probability);
      sb.append(",\"fault\":\"").append(r.spec).append("\"}");
    }
    return sb.append("]}").toString();
  }

  private static String list(Deque<FaultSpec> q) {
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (FaultSpec s : q) {
      sb.append(first ? "" : ",").append('"').append(s).append('"');
      first = false;
    }
    return sb.append(']').toString();
  }
}
