package io.ossimport.emulator.s3;

import io.ossimport.emulator.store.ObjectSummary;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.Utf8Order;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One page of a bucket listing: the keys after a marker under a prefix, with keys that share a
 * segment up to the delimiter rolled up into common prefixes, as S3 and OSS both list. Walks the
 * store's sorted index lazily and jumps past each rolled-up prefix, so a page costs its own size.
 */
final class KeyPage {
  final List<ObjectSummary> contents = new ArrayList<>();
  final List<String> commonPrefixes = new ArrayList<>();
  boolean truncated;

  /** The last key or common prefix on the page: where the next page starts after. */
  String last;

  private KeyPage() {}

  static KeyPage list(
      Store store, String bucket, String prefix, String delimiter, String after, int maxKeys)
      throws StoreException {
    KeyPage page = new KeyPage();
    String p = prefix == null ? "" : prefix;
    String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    String from = p;
    boolean inclusive = true;
    if (after != null && Utf8Order.INSTANCE.compare(after, p) >= 0) {
      from = after;
      inclusive = false;
    }
    if (maxKeys == 0) {
      return page;
    }
    Iterator<ObjectSummary> it = store.list(bucket, from, inclusive);
    while (it.hasNext()) {
      ObjectSummary summary = it.next();
      String key = summary.key();
      if (!key.startsWith(p)) {
        break; // keys under a prefix are contiguous in the sorted index
      }
      String rolledUp = null;
      if (d != null) {
        int at = key.indexOf(d, p.length());
        if (at >= 0) {
          rolledUp = key.substring(0, at + d.length());
        }
      }
      if (rolledUp != null && rolledUp.equals(page.last)) {
        continue; // a key beyond pastPrefix(rolledUp) that still rolls up into it
      }
      if (rolledUp != null && after != null && Utf8Order.INSTANCE.compare(rolledUp, after) <= 0) {
        // The marker fell inside this common prefix, which an earlier page already returned.
        it = store.list(bucket, pastPrefix(rolledUp), false);
        continue;
      }
      if (page.size() == maxKeys) {
        page.truncated = true;
        break;
      }
      if (rolledUp != null) {
        page.commonPrefixes.add(rolledUp);
        page.last = rolledUp;
        it = store.list(bucket, pastPrefix(rolledUp), false);
      } else {
        page.contents.add(summary);
        page.last = key;
      }
    }
    return page;
  }

  int size() {
    return contents.size() + commonPrefixes.size();
  }

  /**
   * A string after every key that starts with {@code prefix} (short of keys continuing with
   * U+10FFFF itself, which the prefix check then skips one by one).
   */
  private static String pastPrefix(String prefix) {
    return prefix + new String(Character.toChars(Character.MAX_CODE_POINT));
  }
}
