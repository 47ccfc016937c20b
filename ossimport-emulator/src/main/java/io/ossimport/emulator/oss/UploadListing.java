package io.ossimport.emulator.oss;

import io.ossimport.emulator.store.UploadMeta;
import io.ossimport.emulator.store.Utf8Order;
import java.util.ArrayList;
import java.util.List;

/** One page of ListMultipartUploads over uploads sorted by key, then upload id. */
final class UploadListing {
  final List<UploadMeta> uploads = new ArrayList<UploadMeta>();
  final List<String> prefixes = new ArrayList<String>();
  boolean truncated;
  String nextKeyMarker = "";
  String nextUploadIdMarker = "";

  static UploadListing page(
      List<UploadMeta> all,
      String prefix,
      String delimiter,
      String keyMarker,
      String idMarker,
      int max) {
    UploadListing l = new UploadListing();
    String p = prefix == null ? "" : prefix;
    String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    int count = 0;
    for (UploadMeta u : all) {
      if (!u.key().startsWith(p) || !after(u, keyMarker, idMarker)) {
        continue;
      }
      String cp = null;
      if (d != null) {
        int i = u.key().indexOf(d, p.length());
        if (i >= 0) {
          cp = u.key().substring(0, i + d.length());
        }
      }
      if (cp != null && !l.prefixes.isEmpty() && l.prefixes.get(l.prefixes.size() - 1).equals(cp)) {
        continue;
      }
      if (count == max) {
        l.truncated = true;
        break;
      }
      count++;
      if (cp != null) {
        l.prefixes.add(cp);
        l.nextKeyMarker = cp;
        l.nextUploadIdMarker = "";
      } else {
        l.uploads.add(u);
        l.nextKeyMarker = u.key();
        l.nextUploadIdMarker = u.uploadId();
      }
    }
    if (!l.truncated) {
      l.nextKeyMarker = "";
      l.nextUploadIdMarker = "";
    }
    return l;
  }

  private static boolean after(UploadMeta u, String keyMarker, String idMarker) {
    if (keyMarker == null || keyMarker.isEmpty()) {
      return true;
    }
    int c = Utf8Order.INSTANCE.compare(u.key(), keyMarker);
    if (c != 0) {
      return c > 0;
    }
    return idMarker != null && !idMarker.isEmpty() && u.uploadId().compareTo(idMarker) > 0;
  }
}
