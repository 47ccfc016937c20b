package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

class AwsChunkedInputStreamTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void decodesTheAwsDocumentationExampleAndChecksItsChunkSignatures() throws IOException {
    byte[] encoded = AwsChunkedExample.body(AwsChunkedExample.CHUNK_SIGNATURES);
    SigV4Context context = docVerifier().verify(AwsChunkedExample.head());

    byte[] decoded = SdkSigned.drain(decoder(context, encoded, 66560));

    assertEquals(66824, encoded.length);
    byte[] expected = new byte[66560];
    Arrays.fill(expected, (byte) 'a');
    assertArrayEquals(expected, decoded);
  }

  @Test
  void rejectsAChunkWhoseSignatureIsNotTheNextInTheChain() throws IOException {
    String[] swapped = AwsChunkedExample.CHUNK_SIGNATURES.clone();
    swapped[1] = AwsChunkedExample.CHUNK_SIGNATURES[0];
    SigV4Context context = docVerifier().verify(AwsChunkedExample.head());
    InputStream in = decoder(context, AwsChunkedExample.body(swapped), 66560);

    S3Failure failure = assertThrows(S3Failure.class, () -> readFully(in));

    assertEquals("SignatureDoesNotMatch", failure.code());
  }

  @Test
  void checksTheLastChunkBeforeHandingOutItsLastByte() throws IOException {
    String[] badFinal = AwsChunkedExample.CHUNK_SIGNATURES.clone();
    badFinal[2] = AwsChunkedExample.CHUNK_SIGNATURES[1];
    SigV4Context context = docVerifier().verify(AwsChunkedExample.head());
    InputStream in = decoder(context, AwsChunkedExample.body(badFinal), 66560);
    byte[] buffer = new byte[66560];

    assertThrows(S3Failure.class, () -> readExactly(in, buffer));
  }

  @Test
  void decodesSignedChunksFromTheSdkSigner() throws IOException {
    byte[] data = randomBytes(200_000);
    SdkSigned signed = sign(data, true, null);

    SigV4Context context = sdkVerifier().verify(signed.head);

    assertEquals(PayloadMode.STREAMING_SIGNED, context.payloadMode());
    assertArrayEquals(data, SdkSigned.drain(decoder(context, signed)));
  }

  @Test
  void decodesSignedChunksWithASignedCrc32TrailerFromTheSdkSigner() throws IOException {
    byte[] data = randomBytes(150_000);
    SdkSigned signed = sign(data, true, DefaultChecksumAlgorithm.CRC32);
    SigV4Context context = sdkVerifier().verify(signed.head);
    AwsChunkedInputStream in = decoder(context, signed);

    assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, context.payloadMode());
    assertArrayEquals(data, SdkSigned.drain(in));
    assertEquals(checksum(ChecksumAlgorithm.CRC32, data), in.trailerChecksum());
  }

  @Test
  void decodesUnsignedChunksWithChecksumTrailersFromTheSdkSigner() throws IOException {
    byte[] data = randomBytes(70_000);
    for (software.amazon.awssdk.checksums.spi.ChecksumAlgorithm algorithm :
        Arrays.asList(
            DefaultChecksumAlgorithm.CRC32,
            DefaultChecksumAlgorithm.CRC32C,
            DefaultChecksumAlgorithm.SHA1,
            DefaultChecksumAlgorithm.SHA256)) {
      SdkSigned signed = sign(data, false, algorithm);
      SigV4Context context = sdkVerifier().verify(signed.head);
      AwsChunkedInputStream in = decoder(context, signed);

      assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, context.payloadMode());
      assertArrayEquals(data, SdkSigned.drain(in));
      assertEquals(
          signed.head.header("x-amz-trailer"),
          in.trailerAlgorithm().headerName(),
          algorithm.algorithmId());
    }
  }

  @Test
  void rejectsATrailerChecksumThatDoesNotMatchTheData() throws IOException {
    byte[] data = randomBytes(10_000);
    SdkSigned signed = sign(data, false, DefaultChecksumAlgorithm.CRC32);
    byte[] tampered = signed.body.clone();
    tampered[tampered.length / 2] ^= 1; // a data byte, the chunk framing stays intact
    SigV4Context context = sdkVerifier().verify(signed.head);

    S3Failure failure =
        assertThrows(S3Failure.class, () -> readFully(decoder(context, signed.head, tampered)));

    assertEquals("BadDigest", failure.code());
  }

  @Test
  void rejectsATamperedTrailerOfASignedTrailerBody() throws IOException {
    byte[] data = randomBytes(1000);
    SdkSigned signed = sign(data, true, DefaultChecksumAlgorithm.CRC32);
    String forged = "x-amz-checksum-crc32:" + checksum(ChecksumAlgorithm.CRC32, new byte[0]);
    String text =
        new String(signed.body, StandardCharsets.ISO_8859_1)
            .replaceFirst("x-amz-checksum-crc32:[^\r]*", forged);
    SigV4Context context = sdkVerifier().verify(signed.head);

    S3Failure failure =
        assertThrows(
            S3Failure.class,
            () ->
                readFully(
                    decoder(context, signed.head, text.getBytes(StandardCharsets.ISO_8859_1))));

    assertEquals("SignatureDoesNotMatch", failure.code());
  }

  @Test
  void rejectsABodyCutShortOrLongerThanItsDecodedLength() throws IOException {
    byte[] data = randomBytes(5000);
    SdkSigned signed = sign(data, false, DefaultChecksumAlgorithm.CRC32);
    SigV4Context context = sdkVerifier().verify(signed.head);
    byte[] cut = Arrays.copyOf(signed.body, 3000);

    assertEquals(
        "IncompleteBody",
        assertThrows(S3Failure.class, () -> readFully(decoder(context, signed.head, cut))).code());
    assertEquals(
        "IncompleteBody",
        assertThrows(
                S3Failure.class,
                () ->
                    readFully(
                        new AwsChunkedInputStream(
                            new ByteArrayInputStream(signed.body),
                            null,
                            true,
                            ChecksumAlgorithm.CRC32,
                            4999)))
            .code());
  }

  private static SigV4Verifier docVerifier() {
    Map<String, String> keys = new HashMap<>();
    keys.put("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    return new SigV4Verifier(
        keys::get, Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC));
  }

  private static SigV4Verifier sdkVerifier() {
    return new SigV4Verifier(
        Collections.singletonMap(SdkSigned.ACCESS_KEY_ID, SdkSigned.SECRET)::get,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SdkSigned sign(
      byte[] data,
      boolean payloadSigning,
      software.amazon.awssdk.checksums.spi.ChecksumAlgorithm checksum) {
    // The signer signs every payload sent over plain HTTP; unsigned modes need an https URI
    // (only the Host header of the URI is signed, not the scheme).
    return SdkSigned.sign(
        SdkHttpMethod.PUT,
        (payloadSigning ? "http" : "https") + "://127.0.0.1:9000/bucket/object",
        Collections.<String, String>emptyMap(),
        data,
        Clock.fixed(NOW, ZoneOffset.UTC),
        SdkSigned.streaming(payloadSigning, checksum));
  }

  private static AwsChunkedInputStream decoder(SigV4Context context, SdkSigned signed) {
    return decoder(context, signed.head, signed.body);
  }

  private static AwsChunkedInputStream decoder(
      SigV4Context context, RequestHead head, byte[] body) {
    String trailer = head.header("x-amz-trailer");
    return new AwsChunkedInputStream(
        new ByteArrayInputStream(body),
        context.payloadMode().chunkSigned() ? context.chunkSignatures() : null,
        context.payloadMode().trailer(),
        trailer == null ? null : ChecksumAlgorithm.byHeaderName(trailer),
        Long.parseLong(head.header("x-amz-decoded-content-length")));
  }

  private static AwsChunkedInputStream decoder(SigV4Context context, byte[] body, long length) {
    return new AwsChunkedInputStream(
        new ByteArrayInputStream(body), context.chunkSignatures(), false, null, length);
  }

  private static String checksum(ChecksumAlgorithm algorithm, byte[] data) {
    ChecksumAlgorithm.Digest digest = algorithm.newDigest();
    digest.update(data, 0, data.length);
    return digest.base64();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }

  private static void readFully(InputStream in) throws IOException {
    byte[] buffer = new byte[4096];
    while (in.read(buffer) >= 0) {
      // drain
    }
  }

  private static void readExactly(InputStream in, byte[] buffer) throws IOException {
    int off = 0;
    while (off < buffer.length) {
      int n = in.read(buffer, off, buffer.length - off);
      if (n < 0) {
        throw new IOException("short");
      }
      off += n;
    }
  }
}
