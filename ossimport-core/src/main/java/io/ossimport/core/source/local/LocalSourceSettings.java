package io.ossimport.core.source.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link LocalSource} needs from the job configuration ({@code srcPrefix}, {@code
 * scanThreadCount}, {@code maxMultiThreadScanDepth}, {@code isAllowSymbolicLink}, {@code
 * importSince}, {@code destPrefix}). Validation with messages for the user is the configuration
 * layer's job; this class only rejects values the scanner cannot work with.
 */
public final class LocalSourceSettings {
  private final Path root;
  private final int scanThreadCount;
  private final int maxMultiThreadScanDepth;
  private final boolean allowSymbolicLinks;
  private final long importSinceSeconds;
  private final String keyPrefix;

  private LocalSourceSettings(Builder b) {
    this.root = Objects.requireNonNull(b.root, "root").toAbsolutePath().normalize();
    this.scanThreadCount = b.scanThreadCount;
    this.maxMultiThreadScanDepth = b.maxMultiThreadScanDepth;
    this.allowSymbolicLinks = b.allowSymbolicLinks;
    this.importSinceSeconds = b.importSinceSeconds;
    this.keyPrefix = b.keyPrefix;
  }

  /** Starts settings for scanning the directory {@code root} ({@code srcPrefix}). */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** The absolute, normalised source directory. */
  public Path root() {
    return root;
  }

  public int scanThreadCount() {
    return scanThreadCount;
  }

  /** Directories at this depth (the root is depth 0) are scanned with their subtree as one unit. */
  public int maxMultiThreadScanDepth() {
    return maxMultiThreadScanDepth;
  }

  public boolean allowSymbolicLinks() {
    return allowSymbolicLinks;
  }

  /** Epoch seconds; files modified before this instant are not listed. 0 lists everything. */
  public long importSinceSeconds() {
    return importSinceSeconds;
  }

  /** {@code destPrefix}: prepended to each reference to check that the key will be valid. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * The same settings for the subtree at {@code reference} (a directory below the root): its own
   * root, and {@code destPrefix + reference + "/"} as key prefix, so that keys are checked whole.
   */
  LocalSourceSettings below(String reference) {
    return builder(root.resolve(reference))
        .scanThreadCount(scanThreadCount)
        .maxMultiThreadScanDepth(maxMultiThreadScanDepth)
        .allowSymbolicLinks(allowSymbolicLinks)
        .importSinceSeconds(importSinceSeconds)
        .keyPrefix(keyPrefix + reference + "/")
        .build();
  }

  /** Builder with the defaults of {@code local_job.cfg}. */
  public static final class Builder {
    private final Path root;
    private int scanThreadCount = 1;
    private int maxMultiThreadScanDepth = 1;
    private boolean allowSymbolicLinks;
    private long importSinceSeconds;
    private String keyPrefix = "";

    private Builder(Path root) {
      this.root = root;
    }

    /** {@code scanThreadCount}, at least 1 (default 1). */
    public Builder scanThreadCount(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("scanThreadCount must be at least 1: " + threads);
      }
      this.scanThreadCount = threads;
      return this;
    }

    /** {@code maxMultiThreadScanDepth}, at least 1 (default 1). */
    public Builder maxMultiThreadScanDepth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("maxMultiThreadScanDepth must be at least 1: " + depth);
      }
      this.maxMultiThreadScanDepth = depth;
      return this;
    }

    /** {@code isAllowSymbolicLink} (default false). */
    public Builder allowSymbolicLinks(boolean allow) {
      this.allowSymbolicLinks = allow;
      return this;
    }

    /** {@code importSince} in epoch seconds, 0 for everything (default 0). */
    public Builder importSinceSeconds(long seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("importSince must not be negative: " + seconds);
      }
      this.importSinceSeconds = seconds;
      return this;
    }

    /** {@code destPrefix} (default empty). */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "keyPrefix");
      return this;
    }

    public LocalSourceSettings build() {
      return new LocalSourceSettings(this);
    }
  }
}
