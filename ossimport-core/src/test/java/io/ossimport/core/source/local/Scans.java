package io.ossimport.core.source.local;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: run listings to the end and build trees. */
final class Scans {
  private Scans() {}

  static LocalSourceSettings.Builder settings(Path root) {
    return LocalSourceSettings.builder(root);
  }

  static List<SourceObject> listAll(LocalSource source, ListingListener listener)
      throws IOException, InterruptedException {
    try (Listing listing = source.list(null, listener)) {
      return drain(listing);
    }
  }

  static List<SourceObject> listAll(LocalSourceSettings settings)
      throws IOException, InterruptedException {
    return listAll(new LocalSource(settings), ListingListener.IGNORE);
  }

  static List<SourceObject> drain(Listing listing) throws IOException, InterruptedException {
    List<SourceObject> out = new ArrayList<>();
    SourceObject o;
    while ((o = listing.next()) != null) {
      out.add(o);
    }
    return out;
  }

  /** Objects by reference, failing on a duplicate reference. */
  static Map<String, SourceObject> byReference(List<SourceObject> objects) {
    Map<String, SourceObject> map = new LinkedHashMap<>();
    for (SourceObject o : objects) {
      if (map.put(o.reference(), o) != null) {
        throw new AssertionError("listed twice: " + o.reference());
      }
    }
    return map;
  }

  static Path file(Path root, String relative, int size) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[size]);
    return p;
  }

  static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static boolean fileNamesAreUtf8() {
    return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
  }

  /** Runs a command, returning true if it exited 0 (false if it could not be run at all). */
  static boolean run(String... command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(new java.io.File("/dev/null"))
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
