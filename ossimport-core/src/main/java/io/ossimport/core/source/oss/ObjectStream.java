package io.ossimport.core.source.oss;

import com.aliyun.oss.model.OSSObject;
import java.io.FilterInputStream;
import java.io.IOException;

/**
 * The body of a GetObject. A read that breaks off is a retryable {@code NETWORK} failure of the
 * source (see {@link SourceErrors#streaming}); closing before the end drops the connection instead
 * of draining the rest of the body, so a reset part re-read does not first download what it skips.
 */
final class ObjectStream extends FilterInputStream {
  private final OSSObject object;
  private final OssSourceSettings settings;
  private final String key;
  private boolean ended;

  ObjectStream(OSSObject object, OssSourceSettings settings, String key) {
    super(object.getObjectContent());
    this.object = object;
    this.settings = settings;
    this.key = key;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      ended |= b < 0;
      return b;
    } catch (IOException e) {
      throw SourceErrors.streaming(e, settings, key);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      ended |= n < 0;
      return n;
    } catch (IOException e) {
      throw SourceErrors.streaming(e, settings, key);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw SourceErrors.streaming(e, settings, key);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    if (ended) {
      object.close();
    } else {
      object.forcedClose();
    }
  }
}
