package io.ossimport.core.source.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.testing.ProxyProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AzureSource} against Azurite: listing, resume, reads, stat and clear failures. */
@ExtendWith(AzuriteExtension.class)
class AzureSourceIT {
  private static final String CONTAINER = "photos";

  static Azurite azurite;
  private static BlobWriter blobs;

  /** Every blob of the container, by name, sorted as Azure lists (code-point order). */
  private static final Map<String, byte[]> CONTENT = new TreeMap<>(AzureListing::compareCodePoints);

  @BeforeAll
  static void fill() throws IOException {
    blobs = new BlobWriter(azurite);
    blobs.createContainer(CONTAINER);
    String[] names = {
      "a.txt",
      "dir/b.bin",
      "dir/c.bin",
      "dir/sub/d.bin",
      "dir2/e",
      "dir/space name.txt",
      "dir/plus+sign",
      "dir/\u65e5\u672c/f.txt",
      "z"
    };
    Random random = new Random(6);
    for (String name : names) {
      byte[] content = new byte[100 + random.nextInt(2000)];
      random.nextBytes(content);
      CONTENT.put(name, content);
      blobs.put(CONTAINER, name, content);
    }
  }

  @AfterAll
  static void closeWriter() throws IOException {
    blobs.close();
  }

  private static AzureSource source(String prefix, int pageSize) {
    return new AzureSource(azurite.settings(CONTAINER).prefix(prefix).pageSize(pageSize).build());
  }

  private static List<SourceObject> drain(Listing listing) throws Exception {
    List<SourceObject> objects = new ArrayList<>();
    for (SourceObject o = listing.next(); o != null; o = listing.next()) {
      objects.add(o);
    }
    return objects;
  }

  private static List<String> references(List<SourceObject> objects) {
    List<String> refs = new ArrayList<>();
    for (SourceObject o : objects) {
      refs.add(o.reference());
    }
    return refs;
  }

  private static List<String> namesUnder(String prefix) {
    List<String> refs = new ArrayList<>();
    for (String name : CONTENT.keySet()) {
      if (name.startsWith(prefix)) {
        refs.add(name.substring(prefix.length()));
      }
    }
    return refs;
  }

  @Test
  void throughAProxyTheBlobsAreListedAndReadWithItsLogin() throws Exception {
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "pw-azure-2")) {
      try (AzureSource source =
              new AzureSource(
                  azurite
                      .settings(CONTAINER)
                      .prefix("dir/")
                      .network(proxy.sourceNetwork())
                      .build());
          Listing listing = source.list(null, ListingListener.IGNORE)) {
        List<SourceObject> objects = drain(listing);
        assertEquals(namesUnder("dir/"), references(objects));
        assertArrayEquals(CONTENT.get("dir/b.bin"), read(source.open("b.bin")));
      }
      assertTrue(proxy.forwarded() >= 2, proxy.forwarded() + " forwarded");
      assertTrue(proxy.refused() >= 1, "the proxy asked for its login first");
    }
  }

  @Test
  void theWholeContainerIsListedFlatInNameOrderAcrossPages() throws Exception {
    try (AzureSource source = source("", 2);
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      List<SourceObject> objects = drain(listing);

      assertEquals(new ArrayList<>(CONTENT.keySet()), references(objects));
      for (SourceObject o : objects) {
        assertEquals(CONTENT.get(o.reference()).length, o.size(), o.reference());
        assertTrue(o.isKeyValid(), o.toString());
        assertTrue(source.stat(o.reference()).matches(o), "listing and stat agree on " + o);
      }
    }
  }

  @Test
  void aPrefixListsOnlyTheBlobsBelowItWithTheirNamesRelativeToIt() throws Exception {
    try (AzureSource source = source("dir/", 3);
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      List<String> refs = references(drain(listing));

      assertEquals(namesUnder("dir/"), refs);
      assertFalse(refs.contains("e"), "dir2/ is not below dir/");
      assertTrue(refs.contains("sub/d.bin"), refs.toString());
    }
  }

  @Test
  void resumingFromEveryCheckpointYieldsExactlyWhatWasNotConsumed() throws Exception {
    try (AzureSource source = source("dir", 2)) {
      List<String> checkpoints = new ArrayList<>();
      List<String> all = new ArrayList<>();
      try (Listing listing = source.list(null, ListingListener.IGNORE)) {
        checkpoints.add(listing.checkpoint());
        for (SourceObject o = listing.next(); o != null; o = listing.next()) {
          all.add(o.reference());
          listing.peek(); // looking ahead (maybe into the next page) consumes nothing
          checkpoints.add(listing.checkpoint());
        }
        checkpoints.add(listing.checkpoint());
      }
      assertEquals(namesUnder("dir"), all);

      for (int i = 0; i < checkpoints.size(); i++) {
        int consumed = Math.min(i, all.size());
        try (Listing resumed = source.list(checkpoints.get(i), ListingListener.IGNORE)) {
          assertEquals(
              all.subList(consumed, all.size()),
              references(drain(resumed)),
              "resumed from checkpoint " + i + ": " + checkpoints.get(i));
        }
      }
    }
  }

  @Test
  void aCheckpointOfAnotherPrefixOrKindIsRefused() throws Exception {
    String checkpoint;
    try (AzureSource source = source("dir/", 2);
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      listing.next();
      checkpoint = listing.checkpoint();
    }
    try (AzureSource other = source("dir2/", 2)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> other.list(checkpoint, ListingListener.IGNORE));
      assertTrue(e.getMessage().contains("srcPrefix='dir/'"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> other.list("local-scan-1;depth=1;done", ListingListener.IGNORE));
    }
  }

  @Test
  void rangedReadsReturnExactlyTheBytesAskedForAndStopAtTheEnd() throws Exception {
    byte[] whole = CONTENT.get("dir/sub/d.bin");
    int n = whole.length;
    try (AzureSource source = source("dir/", 10)) {
      assertTrue(source.features().contains(SourceFeature.RANGED_READ));
      assertArrayEquals(whole, read(source.open("sub/d.bin")));
      assertArrayEquals(
          Arrays.copyOfRange(whole, 17, 17 + 50), read(source.open("sub/d.bin", 17, 50)));
      assertArrayEquals(
          Arrays.copyOfRange(whole, n - 3, n), read(source.open("sub/d.bin", n - 3, 100)));
      assertEquals(0, read(source.open("sub/d.bin", n, 10)).length);
      assertEquals(0, read(source.open("sub/d.bin", 5, 0)).length);
      assertArrayEquals(
          CONTENT.get("dir/\u65e5\u672c/f.txt"),
          read(source.open("\u65e5\u672c/f.txt", 0, 1 << 20)));
      assertArrayEquals(CONTENT.get("dir/plus+sign"), read(source.open("plus+sign")));
      assertArrayEquals(CONTENT.get("dir/space name.txt"), read(source.open("space name.txt")));
    }
  }

  @Test
  void aStreamClosedEarlyLeavesTheSourceUsable() throws Exception {
    try (AzureSource source = source("", 10)) {
      for (int i = 0; i < 5; i++) {
        try (InputStream in = source.open("dir/sub/d.bin")) {
          assertEquals(CONTENT.get("dir/sub/d.bin")[0] & 0xff, in.read());
        }
      }
      assertArrayEquals(CONTENT.get("z"), read(source.open("z")));
    }
  }

  @Test
  void statReportsSizeTimeContentTypeUserMetadataAndTheStoredMd5() throws Exception {
    byte[] content = "{\"hello\": \"azure\"}".getBytes(UTF_8);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("author", "Ada");
    meta.put("project", "ossimport");
    blobs.put(CONTAINER, "meta/doc.json", content, "application/json", meta);

    try (AzureSource source = source("meta/", 10)) {
      ObjectStat stat = source.stat("doc.json");

      assertTrue(stat.exists());
      assertEquals(content.length, stat.size());
      assertTrue(
          Math.abs(stat.lastModifiedMillis() - System.currentTimeMillis()) < 10 * 60_000,
          "modified just now: " + stat.lastModifiedMillis());
      assertEquals("application/json", stat.contentType());
      assertEquals(meta, stat.userMetadata());
      assertEquals(hex(BlobWriter.md5(content)), stat.md5Hex());
    }
  }

  @Test
  void aMissingBlobIsMissingToStatAndNoSuchFileToOpen() throws Exception {
    try (AzureSource source = source("dir/", 10)) {
      assertFalse(source.stat("nope.bin").exists());
      NoSuchFileException e =
          assertThrows(NoSuchFileException.class, () -> source.open("nope.bin", 0, 10));
      assertTrue(e.getMessage().contains("dir/nope.bin"), e.getMessage());
      assertTrue(e.getMessage().contains(CONTAINER), e.getMessage());
    }
  }

  @Test
  void aWrongKeyFailsWithAMessageNamingAccountAndContainerButNeverTheKey() throws Exception {
    byte[] wrong = new byte[64];
    new Random(1).nextBytes(wrong);
    String wrongKey = Base64.getEncoder().encodeToString(wrong);
    AzureSettings settings =
        AzureSettings.builder(Azurite.ACCOUNT, wrongKey, azurite.endpoint())
            .container(CONTAINER)
            .build();
    try (AzureSource source = new AzureSource(settings)) {
      IOException e =
          assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE));
      String message = e.getMessage();
      assertTrue(message.contains("'" + Azurite.ACCOUNT + "'"), message);
      assertTrue(message.contains("'" + CONTAINER + "'"), message);
      assertTrue(message.contains("HTTP 403"), message);
      assertTrue(message.contains("srcSecretKey"), message);
      assertFalse(message.contains(wrongKey.substring(0, 12)), message);
      assertFalse(message.contains(Azurite.KEY.substring(0, 12)), message);
      assertThrows(IOException.class, () -> source.stat("a.txt"));
      assertFalse(settings.toString().contains(wrongKey.substring(0, 12)), settings.toString());
    }
  }

  @Test
  void aMissingContainerFailsListingWithAMessageNamingItAndTheSetting() throws Exception {
    try (AzureSource source = new AzureSource(azurite.settings("no-such-container").build())) {
      IOException e =
          assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE));
      assertTrue(e.getMessage().contains("'no-such-container'"), e.getMessage());
      assertTrue(e.getMessage().contains("ContainerNotFound"), e.getMessage());
      assertTrue(e.getMessage().contains("srcBucket"), e.getMessage());
    }
  }

  @Test
  void importSinceListsBlobsModifiedBeforeItTooForTheWorkerToSkipAndCount() throws Exception {
    long future = System.currentTimeMillis() / 1000 + 3600;
    try (AzureSource later =
            new AzureSource(
                azurite.settings(CONTAINER).prefix("dir/").importSinceSeconds(future).build());
        Listing listing = later.list(null, ListingListener.IGNORE)) {
      assertEquals(namesUnder("dir/"), references(drain(listing)));
    }
    try (AzureSource since1970 =
            new AzureSource(
                azurite.settings(CONTAINER).prefix("dir/").importSinceSeconds(1).build());
        Listing listing = since1970.list(null, ListingListener.IGNORE)) {
      assertEquals(namesUnder("dir/"), references(drain(listing)));
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    try (InputStream s = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
