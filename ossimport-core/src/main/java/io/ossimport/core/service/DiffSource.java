package io.ossimport.core.service;

import java.io.IOException;

/** The source side of a diff: records in OSS's key order, one at a time. */
interface DiffSource {
  /** The next record, or {@code null} after the last. */
  DiffRecord next() throws IOException;
}
