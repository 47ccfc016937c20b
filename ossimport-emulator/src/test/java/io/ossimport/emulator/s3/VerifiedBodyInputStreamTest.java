package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerifiedBodyInputStreamTest {
  private static final byte[] BODY = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

  @Test
  void passesABodyMatchingEveryDeclaredDigest() throws Exception {
    VerifiedBodyInputStream in =
        new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), BODY.length)
            .expectMd5(md5(BODY))
            .expectSha256Hex(SigV4Crypto.hex(SigV4Crypto.sha256().digest(BODY)))
            .expectChecksum(ChecksumAlgorithm.CRC32C, crc32c(BODY));

    assertArrayEquals(BODY, SdkSigned.drain(in));
  }

  @Test
  void failsTheReadThatCompletesTheDeclaredLengthWhenContentMd5Differs() throws Exception {
    InputStream in =
        new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), BODY.length)
            .expectMd5(md5("another body".getBytes(StandardCharsets.UTF_8)));
    byte[] exact = new byte[BODY.length];

    S3Failure failure = assertThrows(S3Failure.class, () -> in.read(exact));

    assertEquals("BadDigest", failure.code());
  }

  @Test
  void namesEachMismatchAsS3Does() throws Exception {
    assertEquals(
        "XAmzContentSHA256Mismatch",
        failureOf(
            new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), -1)
                .expectSha256Hex(SigV4Crypto.EMPTY_SHA256)));
    assertEquals(
        "BadDigest",
        failureOf(
            new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), -1)
                .expectChecksum(ChecksumAlgorithm.CRC32, "AAAAAA==")));
    assertEquals(
        "IncompleteBody",
        failureOf(new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), BODY.length + 1)));
    assertEquals(
        "InvalidDigest",
        assertThrows(
                S3Failure.class,
                () ->
                    new VerifiedBodyInputStream(new ByteArrayInputStream(BODY), -1)
                        .expectMd5("not-an-md5"))
            .code());
  }

  private static String failureOf(InputStream in) {
    return assertThrows(S3Failure.class, () -> drain(in)).code();
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[7];
    while (in.read(buffer) >= 0) {
      // drain
    }
  }

  private static String md5(byte[] data) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
  }

  private static String crc32c(byte[] data) {
    ChecksumAlgorithm.Digest digest = ChecksumAlgorithm.CRC32C.newDigest();
    digest.update(data, 0, data.length);
    return digest.base64();
  }
}
