package io.ossimport.core.jobtree;

/** The result of one object attempt in {@code audit.log}. */
public enum AuditResult {
  /** Uploaded and verified. */
  OK,
  /** Left alone on purpose (exists at the destination, older than importSince). */
  SKIPPED,
  /** Failed for good in this run; the object is in {@code error.list}. */
  FAILED,
  /** Failed, and the worker tries again. */
  RETRY
}
