package io.ossimport.core.source.s3;

import io.ossimport.emulator.OssEmulator;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
