package io.ossimport.core.source.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The names in one directory, sorted, as plain strings.
 *
 * <p>Names only (no {@code Path} or attributes) keep a directory of 200,000 files at roughly 60
 * bytes per entry; attributes are read one entry at a time while walking.
 *
 * <p>Java decodes names with the platform file-name charset ({@code sun.jnu.encoding}, from the
 * locale). Bytes that are not valid in it become U+FFFD, so two different names can decode to the
 * same string; such duplicates are collapsed into one name and remembered in {@link #sharedNames}
 * so the scanner can report them.
 */
final class DirectoryListing {
  final String[] names;
  private final Set<String> sharedNames;

  private DirectoryListing(String[] names, Set<String> sharedNames) {
    this.names = names;
    this.sharedNames = sharedNames;
  }

  /**
   * Lists {@code dir}.
   *
   * @throws IOException naming the reason (e.g. {@link java.nio.file.AccessDeniedException}) if the
   *     directory cannot be listed
   */
  static DirectoryListing read(Path dir) throws IOException {
    // File.list is the cheapest listing the JDK has: one String per entry, no Path objects.
    String[] names = dir.toFile().list();
    if (names == null) {
      throw explainFailure(dir);
    }
    Arrays.sort(names);
    Set<String> shared = null;
    int kept = 0;
    for (String name : names) {
      if (kept > 0 && name.equals(names[kept - 1])) {
        if (shared == null) {
          shared = new HashSet<>();
        }
        shared.add(name);
      } else {
        names[kept++] = name;
      }
    }
    if (kept < names.length) {
      names = Arrays.copyOf(names, kept);
    }
    return new DirectoryListing(names, shared == null ? Collections.<String>emptySet() : shared);
  }

  /** True if several entries of this directory decode to {@code name}. */
  boolean isShared(String name) {
    return !sharedNames.isEmpty() && sharedNames.contains(name);
  }

  /** File.list() says only "null"; ask NIO for the exception that names the cause. */
  private static IOException explainFailure(Path dir) {
    try {
      Files.newDirectoryStream(dir).close();
      return new IOException("cannot list directory " + dir);
    } catch (IOException e) {
      return e;
    } catch (RuntimeException e) {
      return new IOException("cannot list directory " + dir + ": " + e, e);
    }
  }

  /** Used when reporting a directory that cannot be listed. */
  static String describeFailure(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "it no longer exists";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "it is no longer a directory";
    }
    if (e instanceof java.nio.file.FileSystemException
        && ((java.nio.file.FileSystemException) e).getReason() != null) {
      return ((java.nio.file.FileSystemException) e).getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
