package io.ossimport.emulator.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks a request body as it streams against what the client declared for it: the length, {@code
 * Content-MD5}, the signed {@code x-amz-content-sha256} and an {@code x-amz-checksum-*} header. The
 * checks run when the declared length has been read (before the last bytes are handed out) or at
 * the end of the stream, and fail the read with an {@link S3Failure}.
 */
final class VerifiedBodyInputStream extends FilterInputStream {
  private final long expectedLength;
  private final List<Check> checks = new ArrayList<>();
  private long count;
  private boolean verified;

  /**
   * @param expectedLength the declared body length, or -1 when unknown (chunked transfer)
   */
  VerifiedBodyInputStream(InputStream in, long expectedLength) {
    super(in);
    this.expectedLength = expectedLength;
  }

  /** Expects {@code Content-MD5}: the base64 of the body's MD5. */
  VerifiedBodyInputStream expectMd5(String base64) throws S3Failure {
    byte[] md5;
    try {
      md5 = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      md5 = new byte[0];
    }
    if (md5.length != 16) {
      throw S3Failure.badRequest("InvalidDigest", "The Content-MD5 you specified was invalid.");
    }
    final MessageDigest digest = messageDigest("MD5");
    final String expected = Base64.getEncoder().encodeToString(md5);
    checks.add(
        new Check(
            expected,
            S3Failure.badRequest(
                "BadDigest", "The Content-MD5 you specified did not match what we received.")) {
          @Override
          void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }

          @Override
          String result() {
            return Base64.getEncoder().encodeToString(digest.digest());
          }
        });
    return this;
  }

  /** Expects the signed payload hash, the hex SHA-256 of the body. */
  VerifiedBodyInputStream expectSha256Hex(String hex) {
    final MessageDigest digest = SigV4Crypto.sha256();
    checks.add(
        new Check(
            hex,
            S3Failure.badRequest(
                "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.")) {
          @Override
          void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }

          @Override
          String result() {
            return SigV4Crypto.hex(digest.digest());
          }
        });
    return this;
  }

  /** Expects a flexible checksum header's base64 value. */
  VerifiedBodyInputStream expectChecksum(ChecksumAlgorithm algorithm, String base64) {
    final ChecksumAlgorithm.Digest digest = algorithm.newDigest();
    checks.add(
        new Check(
            base64.trim(),
            S3Failure.badRequest(
                "BadDigest",
                "The " + algorithm + " you specified did not match the calculated checksum.")) {
          @Override
          void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }

          @Override
          String result() {
            return digest.base64();
          }
        });
    return this;
  }

  /** The number of body bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      verify();
      return -1;
    }
    count += n;
    for (Check check : checks) {
      check.update(b, off, n);
    }
    if (expectedLength >= 0 && count >= expectedLength) {
      verify();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would escape the digests.
    byte[] sink = new byte[(int) Math.min(n, 8192)];
    int read = read(sink, 0, sink.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws S3Failure {
    if (verified) {
      return;
    }
    verified = true;
    if (expectedLength >= 0 && count != expectedLength) {
      throw S3Failure.badRequest(
          "IncompleteBody",
          "You did not provide the number of bytes specified by the Content-Length HTTP header ("
              + expectedLength
              + "); got "
              + count
              + ".");
    }
    for (Check check : checks) {
      if (!check.expected.equals(check.result())) {
        throw check.failure;
      }
    }
  }

  private static MessageDigest messageDigest(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has " + name, e);
    }
  }

  private abstract static class Check {
    final String expected;
    final S3Failure failure;

    Check(String expected, S3Failure failure) {
      this.expected = expected;
      this.failure = failure;
    }

    abstract void update(byte[] b, int off, int len);

    abstract String result();
  }
}
