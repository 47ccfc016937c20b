package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckpointCodecTest {

  @Test
  void anyNameSurvivesTheRoundTripAndTheTextStaysOnePrintableLine() {
    String odd = "tab\t new\nline (paren) %25 ;semi, 日本 😀 \uFFFD";
    UnitState root = new UnitState(null, "", false);
    root.own = UnitState.Own.DONE;
    root.cursor = odd + "z";
    UnitState child = new UnitState(root, odd, false);
    child.consumedReference(child.relPath + "/" + odd + ".txt");
    child.cursor = "c";
    root.openChildren.put(odd, child);
    UnitState grandChild = new UnitState(child, "b", true);
    grandChild.consumedReference(grandChild.relPath + "/x/" + odd);
    child.openChildren.put("b", grandChild);

    String text = CheckpointCodec.format(2, root, false);
    assertTrue(text.chars().allMatch(c -> c >= 0x21 && c < 0x7f || c == ' '), text);

    UnitState back = CheckpointCodec.parse(text, 2).root;
    assertEquals(UnitState.Own.DONE, back.own);
    assertEquals(odd + "z", back.cursor);
    UnitState backChild = back.openChildren.get(odd);
    assertEquals(odd + ".txt", backChild.position());
    assertEquals("c", backChild.cursor);
    assertFalse(backChild.childrenExhausted);
    UnitState backGrandChild = backChild.openChildren.get("b");
    assertEquals("x/" + odd, backGrandChild.position());
    assertTrue(backGrandChild.childrenExhausted, "depth 2 is a subtree unit");
    assertEquals(text, CheckpointCodec.format(2, back, false));
  }

  @Test
  void anEventAboutTheUnitDirectoryItselfIsAnEmptyPosition() {
    UnitState root = new UnitState(null, "", false);
    UnitState child = new UnitState(root, "locked", true);
    child.consumedReference("locked");
    root.openChildren.put("locked", child);

    UnitState back = CheckpointCodec.parse(CheckpointCodec.format(1, root, false), 1).root;

    assertEquals("", back.openChildren.get("locked").position());
  }

  @Test
  void malformedOrForeignCheckpointsAreRejectedClearly() {
    assertThrows(IllegalArgumentException.class, () -> CheckpointCodec.parse("marker=abc", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CheckpointCodec.parse("local-scan-1;depth=1;(n -", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CheckpointCodec.parse("local-scan-1;depth=1;(n =%Z1)", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CheckpointCodec.parse("local-scan-1;depth=1;(n -(na -(nb -)))", 1),
        "units nested deeper than the scan depth");
  }
}
