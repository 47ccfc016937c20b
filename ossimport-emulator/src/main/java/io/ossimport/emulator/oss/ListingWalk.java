package io.ossimport.emulator.oss;

import io.ossimport.emulator.store.ObjectSummary;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One page of a listing over the sorted key index: objects and common prefixes after a marker,
 * under a prefix, rolled up at a delimiter. Jumps past a whole common prefix instead of reading
 * every key under it, so a page costs about max-keys index steps.
 */
final class ListingWalk {
  final List<ObjectSummary> contents = new ArrayList<ObjectSummary>();
  final List<String> prefixes = new ArrayList<String>();
  boolean truncated;

  /** The last key or common prefix returned (the next marker when truncated). */
  String last;

  static ListingWalk run(
      Store store, String bucket, String prefix, String delimiter, String after, int max)
      throws StoreException {
    ListingWalk w = new ListingWalk();
    String p = prefix == null ? "" : prefix;
    String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    String start = p;
    boolean inclusive = true;
    if (after != null && io.ossimport.emulator.store.Utf8Order.INSTANCE.compare(after, p) >= 0) {
      start = after;
      inclusive = false;
      if (d != null && after.startsWith(p)) {
        int i = after.indexOf(d, p.length());
        if (i >= 0) {
          String cp = after.substring(0, i + d.length());
          String next = successor(cp);
          if (next != null) {
            start = next;
            inclusive = true;
          }
        }
      }
    }
    if (max == 0) {
      Iterator<ObjectSummary> it = store.list(bucket, start, inclusive);
      w.truncated = it.hasNext() && it.next().key().startsWith(p);
      return w;
    }
    Iterator<ObjectSummary> it = store.list(bucket, start, inclusive);
    int count = 0;
    while (it.hasNext()) {
      ObjectSummary s = it.next();
      String key = s.key();
      if (!key.startsWith(p)) {
        break;
      }
      String cp = null;
      if (d != null) {
        int i = key.indexOf(d, p.length());
        if (i >= 0) {
          cp = key.substring(0, i + d.length());
        }
      }
      if (count == max) {
        w.truncated = true;
        break;
      }
      if (cp == null) {
        w.contents.add(s);
        w.last = key;
        count++;
      } else {
        w.prefixes.add(cp);
        w.last = cp;
        count++;
        String next = successor(cp);
        if (next == null) {
          while (it.hasNext()) {
            ObjectSummary t = it.next();
            if (!t.key().startsWith(cp)) {
              it = store.list(bucket, t.key(), true);
              break;
            }
          }
        } else {
          it = store.list(bucket, next, true);
        }
      }
    }
    return w;
  }

  /** The smallest string sorting after every string that starts with {@code s}, or null. */
  static String successor(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int cp = s.codePointBefore(s.length());
    if (cp == Character.MAX_CODE_POINT) {
      return null;
    }
    int next = cp + 1;
    if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
      next = Character.MAX_SURROGATE + 1;
    }
    return s.substring(0, s.length() - Character.charCount(cp))
        + new String(Character.toChars(next));
  }
}
