package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

class ChecksumAlgorithmTest {
  private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void crcsMatchTheCatalogueCheckValues() {
    assertEquals("e3069283", hex(ChecksumAlgorithm.CRC32C, CHECK_INPUT));
    assertEquals("ae8b14860a799888", hex(ChecksumAlgorithm.CRC64NVME, CHECK_INPUT));
    assertEquals("cbf43926", hex(ChecksumAlgorithm.CRC32, CHECK_INPUT));
  }

  @Test
  void checksumsMatchTheSdkForDataFedInPieces() {
    byte[] data = new byte[100_003];
    new Random(7).nextBytes(data);
    assertSameAsSdk(ChecksumAlgorithm.CRC32, DefaultChecksumAlgorithm.CRC32, data);
    assertSameAsSdk(ChecksumAlgorithm.CRC32C, DefaultChecksumAlgorithm.CRC32C, data);
    assertSameAsSdk(ChecksumAlgorithm.SHA1, DefaultChecksumAlgorithm.SHA1, data);
    assertSameAsSdk(ChecksumAlgorithm.SHA256, DefaultChecksumAlgorithm.SHA256, data);
  }

  private static void assertSameAsSdk(
      ChecksumAlgorithm ours,
      software.amazon.awssdk.checksums.spi.ChecksumAlgorithm theirs,
      byte[] data) {
    SdkChecksum sdk = SdkChecksum.forAlgorithm(theirs);
    sdk.update(data, 0, data.length);
    ChecksumAlgorithm.Digest digest = ours.newDigest();
    for (int off = 0; off < data.length; off += 4099) {
      digest.update(data, off, Math.min(4099, data.length - off));
    }
    assertEquals(Base64.getEncoder().encodeToString(sdk.getChecksumBytes()), digest.base64());
  }

  private static String hex(ChecksumAlgorithm algorithm, byte[] data) {
    ChecksumAlgorithm.Digest digest = algorithm.newDigest();
    digest.update(data, 0, data.length);
    return SigV4Crypto.hex(Base64.getDecoder().decode(digest.base64()));
  }
}
