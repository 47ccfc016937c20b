package io.ossimport.core.source.local;

import java.util.List;

/** Consecutive entries of one unit, handed from a scanner thread to the consumer in one step. */
final class Batch {
  /** Marks the end of the whole stream. */
  static final Batch END = new Batch(null, null, true);

  final UnitState unit;
  final List<ScanItem> items;

  /** True if this batch ends the unit's own entries. */
  final boolean last;

  Batch(UnitState unit, List<ScanItem> items, boolean last) {
    this.unit = unit;
    this.items = items;
    this.last = last;
  }
}
