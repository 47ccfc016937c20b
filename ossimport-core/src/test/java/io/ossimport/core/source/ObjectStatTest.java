package io.ossimport.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectStatTest {
  @Test
  void eachCopyChangesOnlyItsAttributeAndKeepsTheOthers() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("author", "jane");
    ObjectStat stat =
        ObjectStat.of(42, 1000)
            .withContentType("text/plain")
            .withUserMetadata(meta)
            .withCrc64(7L)
            .withMd5Hex("abc")
            .withHeaders(Collections.singletonMap("Cache-Control", "no-cache"))
            .withStorageClass("IA");

    assertTrue(stat.exists());
    assertEquals(42, stat.size());
    assertEquals(1000, stat.lastModifiedMillis());
    assertEquals("text/plain", stat.contentType());
    assertEquals(meta, stat.userMetadata());
    assertEquals(Long.valueOf(7), stat.crc64());
    assertEquals("abc", stat.md5Hex());
    assertEquals(Collections.singletonMap("Cache-Control", "no-cache"), stat.headers());
    assertEquals("IA", stat.storageClass());

    ObjectStat retyped = stat.withContentType(null);
    assertNull(retyped.contentType());
    assertEquals("IA", retyped.storageClass());
    assertEquals(Long.valueOf(7), retyped.crc64());
    assertEquals("text/plain", stat.contentType(), "the original is unchanged");
  }

  @Test
  void metadataIsCopiedAndHeadersWithoutAValueAreLeftOut() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("author", "jane");
    ObjectStat stat = ObjectStat.of(1, 2).withUserMetadata(meta);
    meta.put("later", "x");
    assertEquals(Collections.singletonMap("author", "jane"), stat.userMetadata());
    assertThrows(UnsupportedOperationException.class, () -> stat.userMetadata().put("a", "b"));

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", "");
    headers.put("Expires", null);
    headers.put("Content-Language", "en");
    assertEquals(
        Collections.singletonMap("Content-Language", "en"), stat.withHeaders(headers).headers());
  }

  @Test
  void aMissingObjectHasNoAttributes() {
    ObjectStat missing = ObjectStat.missing();
    assertEquals(false, missing.exists());
    assertEquals(-1, missing.size());
    assertTrue(missing.userMetadata().isEmpty());
    assertTrue(missing.headers().isEmpty());
  }
}
