package io.ossimport.core.source.local;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Hands scan units to the scanner threads and keeps the consumer-side progress tree that a
 * checkpoint is made of; one lock for both, so a checkpoint is always consistent.
 *
 * <p>Scheduling: the root unit first; then the children of listed shallow units, taken from the
 * most recently listed unit that still has unstarted children (a stack). Each unit's children
 * therefore start in name order, which the checkpoint relies on, and the walk over the shallow
 * levels stays depth-first, which keeps the number of directory listings held in memory near {@code
 * threads x depth}.
 *
 * <p>Checkpoint size, worst case: the tree holds the units whose entries are being produced (at
 * most one per thread), those with entries waiting in the queue (at most one per queued batch),
 * shallow units with children still to start (about one per thread and level), and the ancestors of
 * all those (at most {@code maxMultiThreadScanDepth} each). Each node is one directory name plus,
 * for a partly consumed unit, one relative path. So it is bounded by {@code (threads + queued
 * batches) x depth} nodes whatever the number of files or directories; typically a few hundred
 * bytes.
 */
final class ScanCoordinator {

  /** What a scanner needs to know, at the start of a unit, to skip what was already consumed. */
  static final class ResumePoint {
    final UnitState.Own own;

    /** Last consumed own entry relative to the unit, or null. */
    final String position;

    /** Greatest child started in an earlier run, or null. */
    final String cursor;

    /** Sorted names of children started earlier and not complete. */
    final String[] openChildren;

    ResumePoint(UnitState.Own own, String position, String cursor, String[] openChildren) {
      this.own = own;
      this.position = position;
      this.cursor = cursor;
      this.openChildren = openChildren;
    }

    /** True if the child directory {@code name} still needs scanning. */
    boolean childNeedsScan(String name) {
      return cursor == null
          || name.compareTo(cursor) > 0
          || Arrays.binarySearch(openChildren, name) >= 0;
    }
  }

  private static final class Expandable {
    final UnitState unit;
    final String[] childDirs;
    int next;

    Expandable(UnitState unit, String[] childDirs) {
      this.unit = unit;
      this.childDirs = childDirs;
    }
  }

  private final int maxDepth;
  private final UnitState root;
  private boolean rootComplete;
  private boolean rootPending;
  private final ArrayDeque<Expandable> expandable = new ArrayDeque<>();
  private int running;
  private boolean finished;
  private boolean endClaimed;
  private boolean closed;

  ScanCoordinator(int maxDepth, UnitState root, boolean rootComplete) {
    this.maxDepth = maxDepth;
    this.root = root;
    this.rootComplete = rootComplete;
    this.rootPending = !rootComplete;
  }

  int maxDepth() {
    return maxDepth;
  }

  boolean isSubtreeUnit(UnitState unit) {
    return unit.depth == maxDepth;
  }

  /** Blocks until a unit is ready to scan; null once there is no more work or after close. */
  synchronized UnitState nextUnit() throws InterruptedException {
    while (true) {
      if (closed) {
        return null;
      }
      if (rootPending) {
        rootPending = false;
        running++;
        return root;
      }
      Expandable top = expandable.peek();
      if (top != null) {
        String name = top.childDirs[top.next++];
        UnitState parent = top.unit;
        if (top.next == top.childDirs.length) {
          expandable.pop();
          parent.childrenExhausted = true;
        }
        UnitState child = parent.openChildren.get(name);
        if (child == null) {
          child = new UnitState(parent, name, parent.depth + 1 == maxDepth);
          parent.openChildren.put(name, child);
        }
        if (parent.cursor == null || name.compareTo(parent.cursor) > 0) {
          parent.cursor = name;
        }
        running++;
        return child;
      }
      if (running == 0) {
        finished = true;
        notifyAll();
        return null;
      }
      wait();
    }
  }

  /** True exactly once, for the thread that should signal the end of the stream. */
  synchronized boolean claimEnd() {
    if (finished && !endClaimed && !closed) {
      endClaimed = true;
      return true;
    }
    return false;
  }

  synchronized ResumePoint resumePoint(UnitState unit) {
    return new ResumePoint(
        unit.own, unit.position(), unit.cursor, unit.openChildren.keySet().toArray(new String[0]));
  }

  /**
   * A scanner finished a unit.
   *
   * @param childDirs for a shallow unit, the sorted child directories that still need scanning
   * @param emittedOwn whether any own entry was queued; if not, nothing is left to consume
   */
  synchronized void unitScanned(UnitState unit, String[] childDirs, boolean emittedOwn) {
    running--;
    if (!isSubtreeUnit(unit)) {
      // Children restored from a checkpoint that are no longer directories can never finish.
      for (Iterator<String> it = unit.openChildren.keySet().iterator(); it.hasNext(); ) {
        if (Arrays.binarySearch(childDirs, it.next()) < 0) {
          it.remove();
        }
      }
      if (childDirs.length == 0) {
        unit.childrenExhausted = true;
      } else {
        expandable.push(new Expandable(unit, childDirs));
      }
    }
    if (!emittedOwn) {
      unit.own = UnitState.Own.DONE;
    }
    completeUpwards(unit);
    notifyAll();
  }

  /** The consumer consumed an own entry of {@code unit}; {@code last} if it was the unit's last. */
  synchronized void consumed(UnitState unit, String reference, boolean last) {
    if (last) {
      unit.own = UnitState.Own.DONE;
      completeUpwards(unit);
    } else {
      unit.consumedReference(reference);
    }
  }

  synchronized String checkpoint() {
    return CheckpointCodec.format(maxDepth, root, rootComplete);
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private void completeUpwards(UnitState unit) {
    while (unit.isComplete()) {
      if (unit.parent == null) {
        rootComplete = true;
        return;
      }
      unit.parent.openChildren.remove(unit.name);
      unit = unit.parent;
    }
  }
}
