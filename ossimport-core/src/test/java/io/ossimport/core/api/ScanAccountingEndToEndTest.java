package io.ossimport.core.api;

import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScanAccountingScenario} in the build's JVM (the chmod cases unless it runs as root). */
@ExtendWith(OssEmulatorExtension.class)
class ScanAccountingEndToEndTest {
  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void everyEntryEndsUploadedSkippedOrFailedAndRetryRedoesOnlyTheFailedOnes() throws Exception {
    ScanAccountingScenario.run(oss, temp);
  }
}
