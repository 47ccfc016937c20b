package io.ossimport.core.source.local;

import io.ossimport.core.source.SkipReason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Looks at one directory entry (one {@code lstat}, plus one {@code stat} for an allowed symbolic
 * link) and says what it is: a file to list, a directory to walk, or something else and why (the
 * scan lists it as an entry of its own, and {@link LocalSource#stat} asks again for the worker).
 *
 * <p>Symbolic links: without {@code isAllowSymbolicLink} every link is skipped. With it, a link
 * whose target is a regular file is listed with the target's size and time; a link to a directory
 * is skipped and never followed, so the walk only ever descends into real directories and cannot
 * loop; a dangling link or a loop of links is skipped as broken.
 */
final class EntryInspector {

  enum Kind {
    FILE,
    DIRECTORY,
    SKIPPED
  }

  /** What an entry turned out to be. */
  static final class Entry {
    final Kind kind;
    final Path path;
    final long size;
    final long lastModifiedMillis;
    final SkipReason reason;
    final String detail;

    private Entry(Kind kind, Path path, long size, long mtime, SkipReason reason, String detail) {
      this.kind = kind;
      this.path = path;
      this.size = size;
      this.lastModifiedMillis = mtime;
      this.reason = reason;
      this.detail = detail;
    }

    static Entry skipped(SkipReason reason, String detail) {
      return skipped(reason, detail, -1);
    }

    /** With the entry's own mtime ({@code lstat}), where it could be read, else -1. */
    static Entry skipped(SkipReason reason, String detail, long mtime) {
      return new Entry(Kind.SKIPPED, null, 0, mtime, reason, detail);
    }
  }

  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final LinkOption[] FOLLOW = {};

  private final boolean allowSymbolicLinks;

  EntryInspector(boolean allowSymbolicLinks) {
    this.allowSymbolicLinks = allowSymbolicLinks;
  }

  Entry inspect(Path dir, String name) {
    Path path;
    try {
      path = dir.resolve(name);
    } catch (InvalidPathException e) {
      // A name with U+FFFD cannot be encoded back in a non-UTF-8 platform charset.
      return Entry.skipped(SkipReason.UNDECODABLE_NAME, undecodableDetail());
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
    } catch (NoSuchFileException e) {
      return name.indexOf('\uFFFD') >= 0
          ? Entry.skipped(SkipReason.UNDECODABLE_NAME, undecodableDetail())
          : Entry.skipped(SkipReason.VANISHED, "deleted or renamed while the directory was read");
    } catch (IOException e) {
      return Entry.skipped(SkipReason.UNREADABLE_ENTRY, "cannot read attributes: " + reason(e));
    }
    if (attrs.isRegularFile() || attrs.isDirectory()) {
      return of(attrs, path);
    }
    long mtime = attrs.lastModifiedTime().toMillis();
    if (attrs.isSymbolicLink()) {
      return inspectLink(path, mtime);
    }
    return Entry.skipped(SkipReason.SPECIAL_FILE, specialDetail(path), mtime);
  }

  /** A link: what it is under the link rules; {@code mtime} is the link's own. */
  private Entry inspectLink(Path link, long mtime) {
    if (!allowSymbolicLinks) {
      return Entry.skipped(
          SkipReason.SYMBOLIC_LINK_NOT_ALLOWED,
          "symbolic link skipped; set isAllowSymbolicLink=true to upload linked files",
          mtime);
    }
    BasicFileAttributes target;
    try {
      target = Files.readAttributes(link, BasicFileAttributes.class, FOLLOW);
    } catch (NoSuchFileException e) {
      return Entry.skipped(
          SkipReason.BROKEN_SYMBOLIC_LINK,
          "symbolic link to a missing target" + targetOf(link),
          mtime);
    } catch (FileSystemException e) {
      // ELOOP ("Too many levels of symbolic links") lands here; so does EACCES on the target.
      return Entry.skipped(
          e instanceof AccessDeniedException
              ? SkipReason.UNREADABLE_ENTRY
              : SkipReason.BROKEN_SYMBOLIC_LINK,
          "cannot follow symbolic link" + targetOf(link) + ": " + reason(e),
          mtime);
    } catch (IOException e) {
      return Entry.skipped(
          SkipReason.BROKEN_SYMBOLIC_LINK,
          "cannot follow symbolic link" + targetOf(link) + ": " + reason(e),
          mtime);
    }
    if (target.isRegularFile()) {
      return new Entry(
          Kind.FILE, link, target.size(), target.lastModifiedTime().toMillis(), null, null);
    }
    if (target.isDirectory()) {
      return Entry.skipped(
          SkipReason.SYMBOLIC_LINK_TO_DIRECTORY,
          "symbolic link to a directory" + targetOf(link) + " is not followed",
          mtime);
    }
    return Entry.skipped(
        SkipReason.SPECIAL_FILE, "symbolic link to a special file" + targetOf(link), mtime);
  }

  private static Entry of(BasicFileAttributes attrs, Path path) {
    return new Entry(
        attrs.isDirectory() ? Kind.DIRECTORY : Kind.FILE,
        path,
        attrs.size(),
        attrs.lastModifiedTime().toMillis(),
        null,
        null);
  }

  private static String targetOf(Path link) {
    try {
      return " (" + Files.readSymbolicLink(link) + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String specialDetail(Path path) {
    String kind = "a special file";
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", NO_FOLLOW);
      switch (mode & 0170000) {
        case 0010000:
          kind = "a FIFO (named pipe)";
          break;
        case 0140000:
          kind = "a socket";
          break;
        case 0020000:
          kind = "a character device";
          break;
        case 0060000:
          kind = "a block device";
          break;
        default:
          break;
      }
    } catch (IOException | RuntimeException e) {
      // Not every platform has the "unix" view; the generic wording will do.
    }
    return kind + ", not a regular file: skipped";
  }

  static String undecodableDetail() {
    return "the file name is not valid in the platform file-name charset (sun.jnu.encoding="
        + System.getProperty("sun.jnu.encoding")
        + ", from the locale), so it cannot be opened; run ossimport with a locale whose charset"
        + " matches the names (e.g. LANG=zh_CN.GB18030 or LANG=C.UTF-8), or rename the file,"
        + " then resubmit";
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
