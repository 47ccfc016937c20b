package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void pathsCompareComponentByComponentLikeASortedDepthFirstWalk() {
    // As plain strings "a b" < "a/x" (space sorts before slash); a walk visits a/x first.
    assertTrue("a b".compareTo("a/x") < 0);
    assertTrue(Names.comparePaths("a/x", "a b") < 0);
    assertTrue(Names.comparePaths("a", "a/x") < 0, "a directory comes before its contents");
    assertTrue(Names.comparePaths("a/z/z", "a0") < 0, "a subtree comes before the next sibling");
    assertEquals(0, Names.comparePaths("a/b", "a/b"));
    assertTrue(Names.comparePaths("", "a") < 0, "the unit itself comes first");

    List<String> walk = Arrays.asList("a", "a/x", "a/x/1", "a/y", "a b", "a-b", "b");
    List<String> sorted = new ArrayList<>(walk);
    sorted.sort(Names::comparePaths);
    assertEquals(walk, sorted);
  }
}
