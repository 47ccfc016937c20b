package io.ossimport.core.worker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.config.SkipExistMode;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.oss.RemoteObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * {@code isSkipExistFile} by listing ({@code skipExistMode=list|auto}): what the destination holds
 * in one task's key range, from ListObjects pages (1,000 keys a request) instead of one HEAD per
 * object.
 *
 * <p>The task's destination keys are sorted here in OSS's listing order (UTF-8 bytes, i.e. code
 * points: a local scan does not list in that order), so a listing that is streamed page by page is
 * merged against them; memory is the task's keys (at most {@code taskObjectCountLimit}), never the
 * destination prefix. The listing covers the keys from the first task key to the last: prefix =
 * their common prefix, marker = the first key less its last character, and it stops at the first
 * listed key past the last task key.
 *
 * <p>The first object that asks lists for the whole task (its retries are that object's RETRY
 * lines); the others wait for it. {@code auto} stops listing once the pages read equal the task
 * keys still unresolved: those are left to a HEAD each, so a destination holding many other keys in
 * the range costs at most about twice the HEADs. A listing that fails for good leaves every
 * unresolved key to a HEAD (one WARN event).
 */
final class SkipListing {
  /** OSS's most keys per ListObjects page. */
  static final int PAGE_SIZE = 1000;

  /** Code point order, which is OSS's (UTF-8 byte) order; String.compareTo is UTF-16's. */
  static final Comparator<String> LISTING_ORDER = SkipListing::compareCodePoints;

  /** What the listing says of one key. */
  static final class Lookup {
    /** The key is beyond what was listed: ask with a HEAD. */
    static final Lookup UNKNOWN = new Lookup(false, null);

    final boolean known;

    /** What the destination holds under the key, or {@code null} if it holds nothing. */
    final RemoteObject object;

    private Lookup(boolean known, RemoteObject object) {
      this.known = known;
      this.object = object;
    }
  }

  private final String[] keys;
  private final long[] sizes;
  private final long[] modified;
  private final boolean capped;
  private boolean loaded;

  /** Keys below this index are resolved (present with sizes[i] ≥ 0, or absent). */
  private int resolved;

  private SkipListing(List<String> keys, boolean capped) {
    this.keys = keys.toArray(new String[0]);
    Arrays.sort(this.keys, LISTING_ORDER);
    this.sizes = new long[this.keys.length];
    Arrays.fill(sizes, -1);
    this.modified = new long[this.keys.length];
    this.capped = capped;
  }

  /**
   * The listing for a task whose objects to check have these destination keys, or {@code null} when
   * each gets a HEAD: mode {@code head}, or {@code auto} with fewer than 2 keys (one HEAD is one
   * request, as one page).
   */
  static SkipListing forTask(SkipExistMode mode, List<String> keys) {
    if (mode == SkipExistMode.HEAD
        || keys.isEmpty()
        || (mode == SkipExistMode.AUTO && keys.size() < 2)) {
      return null;
    }
    return new SkipListing(keys, mode == SkipExistMode.AUTO);
  }

  /** What the destination holds under {@code o}'s key, listing the task's range first if needed. */
  synchronized Lookup lookup(TaskContext ctx, ObjectContext o)
      throws StoppedException, IOException {
    if (!loaded) {
      try {
        load(ctx, o);
      } catch (ObjectFailedException e) {
        ctx.logs.event(
            ImportEvent.Level.WARN,
            "listing the destination for isSkipExistFile failed ("
                + e.failure().detail()
                + "): the objects not listed yet get a HEAD each");
      }
      loaded = true;
    }
    int i = Arrays.binarySearch(keys, o.key(), LISTING_ORDER);
    if (i < 0 || i >= resolved) {
      return Lookup.UNKNOWN;
    }
    if (sizes[i] < 0) {
      return new Lookup(true, null);
    }
    return new Lookup(
        true,
        new RemoteObject(
            sizes[i], modified[i], null, null, null, Collections.<String, String>emptyMap()));
  }

  private void load(TaskContext ctx, ObjectContext o)
      throws ObjectFailedException, StoppedException, IOException {
    String first = keys[0];
    String last = keys[keys.length - 1];
    String prefix = commonPrefix(first, last);
    String marker = first.length() == 0 ? null : withoutLastCodePoint(first);
    int pages = 0;
    while (true) {
      final String after = marker == null || marker.isEmpty() ? null : marker;
      ListedPage page = ctx.attempts.run(o, () -> ctx.destination().list(prefix, after, PAGE_SIZE));
      pages++;
      for (ListedPage.Entry e : page.entries) {
        if (compareCodePoints(e.key, last) > 0) {
          resolved = keys.length; // past the range: every task key is seen or absent
          return;
        }
        while (resolved < keys.length && compareCodePoints(keys[resolved], e.key) < 0) {
          resolved++; // not listed before a greater key: absent
        }
        while (resolved < keys.length && keys[resolved].equals(e.key)) {
          sizes[resolved] = e.size;
          modified[resolved] = e.lastModifiedMillis;
          resolved++;
        }
      }
      if (page.nextMarker == null) {
        resolved = keys.length;
        return;
      }
      if (capped && pages >= keys.length - resolved) {
        return; // auto: the rest is cheaper by HEAD than by more pages
      }
      marker = page.nextMarker;
    }
  }

  static int compareCodePoints(String a, String b) {
    return ListedPage.compareKeys(a, b);
  }

  private static String commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
      n--; // never cut a character in two
    }
    return a.substring(0, n);
  }

  private static String withoutLastCodePoint(String s) {
    return s.substring(0, s.offsetByCodePoints(s.length(), -1));
  }
}
