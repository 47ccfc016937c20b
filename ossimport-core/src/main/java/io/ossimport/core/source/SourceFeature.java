package io.ossimport.core.source;

/** Optional abilities of a {@link Source}; flags rather than interface methods. */
public enum SourceFeature {
  /** {@link Source#open(String, long, long)} works, so multipart parts can be read in parallel. */
  RANGED_READ,
  /** The listing checkpoint resumes where it stopped (not true for e.g. UPYUN). */
  RESUMABLE_LISTING,
  /** Objects can be copied by the destination itself, without passing through the worker. */
  SERVER_SIDE_COPY
}
