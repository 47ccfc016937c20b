package io.ossimport.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.RawHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension injects one running emulator per class and resets counters and faults. */
@ExtendWith(OssEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OssEmulatorExtensionTest {
  static OssEmulator shared;
  OssEmulator field;

  @Test
  @Order(1)
  void injectsFieldStaticFieldAndParameter(OssEmulator param) throws Exception {
    assertNotNull(field);
    assertSame(field, param);
    assertSame(shared, param);
    param.createBucket("ext");
    RawHttp.call("GET", param.endpoint() + "/ext/", null);
    param.faults().script(Operation.GetObject, FaultSpec.slowDown());
    assertEquals(1, param.counters().total());
  }

  @Test
  @Order(2)
  void countersAndFaultsAreResetBetweenTests() {
    assertEquals(0, field.counters().total());
    assertEquals(0, field.faults().pending());
    assertNotNull(field.store().bucket("ext"));
  }
}
