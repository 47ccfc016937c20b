package io.ossimport.core.source.local;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SkipReason;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.core.source.UnusableEntryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A local directory ({@code srcType=local}) as a {@link Source}.
 *
 * <h2>Listing</h2>
 *
 * The tree is cut into scan units: each directory above {@code maxMultiThreadScanDepth} (the root
 * is depth 0) is a unit for its own files, and each directory at that depth is a unit for its whole
 * subtree. {@code scanThreadCount} threads scan units in parallel; each unit is scanned by one
 * thread in a fixed order (names sorted by {@link String#compareTo}, depth first), so the entries
 * of one unit arrive in that order, while entries of different units interleave. Every entry the
 * scan meets, except a directory with entries (which is walked), is listed: regular files as
 * objects, and everything else (symbolic links, special files, unreadable entries and directories,
 * undecodable names, empty directories; see {@link io.ossimport.core.source.SkipReason}) as an
 * entry of size 0 (with its own mtime where lstat reads it), which the worker's {@link #stat} finds
 * again and records as skipped by a rule or failed with its reason.
 *
 * <p>{@code importSince}: files older than it are listed too, with their mtime; the worker skips a
 * file whose modification time, in milliseconds, is before {@code importSince * 1000} (a SKIPPED
 * line {@code OLDER_THAN_IMPORT_SINCE}, counted, in {@code skipped.list}). The bound is inclusive
 * so that a file written in the same second a previous full pass started is copied again rather
 * than missed.
 *
 * <p>The root ({@code srcPrefix}) may itself be a symbolic link to a directory; the link rules
 * apply to the entries below it.
 *
 * <p>Keys: each reference is checked with {@link io.ossimport.core.source.ObjectKeys} as {@code
 * destPrefix + reference}; a file whose key OSS would reject is listed flagged invalid.
 *
 * <p>File names are decoded by the JVM with {@code sun.jnu.encoding}, which comes from the locale
 * ({@code LANG}/{@code LC_ALL}). A name whose bytes are not valid in that charset becomes a string
 * with U+FFFD characters that no longer names the file; it is listed and the worker records it as
 * failed with {@code UNDECODABLE_NAME}, and the scan goes on. Under the C/POSIX locale every
 * non-ASCII name is in that case, so run with a UTF-8 locale (or the charset the names were written
 * in).
 *
 * <h2>Resuming</h2>
 *
 * A checkpoint records, per unit, nothing / everything / the last consumed entry, in a tree that
 * contains only unfinished units; see {@link ScanCoordinator} for its size bound. Files created or
 * deleted while the job is stopped are picked up or missed according to where they sort relative to
 * the checkpoint; nothing already consumed is listed again.
 *
 * <h2>Reading</h2>
 *
 * References are resolved under the root and may not escape it. Without {@code
 * isAllowSymbolicLink}, a file replaced by a symbolic link after listing is not followed.
 */
public final class LocalSource implements Source {
  private static final Set<SourceFeature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(SourceFeature.RANGED_READ, SourceFeature.RESUMABLE_LISTING));

  private final LocalSourceSettings settings;
  private final EntryInspector inspector;

  public LocalSource(LocalSourceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inspector = new EntryInspector(settings.allowSymbolicLinks());
  }

  public LocalSourceSettings settings() {
    return settings;
  }

  @Override
  public Set<SourceFeature> features() {
    return FEATURES;
  }

  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    checkRootIsListable();
    CheckpointCodec.Restored start =
        checkpoint == null || checkpoint.isEmpty()
            ? new CheckpointCodec.Restored(new UnitState(null, "", false), false)
            : CheckpointCodec.parse(checkpoint, settings.maxMultiThreadScanDepth());
    return new LocalListing(settings, start, listener);
  }

  @Override
  public Listing listBelow(String reference, ListingListener listener) throws IOException {
    Path dir = resolve(reference);
    try {
      DirectoryListing.read(dir);
    } catch (IOException e) {
      throw new UnusableEntryException(
          reference, SkipReason.UNREADABLE_DIRECTORY, UnitScanner.unreadableDetail(e));
    }
    if (Files.isSymbolicLink(dir)) {
      throw new UnusableEntryException(
          reference, SkipReason.SYMBOLIC_LINK_TO_DIRECTORY, "a symbolic link is not followed");
    }
    return new PrefixedListing(
        new LocalSource(settings.below(reference)).list(null, listener), reference + "/");
  }

  private void checkRootIsListable() throws IOException {
    Path root = settings.root();
    try {
      Files.newDirectoryStream(root).close();
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          root.toString(),
          null,
          "srcPrefix does not exist; set srcPrefix to an existing directory");
    } catch (NotDirectoryException e) {
      throw new NotDirectoryException(
          root + ": srcPrefix is not a directory; it must name a directory, not a file");
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(
          root.toString(),
          null,
          "cannot list srcPrefix (permission denied); run as a user who can read it");
    }
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return Channels.newInputStream(channel(reference));
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
    }
    return new FileRangeInputStream(channel(reference), offset, length);
  }

  /**
   * Looks at the entry again the way the scan did ({@link EntryInspector}): a regular file (or,
   * with {@code isAllowSymbolicLink}, a link to one) has a size and mtime; an entry that is gone is
   * missing; anything else (what the scan carried into the task as failed or skipped: a special
   * file, an undecodable name, an unreadable file, entry or directory, a symbolic link) throws an
   * {@link UnusableEntryException} with its {@link SkipReason}, so a {@code retry} after the fix
   * finds the file as it is then.
   */
  @Override
  public ObjectStat stat(String reference) throws IOException {
    Path path = resolve(reference);
    Path parent = path.getParent() == null ? settings.root() : path.getParent();
    String name = path.getFileName().toString();
    EntryInspector.Entry entry = inspector.inspect(parent, name);
    switch (entry.kind) {
      case FILE:
        if (!Files.isReadable(entry.path)) {
          // fail before a request is made, rather than in the middle of sending the body
          throw new UnusableEntryException(
              reference,
              SkipReason.UNREADABLE_ENTRY,
              "the file cannot be read (permission denied); give the user who runs ossimport"
                  + " read permission, then retry the job");
        }
        return ObjectStat.of(entry.size, entry.lastModifiedMillis);
      case DIRECTORY:
        throw directory(reference, entry.path);
      default:
        if (entry.reason == SkipReason.VANISHED) {
          return ObjectStat.missing();
        }
        throw new UnusableEntryException(reference, entry.reason, entry.detail);
    }
  }

  private static UnusableEntryException directory(String reference, Path dir) {
    DirectoryListing listing;
    try {
      listing = DirectoryListing.read(dir);
    } catch (IOException e) {
      return new UnusableEntryException(
          reference, SkipReason.UNREADABLE_DIRECTORY, UnitScanner.unreadableDetail(e));
    }
    if (listing.names.length == 0) {
      return new UnusableEntryException(
          reference,
          SkipReason.EMPTY_DIRECTORY,
          "an empty directory: OSS has no directories, so no object is made for it");
    }
    return new UnusableEntryException(
        reference, SkipReason.UNREADABLE_DIRECTORY, directoryDetail());
  }

  private static String directoryDetail() {
    return "a directory that could not be listed at scan time (or a file replaced by a"
        + " directory) and can be listed now: run retry once the scan has finished, and retry"
        + " lists it";
  }

  @Override
  public void close() {
    // Nothing held: listings own their threads, streams belong to their callers.
  }

  private FileChannel channel(String reference) throws IOException {
    Set<OpenOption> options = new HashSet<>();
    options.add(StandardOpenOption.READ);
    if (!settings.allowSymbolicLinks()) {
      options.add(LinkOption.NOFOLLOW_LINKS);
    }
    return FileChannel.open(resolve(reference), options);
  }

  /** The file a reference names; rejects references that would leave the root. */
  Path resolve(String reference) throws IOException {
    if (reference.isEmpty() || reference.startsWith("/") || reference.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a relative reference: " + reference);
    }
    for (String name : reference.split("/", -1)) {
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("not a normalised relative reference: " + reference);
      }
    }
    try {
      return settings.root().resolve(reference);
    } catch (InvalidPathException e) {
      throw new UnusableEntryException(
          reference, SkipReason.UNDECODABLE_NAME, EntryInspector.undecodableDetail());
    }
  }
}
