package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.ListingListener;
import io.ossimport.core.testing.ProxyProcess;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 source contract against the project's emulator (its path-style S3 dialect, SigV4). */
class S3SourceOnEmulatorTest extends S3SourceContract {
  private static OssEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = OssEmulator.builder().inMemory().build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    emulator.close();
  }

  @Override
  URI endpoint() {
    return emulator.url();
  }

  @Override
  String accessKey() {
    return emulator.accessKeyId();
  }

  @Override
  String secret() {
    return emulator.secretAccessKey();
  }

  @Test
  void listingAndReadingGoThroughTheProxyWithItsCredentials() throws Exception {
    put("via/a.txt", "through the proxy".getBytes(StandardCharsets.UTF_8));
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "pw-s3-1")) {
      S3Location location =
          S3Endpoints.resolve(S3Flavor.S3, endpoint().toString(), bucket, "via/", 0);
      try (S3Source source =
          new S3Source(
              S3SourceSettings.builder(S3Flavor.S3, location, endpoint().toString())
                  .credentials(accessKey(), secret())
                  .network(proxy.sourceNetwork())
                  .build())) {
        List<String> listed = references(drain(source.list(null, ListingListener.IGNORE, 10)));
        assertEquals(1, listed.size(), listed.toString());
        try (InputStream in = source.open(listed.get(0))) {
          assertEquals("through the proxy", new String(readAllBytes(in), StandardCharsets.UTF_8));
        }
      }
      assertTrue(proxy.forwarded() >= 2, proxy.forwarded() + " forwarded");
    }
  }

  private static byte[] readAllBytes(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[8192];
    for (int n; (n = in.read(b)) > 0; ) {
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }
}
