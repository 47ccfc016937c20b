package io.ossimport.core.source.local;

import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Scans one unit on a scanner thread, in the unit's total order, skipping what a checkpoint says
 * was consumed.
 *
 * <p>A shallow unit lists its directory once: its files (and skipped entries) are its own stream,
 * its subdirectories become child units. A subtree unit walks depth-first with each directory's
 * names sorted; while resuming it skips, without listing them, the subtrees that lie wholly before
 * the checkpoint position, and descends only along the position's path.
 */
final class UnitScanner {
  private static final String[] NO_DIRS = new String[0];

  private final LocalSourceSettings settings;
  private final ScanCoordinator coordinator;
  private final BlockingQueue<Batch> queue;
  private final EntryInspector inspector;

  UnitScanner(
      LocalSourceSettings settings, ScanCoordinator coordinator, BlockingQueue<Batch> queue) {
    this.settings = settings;
    this.coordinator = coordinator;
    this.queue = queue;
    this.inspector = new EntryInspector(settings.allowSymbolicLinks());
  }

  void scan(UnitState unit) throws InterruptedException {
    ScanCoordinator.ResumePoint resume = coordinator.resumePoint(unit);
    UnitEmitter out = new UnitEmitter(unit, queue);
    String[] childDirs = NO_DIRS;
    if (coordinator.isSubtreeUnit(unit)) {
      walkSubtree(unit, resume, out);
    } else {
      childDirs = scanShallow(unit, resume, out);
    }
    boolean emitted = out.finish();
    coordinator.unitScanned(unit, childDirs, emitted);
  }

  private String[] scanShallow(UnitState unit, ScanCoordinator.ResumePoint resume, UnitEmitter out)
      throws InterruptedException {
    Path dir = directoryOf(unit);
    DirectoryListing listing = listUnitRoot(unit, dir, resume, out);
    if (listing == null) {
      return NO_DIRS;
    }
    emitIfEmpty(unit, listing, resume, out);
    boolean ownDone = resume.own == UnitState.Own.DONE;
    String position = resume.position;
    String prefix = prefixOf(unit.relPath);
    List<String> dirs = new ArrayList<>();
    for (String name : listing.names) {
      checkInterrupted();
      boolean ownPending = !ownDone && (position == null || name.compareTo(position) > 0);
      boolean childPending = resume.childNeedsScan(name);
      if (!ownPending && !childPending) {
        continue; // consumed in an earlier run, whatever it is: no need to stat it
      }
      EntryInspector.Entry entry = inspector.inspect(dir, name);
      if (entry.kind == EntryInspector.Kind.DIRECTORY) {
        if (childPending) {
          dirs.add(name);
        }
      } else if (ownPending) {
        emit(out, prefix + name, entry, listing.isShared(name));
      }
    }
    return dirs.toArray(NO_DIRS);
  }

  /** One directory on the depth-first stack of a subtree walk. */
  private static final class Frame {
    final Path dir;
    final String prefix;
    final DirectoryListing listing;

    /** Index into the resume path this directory lies on, or -1 if it is wholly after it. */
    final int resumeDepth;

    int next;

    Frame(Path dir, String prefix, DirectoryListing listing, int resumeDepth, int next) {
      this.dir = dir;
      this.prefix = prefix;
      this.listing = listing;
      this.resumeDepth = resumeDepth;
      this.next = next;
    }
  }

  private void walkSubtree(UnitState unit, ScanCoordinator.ResumePoint resume, UnitEmitter out)
      throws InterruptedException {
    if (resume.own == UnitState.Own.DONE) {
      return;
    }
    Path dir = directoryOf(unit);
    DirectoryListing rootListing = listUnitRoot(unit, dir, resume, out);
    if (rootListing == null) {
      return;
    }
    emitIfEmpty(unit, rootListing, resume, out);
    String[] position =
        resume.own == UnitState.Own.PARTIAL ? Names.split(resume.position) : new String[0];
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    stack.push(frame(dir, prefixOf(unit.relPath), rootListing, position, 0));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.next >= f.listing.names.length) {
        stack.pop();
        continue;
      }
      checkInterrupted();
      String name = f.listing.names[f.next++];
      // The entry named by the resume path at this level: consumed itself, or an ancestor of it.
      boolean onPath = f.resumeDepth >= 0 && name.equals(position[f.resumeDepth]);
      boolean isPosition = onPath && f.resumeDepth == position.length - 1;
      String reference = f.prefix + name;
      EntryInspector.Entry entry = inspector.inspect(f.dir, name);
      if (entry.kind == EntryInspector.Kind.DIRECTORY) {
        DirectoryListing listing;
        try {
          listing = DirectoryListing.read(entry.path);
        } catch (IOException e) {
          if (!onPath) {
            out.emit(unreadable(reference, e, entry.lastModifiedMillis));
          }
          continue;
        }
        if (listing.names.length == 0) {
          if (!onPath) {
            // the worker skips it as EMPTY_DIRECTORY
            out.emit(object(reference, 0, entry.lastModifiedMillis));
          }
          continue;
        }
        int depth = onPath && !isPosition ? f.resumeDepth + 1 : -1;
        stack.push(frame(entry.path, reference + "/", listing, position, depth));
      } else if (!onPath) {
        emit(out, reference, entry, f.listing.isShared(name));
      }
    }
  }

  private static Frame frame(
      Path dir, String prefix, DirectoryListing listing, String[] position, int resumeDepth) {
    if (resumeDepth >= position.length) {
      resumeDepth = -1;
    }
    int start = resumeDepth < 0 ? 0 : Names.firstNotBefore(listing.names, position[resumeDepth]);
    return new Frame(dir, prefix, listing, resumeDepth, start);
  }

  /**
   * Lists a unit's directory, reporting it if it cannot be listed. The report is the unit's only
   * and last entry, so it may come after entries consumed in an earlier run (the directory became
   * unreadable meanwhile) without disturbing the order; it is skipped only if it was itself the
   * entry last consumed.
   */
  private DirectoryListing listUnitRoot(
      UnitState unit, Path dir, ScanCoordinator.ResumePoint resume, UnitEmitter out)
      throws InterruptedException {
    try {
      return DirectoryListing.read(dir);
    } catch (IOException e) {
      if (!(resume.own == UnitState.Own.PARTIAL && resume.position.isEmpty())) {
        out.emit(unreadable(unit.relPath, e, -1));
      }
      return null;
    }
  }

  /**
   * An empty unit directory (not the root) is the unit's only entry, which the worker skips as
   * EMPTY_DIRECTORY; once consumed (the unit is then DONE) it is not emitted again.
   */
  private void emitIfEmpty(
      UnitState unit, DirectoryListing listing, ScanCoordinator.ResumePoint resume, UnitEmitter out)
      throws InterruptedException {
    if (listing.names.length == 0 && !unit.relPath.isEmpty() && resume.own == UnitState.Own.NONE) {
      out.emit(object(unit.relPath, 0, -1));
    }
  }

  /**
   * Emits a file as an object, and any other entry (a link, a special file, an unreadable entry, an
   * undecodable name) as an entry of size 0 and its own mtime where {@code lstat} could read it (so
   * that {@code importSince} and incremental rounds treat it as they treat files), else -1: nothing
   * the scan meets is dropped here; the worker looks at each again and records it as uploaded,
   * skipped by a rule or failed.
   */
  private void emit(UnitEmitter out, String reference, EntryInspector.Entry entry, boolean shared)
      throws InterruptedException {
    if (entry.kind == EntryInspector.Kind.FILE) {
      out.emit(object(reference, entry.size, entry.lastModifiedMillis));
    } else {
      out.emit(object(reference, 0, entry.lastModifiedMillis));
    }
    if (shared) {
      // several names of this directory decode to this same text: one entry for each other one
      out.emit(object(reference, 0, -1));
    }
  }

  private ScanItem object(String reference, long size, long mtime) {
    return ScanItem.object(SourceObject.checked(reference, size, mtime, settings.keyPrefix()));
  }

  /** A directory that cannot be listed: an entry of its own, which the worker records as failed. */
  private ScanItem unreadable(String reference, IOException e, long mtime) {
    if (reference.isEmpty()) {
      // the root, listable a moment ago (LocalSource.list checks it): the listing fails
      throw new UncheckedIOException(
          "cannot list srcPrefix " + settings.root() + ": " + unreadableDetail(e), e);
    }
    return object(reference, 0, mtime);
  }

  static String unreadableDetail(IOException e) {
    return "cannot list the directory ("
        + DirectoryListing.describeFailure(e)
        + "); nothing below it is migrated. Fix its permissions and run the job again";
  }

  /** A closed listing interrupts its scanners; stop even while nothing is being queued. */
  private static void checkInterrupted() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
  }

  private Path directoryOf(UnitState unit) {
    return unit.relPath.isEmpty() ? settings.root() : settings.root().resolve(unit.relPath);
  }

  private static String prefixOf(String relPath) {
    return relPath.isEmpty() ? "" : relPath + "/";
  }
}
