package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-key write counts: which requests wrote each key's data, which completed it, and which came
 * after it was complete. Requests are built from the OSS API reference (PutObject; the multipart
 * trio InitiateMultipartUpload {@code POST /key?uploads}, UploadPart {@code PUT
 * /key?partNumber=N&uploadId=ID}, CompleteMultipartUpload {@code POST /key?uploadId=ID} with a
 * {@code CompleteMultipartUpload} XML body), unsigned with anonymous access on.
 */
class ObjectWritesTest {
  static OssEmulator oss;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().allowAnonymous(true).bucket("writes").build().start();
    base = oss.endpoint() + "/writes/";
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  @BeforeEach
  void track() {
    oss.counters().reset();
    oss.counters().trackObjectWrites(true);
  }

  @AfterEach
  void untrack() {
    oss.counters().trackObjectWrites(false);
    oss.faults().clear();
  }

  @Test
  void aPutAfterTheObjectsFirstSuccessCountsAsSentAgain() throws Exception {
    assertEquals(200, put("once", "a").status);
    assertEquals(200, put("twice", "a").status);
    assertEquals(200, put("twice", "b").status);
    RawHttp.call("GET", base + "twice", null);

    Map<String, ObjectWrites> writes = oss.counters().objectWrites("writes");
    assertEquals(2, writes.size(), writes.toString());
    assertCounts(writes.get("once"), 1, 1, 0);
    assertCounts(writes.get("twice"), 2, 2, 1);
  }

  @Test
  void aFailedPutDoesNotCompleteTheObject() throws Exception {
    oss.faults().script(Operation.PutObject, FaultSpec.internalError());
    assertEquals(500, put("retried", "a").status);
    assertEquals(200, put("retried", "a").status);

    assertCounts(oss.counters().objectWrites("writes").get("retried"), 2, 1, 0);
  }

  @Test
  void aMultipartUploadCompletesAtCompleteMultipartUploadAndAPartAfterItCounts() throws Exception {
    String id = between(RawHttp.call("POST", base + "mp?uploads", new byte[0]).text(), "UploadId");
    RawHttp.Response part =
        RawHttp.call("PUT", base + "mp?partNumber=1&uploadId=" + id, bytes("p"));
    assertEquals(200, part.status, part.text());
    String xml =
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
            + part.header("ETag")
            + "</ETag></Part></CompleteMultipartUpload>";
    RawHttp.Response done = RawHttp.call("POST", base + "mp?uploadId=" + id, bytes(xml));
    assertEquals(200, done.status, done.text());
    assertCounts(oss.counters().objectWrites("writes").get("mp"), 3, 1, 0);

    RawHttp.call("POST", base + "mp?uploads", new byte[0]);
    assertCounts(oss.counters().objectWrites("writes").get("mp"), 4, 1, 1);
  }

  @Test
  void nothingIsKeptWhileTrackingIsOffOrAfterAReset() throws Exception {
    put("k", "a");
    oss.counters().reset();
    assertTrue(oss.counters().objectWrites("writes").isEmpty());
    oss.counters().trackObjectWrites(false);
    put("k", "a");
    assertTrue(oss.counters().objectWrites("writes").isEmpty());
    assertEquals(1, oss.counters().get(Operation.PutObject));
  }

  private static RawHttp.Response put(String key, String content) throws Exception {
    return RawHttp.call("PUT", base + key, bytes(content));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String between(String xml, String tag) {
    int a = xml.indexOf("<" + tag + ">");
    return xml.substring(a + tag.length() + 2, xml.indexOf("</" + tag + ">"));
  }

  private static void assertCounts(
      ObjectWrites w, long requests, long completions, long afterCompletion) {
    assertEquals(requests, w.requests(), "requests: " + w);
    assertEquals(completions, w.completions(), "completions: " + w);
    assertEquals(afterCompletion, w.requestsAfterCompletion(), "after completion: " + w);
  }
}
