package io.ossimport.core.source;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

  @Test
  void acceptsOrdinaryKeysWithTabsSpacesAndUnicode() {
    for (String key :
        Arrays.asList("a", "dir/file.txt", "tab\there", "with space", "日本/語", "emoji 😀", "a\\b")) {
      assertNull(ObjectKeys.validate(key), key);
    }
  }

  @Test
  void rejectsEmptyKeysAndKeysStartingWithASlashOrBackslash() {
    assertInvalid("", "empty");
    assertInvalid("/abs", "starts with '/'");
    assertInvalid("\\win", "starts with '\\'");
  }

  @Test
  void rejectsLineBreaksOtherControlCharactersAndXmlNonCharacters() {
    assertInvalid("a\nb", "line feed");
    assertInvalid("a\rb", "carriage return");
    assertInvalid("a\u0001b", "U+0001");
    assertInvalid("a\u0000", "U+0000");
    assertInvalid("a\uFFFE", "U+FFFE");
    assertInvalid("a\uD800b", "unpaired surrogate");
  }

  @Test
  void limitsKeysTo1023BytesOfUtf8NotCharacters() {
    assertNull(ObjectKeys.validate(repeat("x", 1023)));
    assertInvalid(repeat("x", 1024), "1024 bytes");
    // 341 three-byte characters = 1023 bytes; one more is too long although only 342 characters.
    assertNull(ObjectKeys.validate(repeat("語", 341)));
    assertInvalid(repeat("語", 342), "1026 bytes");
    // A surrogate pair is one 4-byte character.
    assertNull(ObjectKeys.validate(repeat("😀", 255) + "xxx"));
    assertInvalid(repeat("😀", 256), "1024 bytes");
  }

  private static void assertInvalid(String key, String expectedInMessage) {
    String problem = ObjectKeys.validate(key);
    assertTrue(problem != null && problem.contains(expectedInMessage), key + " -> " + problem);
  }

  private static String repeat(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(s);
    }
    return sb.toString();
  }
}
