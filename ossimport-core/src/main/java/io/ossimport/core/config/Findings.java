package io.ossimport.core.config;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem and warning of one load, so that all of them are reported together, in the
 * order of the inputs and their lines. Callers pass values already masked.
 */
final class Findings {
  private final List<Sorted<ConfigProblem>> problems = new ArrayList<Sorted<ConfigProblem>>();
  private final List<Sorted<ConfigWarning>> warnings = new ArrayList<Sorted<ConfigWarning>>();
  private int sequence;

  void problem(Origin origin, String key, String shownValue, String message, String fix) {
    problems.add(
        new Sorted<ConfigProblem>(
            origin,
            sequence++,
            new ConfigProblem(origin.label(), origin.line(), key, shownValue, message, fix)));
  }

  void warning(Origin origin, String key, String shownValue, String message, String advice) {
    warnings.add(
        new Sorted<ConfigWarning>(
            origin,
            sequence++,
            new ConfigWarning(origin.label(), origin.line(), key, shownValue, message, advice)));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Problems in input order, then line order, then the order they were found. */
  List<ConfigProblem> problems() {
    return inOrder(problems);
  }

  /** Warnings, in the same order as problems. */
  List<ConfigWarning> warnings() {
    return inOrder(warnings);
  }

  /** Throws every problem found so far, with the warnings, if there is any problem. */
  void throwIfProblems() throws ConfigurationException {
    if (hasProblems()) {
      throw new ConfigurationException(problems(), warnings());
    }
  }

  private static <T> List<T> inOrder(List<Sorted<T>> items) {
    List<Sorted<T>> sorted = new ArrayList<Sorted<T>>(items);
    Collections.sort(sorted, ORDER);
    List<T> out = new ArrayList<T>(sorted.size());
    for (Sorted<T> item : sorted) {
      out.add(item.item);
    }
    return Collections.unmodifiableList(out);
  }

  private static final Comparator<Sorted<?>> ORDER =
      new Comparator<Sorted<?>>() {
        @Override
        public int compare(Sorted<?> a, Sorted<?> b) {
          int c = Integer.compare(a.origin.inputOrder(), b.origin.inputOrder());
          if (c == 0) {
            c = Integer.compare(lineRank(a.origin), lineRank(b.origin));
          }
          return c != 0 ? c : Integer.compare(a.sequence, b.sequence);
        }
      };

  /** Values without a line (inline maps) keep the order they were found in, after lines. */
  private static int lineRank(Origin origin) {
    return origin.line() > 0 ? origin.line() : Integer.MAX_VALUE;
  }

  private static final class Sorted<T> {
    final Origin origin;
    final int sequence;
    final T item;

    Sorted(Origin origin, int sequence, T item) {
      this.origin = origin;
      this.sequence = sequence;
      this.item = item;
    }
  }
}
