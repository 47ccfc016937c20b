package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ossimport.core.config.AuditMode;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.source.ObjectStat;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The comparisons themselves, for destinations the emulator never produces. */
class AuditCheckTest {
  private static final long MTIME = 1_714_550_400_123L;
  private static final String MD5 = "0123456789abcdef0123456789abcdef";
  private static final Map<String, String> NONE = Collections.emptyMap();

  private final AtomicInteger reads = new AtomicInteger();

  private final AuditCheck.Digests digests =
      new AuditCheck.Digests() {
        @Override
        public Long crc64() {
          reads.incrementAndGet();
          return 42L;
        }

        @Override
        public String md5Hex() {
          reads.incrementAndGet();
          return MD5;
        }
      };

  private ReasonCode check(AuditMode mode, ObjectStat source, RemoteObject dest) throws Exception {
    OssFailure f = AuditCheck.compare(mode, source, dest, true, digests);
    return f == null ? null : f.reason();
  }

  @Test
  void withoutCrcTheContentIsComparedByAPlainMd5Etag() throws Exception {
    ObjectStat source = ObjectStat.of(10, MTIME);

    assertNull(
        check(AuditMode.DETAILED, source, new RemoteObject(10, MTIME, null, MD5, null, NONE)));
    assertEquals(
        ReasonCode.MD5_NOT_MATCH,
        check(
            AuditMode.DETAILED,
            source,
            new RemoteObject(10, MTIME, null, "ffffffffffffffffffffffffffffffff", null, NONE)));
    assertEquals(2, reads.get(), "the source's MD5 was computed each time");
  }

  @Test
  void aMultipartEtagWithoutCrcCannotBeVerified() throws Exception {
    RemoteObject dest = new RemoteObject(10, MTIME, null, MD5 + "-3", null, NONE);

    assertEquals(
        ReasonCode.NOT_VERIFIABLE, check(AuditMode.DETAILED, ObjectStat.of(10, MTIME), dest));
    assertEquals(0, reads.get(), "nothing to compare a digest with: the source is not read");
  }

  @Test
  void aSizeDifferenceIsReportedBeforeTheContentIsRead() throws Exception {
    RemoteObject dest = new RemoteObject(11, MTIME, 42L, MD5, null, NONE);

    assertEquals(
        ReasonCode.SIZE_NOT_MATCH, check(AuditMode.DETAILED, ObjectStat.of(10, MTIME), dest));
    assertEquals(0, reads.get());
  }

  @Test
  void generalAllowsTheSameSecondButNotAnEarlierOne() throws Exception {
    ObjectStat source = ObjectStat.of(10, MTIME);
    long sameSecond = MTIME / 1000 * 1000;

    assertNull(
        check(AuditMode.GENERAL, source, new RemoteObject(10, sameSecond, 1L, MD5, null, NONE)));
    assertEquals(
        ReasonCode.MTIME_NOT_MATCH,
        check(
            AuditMode.GENERAL,
            source,
            new RemoteObject(10, sameSecond - 1000, 1L, MD5, null, NONE)));
    assertNull(
        check(
            AuditMode.DETAILED,
            source,
            new RemoteObject(10, sameSecond - 1000, 42L, MD5, null, NONE)),
        "detailed compares bytes, not times");
    assertNull(
        AuditCheck.compare(
            AuditMode.GENERAL,
            source,
            new RemoteObject(10, sameSecond - 1000, 1L, MD5, null, NONE),
            false,
            digests),
        "after an import times are not compared");
  }

  @Test
  void simpleIgnoresHeadersAndGeneralComparesOnlyWhatTheSourceReports() throws Exception {
    ObjectStat typed = ObjectStat.of(10, MTIME).withContentType("text/html; charset=utf-8");
    RemoteObject plain =
        new RemoteObject(
            10, MTIME, 1L, MD5, "text/plain", Collections.singletonMap("Author", "alice"));

    assertNull(check(AuditMode.SIMPLE, typed, plain));
    assertEquals(ReasonCode.TYPE_NOT_MATCH, check(AuditMode.GENERAL, typed, plain));
    assertNull(check(AuditMode.GENERAL, ObjectStat.of(10, MTIME), plain), "a local file");
    assertNull(
        check(
            AuditMode.GENERAL,
            ObjectStat.of(10, MTIME).withUserMetadata(Collections.singletonMap("author", "alice")),
            plain),
        "metadata names compare case-insensitively");
  }
}
