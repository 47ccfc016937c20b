package io.ossimport.core.source.local;

import io.ossimport.core.source.SkipReason;
import io.ossimport.core.source.SourceObject;

/** One entry of a unit's stream: an object to list, or a skipped entry to report. */
final class ScanItem {
  final String reference;
  final SourceObject object;
  final SkipReason reason;
  final String detail;

  private ScanItem(String reference, SourceObject object, SkipReason reason, String detail) {
    this.reference = reference;
    this.object = object;
    this.reason = reason;
    this.detail = detail;
  }

  static ScanItem object(SourceObject object) {
    return new ScanItem(object.reference(), object, null, null);
  }

  static ScanItem skipped(String reference, SkipReason reason, String detail) {
    return new ScanItem(reference, null, reason, detail);
  }
}
