package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Buckets, listings (V1 and V2) and DeleteObjects through the real AWS SDK v2 S3Client. */
class S3BucketsAndListingsIT {
  private static final String BUCKET = "s3-listing";
  private static final List<String> KEYS =
      Arrays.asList(
          "a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d e/4.txt", "d+e/5.txt", "z.txt", "€uro");
  private static OssEmulator emulator;
  private static S3Client s3;

  @BeforeAll
  static void start() throws IOException {
    emulator = OssEmulator.builder().build().start();
    s3 = S3Clients.client(emulator);
    s3.createBucket(r -> r.bucket(BUCKET));
    for (String key : KEYS) {
      s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    s3.close();
    emulator.close();
  }

  @Test
  void bucketsAreCreatedListedLocatedAndDeletedOnceEmpty() {
    s3.createBucket(r -> r.bucket("s3-lifecycle"));

    assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("s3-lifecycle")));
    s3.headBucket(r -> r.bucket("s3-lifecycle"));
    assertEquals(
        "", s3.getBucketLocation(r -> r.bucket("s3-lifecycle")).locationConstraintAsString());
    assertThrows(
        BucketAlreadyOwnedByYouException.class,
        () -> s3.createBucket(r -> r.bucket("s3-lifecycle")));
    s3.putObject(r -> r.bucket("s3-lifecycle").key("k"), RequestBody.fromString("x"));
    S3Exception notEmpty =
        assertThrows(S3Exception.class, () -> s3.deleteBucket(r -> r.bucket("s3-lifecycle")));
    assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
    s3.deleteObject(r -> r.bucket("s3-lifecycle").key("k"));
    s3.deleteBucket(r -> r.bucket("s3-lifecycle"));
    assertThrows(NoSuchBucketException.class, () -> s3.headBucket(r -> r.bucket("s3-lifecycle")));
  }

  @Test
  void invalidBucketNamesAreRefused() throws IOException {
    // The SDK validates names itself, so send this one by hand.
    S3Clients.Raw created =
        S3Clients.signAndSend(emulator, SdkHttpMethod.PUT, "/Upper_Case", null, r -> {});

    assertEquals(400, created.status);
    assertTrue(created.bodyText().contains("<Code>InvalidBucketName</Code>"), created.bodyText());
  }

  @Test
  void listV2PagesThroughEveryKeyInUtf8Order() {
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (ListObjectsV2Response page :
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).maxKeys(3).fetchOwner(true))) {
      pages++;
      assertTrue(page.keyCount() <= 3);
      for (S3Object object : page.contents()) {
        seen.add(object.key());
        assertNotNull(object.owner());
        assertEquals(
            object.key().getBytes(StandardCharsets.UTF_8).length, object.size().intValue());
      }
    }

    assertEquals(KEYS, seen);
    assertEquals(3, pages);
  }

  @Test
  void listV2WithDelimiterRollsUpCommonPrefixes() {
    ListObjectsV2Response root = s3.listObjectsV2(r -> r.bucket(BUCKET).delimiter("/"));
    ListObjectsV2Response underB =
        s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("b/").delimiter("/"));

    assertEquals(Arrays.asList("a.txt", "z.txt", "€uro"), keys(root.contents()));
    assertEquals(Arrays.asList("b/", "d e/", "d+e/"), prefixes(root.commonPrefixes()));
    assertNull(root.contents().get(0).owner());
    assertEquals(Arrays.asList("b/1.txt", "b/2.txt"), keys(underB.contents()));
    assertEquals(Arrays.asList("b/c/"), prefixes(underB.commonPrefixes()));
  }

  /**
   * A ListObjectsV2 with a delimiter sent by hand, checked against the S3 API reference rather than
   * an SDK's reading of it: keys with the same segment up to the delimiter come back once, as a
   * CommonPrefixes Prefix, and not in Contents; each rolled-up result counts as one against
   * max-keys (and in KeyCount); a truncated page gives a NextContinuationToken that goes on after
   * the last prefix. Each such request is counted as a delimited listing.
   */
  @Test
  void aHandBuiltListV2WithDelimiterRollsUpAsDocumentedAndIsCountedAsDelimited()
      throws IOException {
    emulator.counters().reset();

    String underB = handList("/" + BUCKET + "?list-type=2&prefix=b%2F&delimiter=%2F").bodyText();
    String first = handList("/" + BUCKET + "?list-type=2&delimiter=%2F&max-keys=2").bodyText();
    Matcher token = Pattern.compile("<NextContinuationToken>([^<]+)<").matcher(first);
    assertTrue(token.find(), first);
    String second =
        handList(
                "/"
                    + BUCKET
                    + "?list-type=2&delimiter=%2F&max-keys=2&continuation-token="
                    + URLEncoder.encode(token.group(1), "UTF-8"))
            .bodyText();

    assertTrue(underB.contains("<Prefix>b/</Prefix>"), underB);
    assertTrue(underB.contains("<Delimiter>/</Delimiter>"), underB);
    assertTrue(underB.contains("<Key>b/1.txt</Key>") && underB.contains("<Key>b/2.txt</Key>"));
    assertTrue(underB.contains("<CommonPrefixes><Prefix>b/c/</Prefix></CommonPrefixes>"), underB);
    assertFalse(underB.contains("<Key>b/c/3.txt</Key>"), "rolled up, not in Contents: " + underB);
    assertTrue(underB.contains("<KeyCount>3</KeyCount>"), underB);
    assertTrue(underB.contains("<IsTruncated>false</IsTruncated>"), underB);

    assertTrue(first.contains("<Key>a.txt</Key>"), first);
    assertTrue(first.contains("<CommonPrefixes><Prefix>b/</Prefix></CommonPrefixes>"), first);
    assertFalse(first.contains("b/1.txt") || first.contains("d e/"), first);
    assertTrue(first.contains("<KeyCount>2</KeyCount>"), first);
    assertTrue(first.contains("<IsTruncated>true</IsTruncated>"), first);

    assertTrue(second.contains("<CommonPrefixes><Prefix>d e/</Prefix></CommonPrefixes>"), second);
    assertTrue(second.contains("<CommonPrefixes><Prefix>d+e/</Prefix></CommonPrefixes>"), second);
    assertFalse(second.contains("<Prefix>b/</Prefix>") || second.contains("a.txt"), second);

    assertEquals(3, emulator.counters().delimitedListings());
    assertEquals(3, emulator.counters().get(Operation.ListObjectsV2));
  }

  private static S3Clients.Raw handList(String pathAndQuery) throws IOException {
    return handList(emulator, pathAndQuery);
  }

  private static S3Clients.Raw handList(OssEmulator server, String pathAndQuery)
      throws IOException {
    S3Clients.Raw listed =
        S3Clients.signAndSend(server, SdkHttpMethod.GET, pathAndQuery, null, r -> {});
    assertEquals(200, listed.status, listed.bodyText());
    return listed;
  }

  /** Keys a URL encoding must change: a control character, '%', '+', ' ', multibyte UTF-8. */
  private static final List<String> ODD_KEYS =
      Arrays.asList(
          "enc/100%", "enc/a\u0001b", "enc/c+d", "enc/e f/g", "enc/~x.y-z_", "enc/\u00fc");

  private static void putOddKeys(S3Client client, String bucket) {
    client.createBucket(r -> r.bucket(bucket));
    for (String key : ODD_KEYS) {
      client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
    }
  }

  /**
   * {@code encoding-type=url} by hand, checked against the S3 API reference: the response says
   * {@code <EncodingType>url</EncodingType>} and URL-encodes (UTF-8 bytes, every byte but the
   * unreserved ones and '/') the elements it names: ListObjectsV2's Delimiter, Prefix, Key and
   * StartAfter, and CommonPrefixes' Prefix. Without the parameter the same keys are literal, and a
   * control character is a character reference (not XML 1.0, which is why clients ask for url).
   */
  @Test
  void aHandBuiltListV2WithUrlEncodingEncodesKeysPrefixesDelimiterAndStartAfter()
      throws IOException {
    putOddKeys(s3, "s3-encoding-v2");
    String query = "/s3-encoding-v2?list-type=2&prefix=enc%2F&delimiter=%2F&start-after=enc%2F%2B";

    String encoded = handList(query + "&encoding-type=url").bodyText();
    String plusPrefix =
        handList("/s3-encoding-v2?list-type=2&prefix=enc%2Fc&delimiter=%2B&encoding-type=url")
            .bodyText();
    String spacePrefix =
        handList("/s3-encoding-v2?list-type=2&prefix=enc%2Fe%20f%2F&encoding-type=url").bodyText();
    String literal = handList(query).bodyText();

    assertTrue(encoded.contains("<EncodingType>url</EncodingType>"), encoded);
    assertTrue(encoded.contains("<Prefix>enc/</Prefix>"), encoded);
    assertTrue(encoded.contains("<Delimiter>/</Delimiter>"), encoded);
    assertTrue(encoded.contains("<StartAfter>enc/%2B</StartAfter>"), encoded);
    assertEquals(
        Arrays.asList("enc/100%25", "enc/a%01b", "enc/c%2Bd", "enc/~x.y-z_", "enc/%C3%BC"),
        elements("Key", encoded));
    assertTrue(
        encoded.contains("<CommonPrefixes><Prefix>enc/e%20f/</Prefix></CommonPrefixes>"), encoded);
    assertTrue(plusPrefix.contains("<Delimiter>%2B</Delimiter>"), plusPrefix);
    assertTrue(plusPrefix.contains("<Prefix>enc/c</Prefix>"), plusPrefix);
    assertTrue(
        plusPrefix.contains("<CommonPrefixes><Prefix>enc/c%2B</Prefix></CommonPrefixes>"),
        plusPrefix);
    assertTrue(spacePrefix.contains("<Prefix>enc/e%20f/</Prefix>"), spacePrefix);
    assertEquals(Arrays.asList("enc/e%20f/g"), elements("Key", spacePrefix));

    assertFalse(literal.contains("EncodingType"), literal);
    assertTrue(literal.contains("<StartAfter>enc/+</StartAfter>"), literal);
    assertEquals(
        Arrays.asList("enc/100%", "enc/a&#x1;b", "enc/c+d", "enc/~x.y-z_", "enc/\u00fc"),
        elements("Key", literal));
    assertTrue(literal.contains("<Prefix>enc/e f/</Prefix>"), literal);
  }

  /** ListObjects (V1) encodes Delimiter, Marker, Prefix, NextMarker and Key, as documented. */
  @Test
  void aHandBuiltListV1WithUrlEncodingEncodesMarkerAndNextMarkerToo() throws IOException {
    putOddKeys(s3, "s3-encoding-v1");

    String page =
        handList(
                "/s3-encoding-v1?prefix=enc%2F&delimiter=%2F&marker=enc%2F%2B&max-keys=2"
                    + "&encoding-type=url")
            .bodyText();

    assertTrue(page.contains("<EncodingType>url</EncodingType>"), page);
    assertTrue(page.contains("<Marker>enc/%2B</Marker>"), page);
    assertTrue(page.contains("<IsTruncated>true</IsTruncated>"), page);
    assertTrue(page.contains("<NextMarker>enc/a%01b</NextMarker>"), page);
    assertEquals(Arrays.asList("enc/100%25", "enc/a%01b"), elements("Key", page));
  }

  @Test
  void anEncodingTypeOtherThanUrlIsRefused() throws IOException {
    S3Clients.Raw refused =
        S3Clients.signAndSend(
            emulator,
            SdkHttpMethod.GET,
            "/" + BUCKET + "?list-type=2&encoding-type=base64",
            null,
            r -> {});

    assertEquals(400, refused.status, refused.bodyText());
    assertTrue(refused.bodyText().contains("<Code>InvalidArgument</Code>"), refused.bodyText());
  }

  /**
   * Built with {@code s3IgnoresEncodingType}, the emulator answers as a store without the feature:
   * whatever encoding-type says, literal keys and no EncodingType element.
   */
  @Test
  void anEmulatorThatIgnoresEncodingTypeAnswersWithLiteralKeysAndNoEncodingType()
      throws IOException {
    try (OssEmulator plain = OssEmulator.builder().s3IgnoresEncodingType(true).build().start();
        S3Client client = S3Clients.client(plain)) {
      putOddKeys(client, "s3-encoding-ignored");

      String url =
          handList(plain, "/s3-encoding-ignored?list-type=2&prefix=enc%2Fc&encoding-type=url")
              .bodyText();
      String other =
          handList(plain, "/s3-encoding-ignored?prefix=enc%2F1&encoding-type=base64").bodyText();

      assertFalse(url.contains("EncodingType"), url);
      assertEquals(Arrays.asList("enc/c+d"), elements("Key", url));
      assertFalse(other.contains("EncodingType"), other);
      assertEquals(Arrays.asList("enc/100%"), elements("Key", other));
    }
  }

  /** The text of each {@code <name>} element, in document order. */
  private static List<String> elements(String name, String xml) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void listV2PagesOverCommonPrefixesAndHonoursStartAfter() {
    List<String> entries = new ArrayList<>();
    for (ListObjectsV2Response page :
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).delimiter("/").maxKeys(1))) {
      entries.addAll(keys(page.contents()));
      entries.addAll(prefixes(page.commonPrefixes()));
    }
    ListObjectsV2Response afterB = s3.listObjectsV2(r -> r.bucket(BUCKET).startAfter("b/2.txt"));

    assertEquals(Arrays.asList("a.txt", "b/", "d e/", "d+e/", "z.txt", "€uro"), entries);
    assertEquals(
        Arrays.asList("b/c/3.txt", "d e/4.txt", "d+e/5.txt", "z.txt", "€uro"),
        keys(afterB.contents()));
  }

  @Test
  void listV1PagesWithMarkers() {
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    ListObjectsResponse page;
    do {
      String after = marker;
      page = s3.listObjects(r -> r.bucket(BUCKET).maxKeys(3).marker(after));
      seen.addAll(keys(page.contents()));
      marker = seen.get(seen.size() - 1); // without a delimiter, the next marker is the last key
      pages++;
    } while (page.isTruncated());
    ListObjectsResponse delimited = s3.listObjects(r -> r.bucket(BUCKET).delimiter("/").maxKeys(2));

    assertEquals(KEYS, seen);
    assertEquals(3, pages);
    assertTrue(delimited.isTruncated());
    assertEquals("b/", delimited.nextMarker());
    assertEquals(
        Arrays.asList("d e/", "d+e/"),
        prefixes(
            s3.listObjects(r -> r.bucket(BUCKET).delimiter("/").maxKeys(2).marker("b/"))
                .commonPrefixes()));
  }

  @Test
  void urlEncodingTypeRoundTripsAwkwardKeys() {
    ListObjectsV2Response listed =
        s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("d").encodingType(EncodingType.URL));

    // The SDK decodes url-encoded keys for us: they must come back as written.
    assertEquals(Arrays.asList("d e/4.txt", "d+e/5.txt"), keys(listed.contents()));
  }

  @Test
  void deleteObjectsReportsEachKeyOrOnlyErrorsWhenQuiet() {
    for (String key : Arrays.asList("del/1", "del/2", "del/3")) {
      s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }

    DeleteObjectsResponse verbose =
        s3.deleteObjects(
            r ->
                r.bucket(BUCKET)
                    .delete(d -> d.objects(id("del/1"), id("del/2"), id("del/never-there"))));
    DeleteObjectsResponse quiet =
        s3.deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.quiet(true).objects(id("del/3"))));

    assertEquals(
        Arrays.asList("del/1", "del/2", "del/never-there"),
        verbose.deleted().stream().map(d -> d.key()).collect(Collectors.toList()));
    assertTrue(quiet.deleted().isEmpty());
    assertTrue(quiet.errors().isEmpty());
    assertEquals(0, s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("del/")).keyCount().intValue());
  }

  private static ObjectIdentifier id(String key) {
    return ObjectIdentifier.builder().key(key).build();
  }

  private static List<String> keys(List<S3Object> objects) {
    return objects.stream().map(S3Object::key).collect(Collectors.toList());
  }

  private static List<String> prefixes(List<CommonPrefix> prefixes) {
    return prefixes.stream().map(CommonPrefix::prefix).collect(Collectors.toList());
  }
}
