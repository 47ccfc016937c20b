package io.ossimport.core.source.local;

import java.util.TreeMap;

/**
 * Consumer-side progress of one scan unit, and the node of the checkpoint tree.
 *
 * <p>A unit is a directory. At a depth below {@code maxMultiThreadScanDepth} it is
 * <em>shallow</em>: its own entries are its direct files, and its subdirectories are child units.
 * At that depth it is a <em>subtree</em> unit: its own entries are its whole subtree, walked
 * depth-first in name order. Either way a unit's own entries come in one total order, so "consumed
 * up to position P" describes them exactly.
 *
 * <p>Child units of a shallow unit are started in name order; {@link #cursor} is the greatest name
 * started. A child at or before the cursor that is not in {@link #openChildren} is complete (it and
 * everything below it consumed); children after the cursor are untouched. Complete units leave the
 * tree, so its size is bounded by the units in flight (see {@link ScanCoordinator}).
 *
 * <p>Guarded by the {@link ScanCoordinator}'s lock.
 */
final class UnitState {
  enum Own {
    /** Nothing of the unit's own entries consumed. */
    NONE,
    /** Consumed up to and including {@link #position}. */
    PARTIAL,
    /** All own entries consumed (a subtree unit is then complete). */
    DONE
  }

  final UnitState parent;

  /** The directory's name in its parent; empty for the source root. */
  final String name;

  /** Path from the source root, {@code /}-separated; empty for the root. */
  final String relPath;

  final int depth;

  Own own = Own.NONE;

  /**
   * Last consumed own entry as a path relative to this unit's directory ({@code ""} = an event
   * about the directory itself). Stored as the entry's full reference and cut on demand, so the
   * consumer does not allocate per entry.
   */
  private String lastReference;

  String cursor;

  /** Listing done and every child started; always true for subtree units. */
  boolean childrenExhausted;

  final TreeMap<String, UnitState> openChildren = new TreeMap<>(Names.ORDER);

  UnitState(UnitState parent, String name, boolean subtree) {
    this.parent = parent;
    this.name = name;
    this.relPath = parent == null || parent.relPath.isEmpty() ? name : parent.relPath + "/" + name;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.childrenExhausted = subtree;
  }

  /** Position of the last consumed own entry, relative to this unit; null unless PARTIAL. */
  String position() {
    if (own != Own.PARTIAL) {
      return null;
    }
    return lastReference.length() <= relPath.length()
        ? ""
        : relPath.isEmpty() ? lastReference : lastReference.substring(relPath.length() + 1);
  }

  /** Records that the own entry with this reference (or the directory itself) was consumed. */
  void consumedReference(String reference) {
    own = Own.PARTIAL;
    lastReference = reference;
  }

  /** Restores a PARTIAL position read from a checkpoint. */
  void restorePosition(String position) {
    own = Own.PARTIAL;
    lastReference =
        position.isEmpty() ? relPath : relPath.isEmpty() ? position : relPath + "/" + position;
  }

  boolean isComplete() {
    return own == Own.DONE && childrenExhausted && openChildren.isEmpty();
  }
}
