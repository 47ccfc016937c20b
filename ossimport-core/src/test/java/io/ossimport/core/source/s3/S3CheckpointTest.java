package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S3CheckpointTest {

  @Test
  void anyKeySurvivesAsOnePrintableLine() {
    String key = "p/a b+c\n\t\u20ac%2F/\u00fc";
    String checkpoint = S3Checkpoint.write(key);
    assertTrue(checkpoint.chars().allMatch(c -> c > 0x20 && c < 0x7f), checkpoint);
    assertEquals(key, S3Checkpoint.read(checkpoint, "p/"));
  }

  @Test
  void nothingConsumedStartsFromTheFirstKey() {
    assertNull(S3Checkpoint.read(S3Checkpoint.write(null), "p/"));
    assertNull(S3Checkpoint.read(null, "p/"));
    assertNull(S3Checkpoint.read("", "p/"));
  }

  @Test
  void aCheckpointOfAnotherPrefixOrKindIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> S3Checkpoint.read(S3Checkpoint.write("other/x"), "p/"));
    assertTrue(e.getMessage().contains("another srcPrefix"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> S3Checkpoint.read("u:1:0", "p/"));
  }

  @Test
  void settingsNeverShowTheSecret() {
    S3SourceSettings s =
        S3SourceSettings.builder(
                S3Flavor.S3,
                S3Endpoints.resolve(S3Flavor.S3, "http://h:1", "b", "", 0),
                "http://h:1")
            .credentials("id", "the-secret")
            .build();
    assertFalse(s.toString().contains("the-secret"), s.toString());
    assertFalse(s.describe().contains("the-secret"), s.describe());
  }
}
