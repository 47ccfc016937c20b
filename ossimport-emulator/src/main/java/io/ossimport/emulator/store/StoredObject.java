package io.ossimport.emulator.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object opened for reading: metadata and content of one consistent version, even if the key is
 * overwritten or deleted while it is read. Close it when done.
 */
public interface StoredObject extends Closeable {
  /** The metadata of the opened version. */
  ObjectMeta meta();

  /** A stream of {@code length} bytes from {@code offset} (the caller checked the range). */
  InputStream open(long offset, long length) throws IOException;

  @Override
  void close() throws IOException;
}
