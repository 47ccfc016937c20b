package io.ossimport.core.source.local;

import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Remembers every skipped entry, in the order reported. */
final class RecordingListener implements ListingListener {
  final List<String> references = new ArrayList<>();
  final Map<String, SkipReason> reasons = new LinkedHashMap<>();
  final Map<String, String> details = new LinkedHashMap<>();

  @Override
  public void skipped(String reference, SkipReason reason, String detail) {
    references.add(reference);
    reasons.put(reference, reason);
    details.put(reference, detail);
  }
}
