package io.ossimport.core.source.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.BadSourceEntryException;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URL list: columns, line ends, bad rows and resuming; no request is sent while listing. */
class HttpListingTest {
  @TempDir Path temp;

  @Test
  void theUrlIsPrefixPlusPathAndTheKeyIsThePathAsInTheOriginalExamples() throws Exception {
    List<SourceObject> objects =
        listAll(list("http://127.0.0.1/aa/  bb.jpg\nhttp://127.0.0.1/\taa/bb.jpg\n"), 1, 2);

    assertEquals("http://127.0.0.1/aa/bb.jpg", objects.get(0).reference());
    assertEquals("bb.jpg", objects.get(0).destinationName());
    assertEquals("http://127.0.0.1/aa/", objects.get(0).group());
    assertEquals("http://127.0.0.1/aa/bb.jpg", objects.get(1).reference());
    assertEquals("aa/bb.jpg", objects.get(1).destinationName());
    assertEquals("http://127.0.0.1/", objects.get(1).group());
    assertEquals(-1, objects.get(0).size(), "sizes are unknown until a worker asks");
    assertEquals(-1, objects.get(0).lastModifiedMillis());
  }

  @Test
  void columnsAreConfigurableAndFurtherColumnsAreIgnored() throws Exception {
    List<SourceObject> objects = listAll(list("bb/cc  http://h/aa/ dd/ee   ff.jpg  extra\n"), 2, 4);

    assertEquals("http://h/aa/ff.jpg", objects.get(0).reference());
    assertEquals("ff.jpg", objects.get(0).destinationName());
  }

  @Test
  void lfCrlfAndCrLineEndsABomAndBlankLinesAreAllAccepted() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String rows = "http://h/ a\r\n\r\n \t \nhttp://h/ b\rhttp://h/ c\n\nhttp://h/ d";
    Path file = temp.resolve("bom.list");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(bom);
    bytes.write(rows.getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());

    List<String> names = new ArrayList<>();
    for (SourceObject o : listAll(file, 1, 2)) {
      assertTrue(o.reference().startsWith("http://h/"), o.toString());
      names.add(o.destinationName());
    }
    assertEquals(Arrays.asList("a", "b", "c", "d"), names);
  }

  @Test
  void aRowWithTooFewColumnsIsListedAsAFailureNamingItsLine() throws Exception {
    Path file = list("http://h/ a\r\nhttp://h/b\r\nhttp://h/ c\r\n");
    List<SourceObject> objects = listAll(file, 1, 2);

    assertEquals(3, objects.size(), "nothing is dropped");
    SourceObject bad = objects.get(1);
    assertTrue(bad.reference().startsWith("line 2: the row has 1 column"), bad.reference());
    assertTrue(bad.reference().contains("'http://h/b'"), bad.reference());
    assertTrue(bad.destinationName().contains("line 2"), bad.destinationName());
    try (HttpSource source = source(file, 1, 2)) {
      BadSourceEntryException e =
          assertThrows(BadSourceEntryException.class, () -> source.stat(bad.reference()));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
      assertThrows(BadSourceEntryException.class, () -> source.open(bad.reference(), 0, 10));
    }
  }

  @Test
  void urlsThatAreNotHttpOrCannotBeParsedAreBadRowsKeepingTheirKey() throws Exception {
    List<SourceObject> objects =
        listAll(
            list("ftp://h/ a.jpg\nhttp:/// b.jpg\nhttp://h/[x/ c.jpg\nhttps://h/ d.jpg\n"), 1, 2);

    assertTrue(objects.get(0).reference().startsWith("line 1: the URL does not start with http"));
    assertEquals("a.jpg", objects.get(0).destinationName());
    assertTrue(objects.get(1).reference().startsWith("line 2: the URL cannot be parsed"));
    assertEquals("http://h/[x/c.jpg", objects.get(2).reference(), "escaped for the request only");
    assertEquals("https://h/d.jpg", objects.get(3).reference());
  }

  @Test
  void aRowWhoseKeyOssWouldRefuseIsFlaggedWithItsLine() throws Exception {
    SourceObject o = listAll(list("\nhttp://h/ a\u0001b.jpg\n"), 1, 2).get(0);

    assertFalse(o.isKeyValid());
    assertEquals("a\u0001b.jpg", o.destinationName());
    assertTrue(o.invalidKeyReason().contains("U+0001"), o.invalidKeyReason());
    assertTrue(o.reference().startsWith("line 2: "), o.reference());
  }

  @Test
  void aRowWithoutLineBreaksIsCutNotHeldWholeAndTheNextRowIsRead() throws Exception {
    StringBuilder huge = new StringBuilder("http://h/ ");
    while (huge.length() <= ListFileReader.MAX_LINE_BYTES * 3) {
      huge.append("abcdefgh/");
    }
    List<SourceObject> objects = listAll(list(huge + "\nhttp://h/ next\n"), 1, 2);

    assertTrue(objects.get(0).reference().startsWith("line 1: the row is longer than"));
    assertEquals("next", objects.get(1).destinationName());
  }

  @Test
  void resumingFromTheCheckpointAfterAnyRowYieldsExactlyTheRest() throws Exception {
    Path file =
        list(
            "\uFEFFhttp://h/ a\r\n\r\nhttp://h/ b\nbad-row\rhttp://g/ c\r\n  \n"
                + "http://g/ d\rhttp://g/ \u00e9t\u00e9.jpg\r\n\nhttp://g/ f");
    List<SourceObject> all = new ArrayList<>();
    List<String> checkpoints = new ArrayList<>();
    try (HttpSource source = source(file, 1, 2);
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      checkpoints.add(listing.checkpoint());
      for (SourceObject o = listing.next(); o != null; o = listing.next()) {
        all.add(o);
        listing.peek(); // a peek does not consume
        checkpoints.add(listing.checkpoint());
      }
    }
    assertEquals(7, all.size());

    for (int i = 0; i < checkpoints.size(); i++) {
      try (HttpSource source = source(file, 1, 2);
          Listing resumed = source.list(checkpoints.get(i), ListingListener.IGNORE)) {
        List<SourceObject> rest = new ArrayList<>();
        for (SourceObject o = resumed.next(); o != null; o = resumed.next()) {
          rest.add(o);
        }
        assertEquals(all.subList(i, all.size()), rest, "resumed from " + checkpoints.get(i));
        assertNull(resumed.next());
      }
    }
  }

  @Test
  void aCheckpointOfAnotherKindOrBeyondTheFileIsRefused() throws Exception {
    Path file = list("http://h/ a\n");
    try (HttpSource source = source(file, 1, 2)) {
      assertThrows(
          IllegalArgumentException.class, () -> source.list("u1|x", ListingListener.IGNORE));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> source.list("500:3", ListingListener.IGNORE));
      assertTrue(e.getMessage().contains("changed"), e.getMessage());
    }
  }

  @Test
  void aMissingListFileStopsTheListingWithTheKeyToFix() throws Exception {
    try (HttpSource source = source(temp.resolve("none.list"), 1, 2)) {
      IOException e =
          assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE));
      assertTrue(e.getMessage().contains("httpListFilePath"), e.getMessage());
    }
  }

  @Test
  void charactersAUriDoesNotAllowAreEscapedForTheRequestOnly() throws URISyntaxException {
    assertEquals(
        "http://h/%E7%85%A7%E7%89%87/a%7Cb%5E%25zz%20.jpg?q=1",
        HttpUrls.toUri("http://h/照片/a|b^%zz .jpg?q=1").toString());
    assertEquals("http://h/a%20b", HttpUrls.toUri("http://h/a%20b").toString(), "kept as written");
  }

  private Path list(String text) throws IOException {
    Path file = temp.resolve("http-" + System.nanoTime() + ".list");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static HttpSource source(Path file, int prefixColumn, int pathColumn) {
    return new HttpSource(HttpSourceSettings.of(file, prefixColumn, pathColumn, "backup/"));
  }

  private static List<SourceObject> listAll(Path file, int prefixColumn, int pathColumn)
      throws Exception {
    List<SourceObject> objects = new ArrayList<>();
    try (HttpSource source = source(file, prefixColumn, pathColumn);
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      for (SourceObject o = listing.next(); o != null; o = listing.next()) {
        objects.add(o);
      }
    }
    return objects;
  }
}
