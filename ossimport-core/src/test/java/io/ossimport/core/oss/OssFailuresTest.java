package io.ossimport.core.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.ClientErrorCode;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.InconsistentException;
import com.aliyun.oss.OSSException;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.source.BadSourceEntryException;
import io.ossimport.core.source.SkipReason;
import io.ossimport.core.source.TransientSourceException;
import io.ossimport.core.source.UnusableEntryException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classification table, one row at a time, on the exceptions the SDK really throws. */
class OssFailuresTest {

  static OSSException answer(String code, String message) {
    return new OSSException(message, code, "REQ1", "host", null, null, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AccessDenied", "AccessForbidden", "InvalidAccessKeyId", "SignatureDoesNotMatch"})
  void refusedCredentialsAreAccessDeniedAndFinal(String code) {
    OssFailure f = OssFailures.classify(answer(code, "no"));
    assertEquals(ReasonCode.ACCESS_DENIED, f.reason());
    assertFalse(f.isRetryable());
    assertFalse(f.isUnexpected());
    assertTrue(f.detail().contains(code) && f.detail().contains("REQ1"), f.detail());
  }

  @Test
  void aMissingBucketHasItsOwnReasonAndIsTheDestinations() {
    OssFailure f =
        OssFailures.classify(answer("NoSuchBucket", "The specified bucket does not exist."));
    assertEquals(ReasonCode.NO_SUCH_BUCKET, f.reason());
    assertFalse(f.isRetryable());
    assertTrue(f.isDestinationWide());
    assertEquals("NoSuchBucket", f.cause().code());
    assertEquals("The specified bucket does not exist.", f.cause().message());
    assertEquals("REQ1", f.cause().requestId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AccessDenied",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidSecurityToken",
        "SecurityTokenExpired",
        "NoSuchBucket",
        "InvalidBucketName"
      })
  void failuresAboutTheDestinationNotTheObjectAreDestinationWide(String code) {
    assertTrue(OssFailures.classify(answer(code, "no")).isDestinationWide(), code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AccessForbidden", "InvalidObjectName", "KeyTooLong", "InternalError"})
  void failuresOfOneObjectOrOfOneMomentAreNot(String code) {
    assertFalse(OssFailures.classify(answer(code, "no")).isDestinationWide(), code);
  }

  @Test
  void anEndpointThatDoesNotAnswerIsTheDestinationsButStillRetried() {
    OssFailure refused =
        OssFailures.classify(
            new ClientException(
                "refused",
                ClientErrorCode.CONNECTION_REFUSED,
                "Unknown",
                new java.net.ConnectException("Connection refused")));
    assertEquals(ReasonCode.NETWORK, refused.reason());
    assertTrue(refused.isRetryable(), "it counts only once the retries are spent");
    assertTrue(refused.isDestinationWide());
    assertEquals(ClientErrorCode.CONNECTION_REFUSED, refused.cause().code());
    assertEquals("Connection refused", refused.cause().message());
    assertTrue(
        OssFailures.classify(
                new ClientException(new java.net.UnknownHostException("oss.example.invalid")))
            .isDestinationWide());
    assertFalse(
        OssFailures.classify(new ClientException(new SocketTimeoutException("Read timed out")))
            .isDestinationWide(),
        "a read timeout reached a server");
  }

  @Test
  void aSourceFailureIsNeverTheDestinationsWhateverItsCode() {
    OssFailure f =
        OssFailures.classify(
            new SourceFailureException(
                ReasonCode.NO_SUCH_BUCKET,
                false,
                "reading the source failed",
                answer("NoSuchBucket", "The specified bucket does not exist.")));
    assertFalse(f.isDestinationWide());
    assertEquals("NoSuchBucket", f.cause().code(), "the source's answer is still recorded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvalidObjectName", "KeyTooLong"})
  void refusedKeysAreInvalidKeyAndFinal(String code) {
    OssFailure f = OssFailures.classify(answer(code, "bad key"));
    assertEquals(ReasonCode.INVALID_KEY, f.reason());
    assertFalse(f.isRetryable());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "InternalError",
        "ServiceUnavailable",
        "SlowDown",
        "RequestTimeout",
        "RequestTimeTooSkewed"
      })
  void serverTroubleAndThrottlingAreRetried(String code) {
    OssFailure f = OssFailures.classify(answer(code, "later"));
    assertEquals(ReasonCode.SERVER_ERROR, f.reason());
    assertTrue(f.isRetryable());
  }

  @Test
  void anAnswerWithoutBodyIsJudgedByItsStatus() {
    String unknown = ClientErrorCode.UNKNOWN;
    assertTrue(
        OssFailures.classify(answer(unknown, "No body in response, http status code 503"))
            .isRetryable());
    assertEquals(
        ReasonCode.ACCESS_DENIED,
        OssFailures.classify(answer(unknown, "No body in response, http status code 403"))
            .reason());
    assertFalse(
        OssFailures.classify(answer(unknown, "No body in response, http status code 400"))
            .isRetryable());
  }

  @Test
  void anotherRefusalIsUnknownButNotABug() {
    OssFailure f = OssFailures.classify(answer("EntityTooLarge", "too big"));
    assertEquals(ReasonCode.UNKNOWN, f.reason());
    assertFalse(f.isRetryable());
    assertFalse(f.isUnexpected());
  }

  @Test
  void networkTroubleIsRetried() {
    OssFailure reset =
        OssFailures.classify(
            new ClientException(
                "reset",
                ClientErrorCode.SOCKET_EXCEPTION,
                "Unknown",
                new SocketException("Connection reset")));
    assertEquals(ReasonCode.NETWORK, reset.reason());
    assertTrue(reset.isRetryable());
    assertTrue(reset.detail().contains("Connection reset"), reset.detail());
    assertTrue(
        OssFailures.classify(new ClientException(new SocketTimeoutException("Read timed out")))
            .isRetryable());
  }

  @Test
  void aSourceFailureInsideTheHttpClientKeepsItsOwnReason() {
    SourceFailureException changed =
        new SourceFailureException(ReasonCode.SIZE_NOT_MATCH, false, "the source changed");
    OssFailure f =
        OssFailures.classify(
            new ClientException("Unable to execute HTTP request", "Unknown", "x", changed));
    assertEquals(ReasonCode.SIZE_NOT_MATCH, f.reason());
    assertFalse(f.isRetryable());
    assertEquals("the source changed", f.detail());
  }

  @Test
  void aCrcMismatchIsRetried() {
    OssFailure f = OssFailures.classify(new InconsistentException(1L, 2L, "REQ2"));
    assertEquals(ReasonCode.CRC_NOT_MATCH, f.reason());
    assertTrue(f.isRetryable());
    assertTrue(f.detail().contains("REQ2"), f.detail());
  }

  @Test
  void sourceErrorsAreFinal() {
    assertEquals(
        ReasonCode.SOURCE_NOT_FOUND, OssFailures.classify(new NoSuchFileException("a")).reason());
    assertEquals(
        ReasonCode.SOURCE_READ_ERROR,
        OssFailures.classify(new AccessDeniedException("a")).reason());
    assertFalse(OssFailures.classify(new IOException("disk")).isRetryable());
  }

  @Test
  void anythingElseIsABug() {
    OssFailure f = OssFailures.classify(new IllegalStateException("oops"));
    assertEquals(ReasonCode.UNKNOWN, f.reason());
    assertTrue(f.isUnexpected());
    assertFalse(f.isRetryable());
    assertTrue(OssFailures.classify(new ClientException("no cause")).isUnexpected());
  }

  @Test
  void uploadAndKeyAbsenceAreRecognised() {
    assertTrue(OssFailures.isNoSuchUpload(answer("NoSuchUpload", "gone")));
    assertTrue(OssFailures.isNoSuchKey(answer("NoSuchKey", "gone")));
    assertFalse(OssFailures.isNoSuchUpload(answer("NoSuchKey", "gone")));
  }

  @Test
  void aTransientSourceFailureIsASourceReadErrorWorthAnotherAttempt() {
    OssFailure f =
        OssFailures.classify(
            new TransientSourceException("HTTP 503 for HEAD http://h/a", new IOException("x")));
    assertEquals(ReasonCode.SOURCE_READ_ERROR, f.reason());
    assertTrue(f.isRetryable());
    assertTrue(f.detail().contains("HTTP 503"), f.detail());
  }

  @Test
  void aBadListRowIsFinalAndNamedAsSuch() {
    OssFailure f =
        OssFailures.classify(new BadSourceEntryException("line 7 of /l.list: too few columns"));
    assertEquals(ReasonCode.BAD_LIST_ROW, f.reason());
    assertFalse(f.isRetryable());
    assertFalse(f.isUnexpected());
    assertTrue(f.detail().contains("line 7"), f.detail());
  }

  @Test
  void everyEntryASourceCannotMigrateHasItsOwnFinalCodeAndOnlyTheRulesAreSkips() {
    java.util.Map<SkipReason, ReasonCode> expected = new java.util.EnumMap<>(SkipReason.class);
    expected.put(SkipReason.SYMBOLIC_LINK_NOT_ALLOWED, ReasonCode.SYMBOLIC_LINK_NOT_ALLOWED);
    expected.put(SkipReason.SYMBOLIC_LINK_TO_DIRECTORY, ReasonCode.SYMBOLIC_LINK_TO_DIRECTORY);
    expected.put(SkipReason.BROKEN_SYMBOLIC_LINK, ReasonCode.BROKEN_SYMBOLIC_LINK);
    expected.put(SkipReason.SPECIAL_FILE, ReasonCode.SPECIAL_FILE);
    expected.put(SkipReason.UNREADABLE_DIRECTORY, ReasonCode.UNREADABLE_DIRECTORY);
    expected.put(SkipReason.UNREADABLE_ENTRY, ReasonCode.SOURCE_UNREADABLE);
    expected.put(SkipReason.UNDECODABLE_NAME, ReasonCode.UNDECODABLE_NAME);
    expected.put(SkipReason.VANISHED, ReasonCode.SOURCE_NOT_FOUND);
    expected.put(SkipReason.EMPTY_DIRECTORY, ReasonCode.EMPTY_DIRECTORY);
    for (SkipReason reason : SkipReason.values()) {
      OssFailure f =
          OssFailures.classify(new UnusableEntryException("a/b", reason, "what it is, the fix"));
      assertEquals(expected.get(reason), f.reason(), reason.name());
      assertFalse(f.isRetryable(), reason.name());
      assertFalse(f.isUnexpected(), reason.name());
      assertTrue(f.detail().contains("a/b: what it is"), f.detail());
      assertEquals(reason.isRule(), f.reason().isSkipRule(), reason.name());
    }
  }
}
