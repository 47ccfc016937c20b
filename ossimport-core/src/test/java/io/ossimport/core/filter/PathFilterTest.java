package io.ossimport.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** rclone's glob syntax and first-match precedence, as documented for the filter keys. */
class PathFilterTest {

  private static boolean glob(String pattern, String path) throws FilterSyntaxException {
    return GlobPattern.compile(pattern).matches(path);
  }

  @Test
  void anUnanchoredPatternMatchesWholePathElementsAtTheEnd() throws Exception {
    assertTrue(glob("file.jpg", "file.jpg"));
    assertTrue(glob("file.jpg", "directory/file.jpg"));
    assertFalse(glob("file.jpg", "afile.jpg"));
    assertFalse(glob("file.jpg", "directory/afile.jpg"));
    assertTrue(glob("dir/*.jpg", "a/dir/x.jpg"));
    assertFalse(glob("dir/*.jpg", "a/xdir/x.jpg"));
  }

  @Test
  void aLeadingSlashAnchorsAtTheSourceRoot() throws Exception {
    assertTrue(glob("/file.jpg", "file.jpg"));
    assertFalse(glob("/file.jpg", "directory/file.jpg"));
    assertTrue(glob("/photos/**", "photos/2024/a.jpg"));
    assertFalse(glob("/photos/**", "old/photos/a.jpg"));
  }

  @Test
  void oneStarStopsAtSlashesTwoStarsDoNot() throws Exception {
    assertTrue(glob("*.jpg", "a/b/c.jpg"));
    assertFalse(glob("/*.jpg", "a/c.jpg"));
    assertTrue(glob("/**.jpg", "a/c.jpg"));
    assertTrue(glob("/a/*/c", "a/b/c"));
    assertFalse(glob("/a/*/c", "a/b/x/c"));
    assertTrue(glob("/a/**/c", "a/b/x/c"));
  }

  @Test
  void questionMarkClassesAlternativesAndEscapes() throws Exception {
    assertTrue(glob("l?ss", "less"));
    assertFalse(glob("l?ss", "l/ss"));
    assertTrue(glob("h[ae]llo", "hallo"));
    assertFalse(glob("h[ae]llo", "hullo"));
    assertTrue(glob("h[a-z]llo", "hxllo"));
    assertTrue(glob("h[!a]llo", "hbllo"));
    assertFalse(glob("h[^a]llo", "hallo"));
    assertTrue(glob("*.{jpg,png}", "a/b.png"));
    assertFalse(glob("*.{jpg,png}", "a/b.gif"));
    assertTrue(glob("a\\*b", "a*b"));
    assertFalse(glob("a\\*b", "axb"));
    assertTrue(glob("a+b (1).txt", "x/a+b (1).txt"), "regex characters are literal");
    assertTrue(glob("[]x]", "]"));
  }

  @Test
  void badPatternsAreRefusedWithWhatIsWrong() {
    assertEquals(
        "'[' without ']' in 'a[bc'",
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("a[bc")).getMessage());
    assertEquals(
        "'{' without '}' in '*.{jpg'",
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("*.{jpg"))
            .getMessage());
    assertEquals(
        "'}' without '{' in 'a}'",
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("a}")).getMessage());
    assertEquals(
        "'a\\' ends with a lone '\\'",
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("a\\")).getMessage());
    assertTrue(
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("tmp/"))
            .getMessage()
            .contains("write 'tmp/**'"));
    assertTrue(
        assertThrows(FilterSyntaxException.class, () -> GlobPattern.compile("{{.*}}"))
            .getMessage()
            .contains("not supported"));
  }

  @Test
  void theFirstMatchingRuleDecidesAndNoMatchIncludes() throws Exception {
    PathFilter f = PathFilter.of("", "", "- *.tmp; + /photos/**; - /photos-old/**");
    assertFalse(f.includes("photos/a.tmp"), "the .tmp rule comes first");
    assertTrue(f.includes("photos/a.jpg"));
    assertFalse(f.includes("photos-old/a.jpg"));
    assertTrue(f.includes("docs/readme.txt"), "no rule matches: included");
  }

  @Test
  void includePatternsComeFirstThenExcludesThenFilterRulesThenAFinalExcludeEverything()
      throws Exception {
    PathFilter f = PathFilter.of("*.jpg", "/tmp/**", "+ *.png");
    assertEquals(Arrays.asList("+ *.jpg", "- /tmp/**", "+ *.png", "- **"), f.describe());
    assertTrue(f.includes("tmp/a.jpg"), "include is tried before exclude, as in rclone");
    assertFalse(f.includes("tmp/a.png"));
    assertTrue(f.includes("a/b.png"));
    assertFalse(f.includes("a/b.txt"), "include means only these");
  }

  @Test
  void itemsAreSeparatedBySemicolonsOrLineBreaksAndBackslashSemicolonIsLiteral() throws Exception {
    PathFilter f = PathFilter.of("", "*.tmp ; *.bak\n*.a\\;b;;", "");
    assertEquals(Arrays.asList("- *.tmp", "- *.bak", "- *.a\\;b"), f.describe());
    assertFalse(f.includes("x/y.a;b"));
    assertTrue(f.includes("x/y.a"));
    assertTrue(PathFilter.of("", "", "").isEverything());
  }

  @Test
  void aFilterRuleStartsWithPlusOrMinusAndASpace() {
    assertEquals(
        "'*.jpg' is not a rule: a rule is '+ pattern' (include) or '- pattern' (exclude)",
        PathFilter.problemOfRules("*.jpg"));
    assertEquals(
        "'!' is not a rule: a rule is '+ pattern' (include) or '- pattern' (exclude)",
        PathFilter.problemOfRules("- *.tmp; ! "));
    assertEquals(null, PathFilter.problemOfRules("- *.tmp;+ **"));
  }
}
