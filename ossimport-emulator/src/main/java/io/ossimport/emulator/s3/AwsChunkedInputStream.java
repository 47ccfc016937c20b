package io.ossimport.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes an {@code aws-chunked} request body as it streams, in all four streaming payload modes:
 * it checks each chunk's signature against the rolling chain, the trailing checksum against the
 * decoded bytes, the trailer's signature, and the decoded length.
 *
 * <p>A chunk's last bytes are only handed out once the chunk has been verified and the next chunk
 * header (and for the final chunk the trailer) has been read, so a consumer that reads exactly the
 * decoded length has seen every check; a failed check is thrown from {@code read} as an {@link
 * S3Failure}.
 */
final class AwsChunkedInputStream extends InputStream {
  private static final int MAX_LINE = 8192;
  private static final int MAX_TRAILER_LINES = 32;

  private final InputStream raw;
  private final ChunkSignatureChain signatures;
  private final boolean trailerExpected;
  private final ChecksumAlgorithm trailerAlgorithm;
  private final ChecksumAlgorithm.Digest checksum;
  private final long decodedLength;

  private boolean started;
  private boolean finished;
  private long chunkRemaining;
  private String chunkSignature;
  private MessageDigest chunkDigest;
  private long decoded;
  private String trailerChecksum;

  /**
   * @param signatures the chain chunk signatures are checked against, null for unsigned chunks
   * @param trailerExpected whether a trailer follows the last chunk
   * @param trailerAlgorithm the checksum named by {@code x-amz-trailer}, or null
   * @param decodedLength {@code x-amz-decoded-content-length}, or -1 when not declared
   */
  AwsChunkedInputStream(
      InputStream raw,
      ChunkSignatureChain signatures,
      boolean trailerExpected,
      ChecksumAlgorithm trailerAlgorithm,
      long decodedLength) {
    this.raw = raw;
    this.signatures = signatures;
    this.trailerExpected = trailerExpected;
    this.trailerAlgorithm = trailerAlgorithm;
    this.checksum = trailerAlgorithm == null ? null : trailerAlgorithm.newDigest();
    this.decodedLength = decodedLength;
  }

  /** The base64 checksum the trailer carried and that matched the data, once finished. */
  String trailerChecksum() {
    return trailerChecksum;
  }

  ChecksumAlgorithm trailerAlgorithm() {
    return trailerAlgorithm;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (!started) {
      started = true;
      startChunk();
    }
    if (finished) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = raw.read(buffer, offset, (int) Math.min(length, chunkRemaining));
    if (n < 0) {
      throw truncated();
    }
    chunkRemaining -= n;
    decoded += n;
    if (decodedLength >= 0 && decoded > decodedLength) {
      throw S3Failure.badRequest(
          "IncompleteBody",
          "The aws-chunked body holds more than x-amz-decoded-content-length = "
              + decodedLength
              + " bytes.");
    }
    if (chunkDigest != null) {
      chunkDigest.update(buffer, offset, n);
    }
    if (checksum != null) {
      checksum.update(buffer, offset, n);
    }
    if (chunkRemaining == 0) {
      endChunk();
      startChunk();
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  private void startChunk() throws IOException {
    String header = readLine();
    if (header == null) {
      throw truncated();
    }
    int semicolon = header.indexOf(';');
    String size = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    chunkSignature = semicolon < 0 ? null : extension(header.substring(semicolon + 1));
    try {
      chunkRemaining = Long.parseLong(size, 16);
    } catch (NumberFormatException e) {
      chunkRemaining = -1;
    }
    if (chunkRemaining < 0) {
      throw S3Failure.badRequest(
          "InvalidChunkSizeError", "Malformed aws-chunked chunk header: " + abbreviate(header));
    }
    chunkDigest = signatures == null ? null : SigV4Crypto.sha256();
    if (chunkRemaining == 0) {
      endChunkSignature();
      readTrailer();
      finished = true;
    }
  }

  private void endChunk() throws IOException {
    if (raw.read() != '\r' || raw.read() != '\n') {
      throw S3Failure.badRequest(
          "IncompleteBody", "An aws-chunked chunk is not followed by CRLF: the size lied.");
    }
    endChunkSignature();
  }

  private void endChunkSignature() throws S3Failure {
    if (signatures != null) {
      signatures.verifyChunk(chunkSignature, SigV4Crypto.hex(chunkDigest.digest()));
    }
  }

  private void readTrailer() throws IOException {
    Map<String, String> trailers = new TreeMap<>();
    String trailerSignature = null;
    for (int i = 0; ; i++) {
      String line = readLine();
      if (line == null || line.isEmpty()) {
        break;
      }
      if (i >= MAX_TRAILER_LINES) {
        throw S3Failure.badRequest("MalformedTrailerError", "Too many aws-chunked trailer lines.");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw S3Failure.badRequest(
            "MalformedTrailerError", "Malformed aws-chunked trailer line: " + abbreviate(line));
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("x-amz-trailer-signature")) {
        trailerSignature = value;
      } else {
        trailers.put(name, value);
      }
    }
    checkDecodedLength();
    if (!trailerExpected) {
      return;
    }
    if (signatures != null) {
      StringBuilder canonical = new StringBuilder();
      for (Map.Entry<String, String> e : trailers.entrySet()) {
        canonical.append(e.getKey()).append(':').append(e.getValue()).append('\n');
      }
      signatures.verifyTrailer(trailerSignature, canonical.toString());
    }
    if (trailerAlgorithm != null) {
      String claimed = trailers.get(trailerAlgorithm.headerName());
      if (claimed == null) {
        throw S3Failure.badRequest(
            "MalformedTrailerError",
            "x-amz-trailer announced " + trailerAlgorithm.headerName() + " but no trailer has it.");
      }
      String actual = checksum.base64();
      if (!actual.equals(claimed)) {
        throw S3Failure.badRequest(
            "BadDigest",
            "The " + trailerAlgorithm + " you specified did not match the calculated checksum.");
      }
      trailerChecksum = actual;
    }
  }

  private void checkDecodedLength() throws S3Failure {
    if (decodedLength >= 0 && decoded != decodedLength) {
      throw S3Failure.badRequest(
          "IncompleteBody",
          "You did not provide the number of bytes specified by x-amz-decoded-content-length ("
              + decodedLength
              + "); the chunks held "
              + decoded
              + ".");
    }
  }

  private static String extension(String extensions) {
    for (String ext : extensions.split(";")) {
      int eq = ext.indexOf('=');
      if (eq > 0 && ext.substring(0, eq).trim().equals("chunk-signature")) {
        return ext.substring(eq + 1).trim();
      }
    }
    return null;
  }

  /** A CRLF-terminated line without its terminator; null at the end of the stream. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(96);
    while (true) {
      int b = raw.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8.name());
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
      }
      if (line.size() >= MAX_LINE) {
        throw S3Failure.badRequest("InvalidRequest", "An aws-chunked line exceeds 8 KiB.");
      }
      line.write(b);
    }
  }

  private static S3Failure truncated() {
    return S3Failure.badRequest(
        "IncompleteBody", "The aws-chunked body ended before its final zero-length chunk.");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
