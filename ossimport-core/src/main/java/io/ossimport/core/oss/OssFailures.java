package io.ossimport.core.oss;

import com.aliyun.oss.ClientErrorCode;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.InconsistentException;
import com.aliyun.oss.OSSException;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.source.BadSourceEntryException;
import io.ossimport.core.source.TransientSourceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table that says what a failure means: exception → {@link ReasonCode} + retryable. Used
 * for every request the worker makes and every source read it does.
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>failure</th><th>reason</th><th>retried</th></tr>
 *   <tr><td>{@link SourceFailureException} anywhere in the cause chain</td><td>its own</td>
 *       <td>as it says</td></tr>
 *   <tr><td>{@link BadSourceEntryException} (a malformed list row)</td><td>BAD_LIST_ROW</td>
 *       <td>no</td></tr>
 *   <tr><td>{@link TransientSourceException} (a remote source's 5xx, timeout)</td>
 *       <td>SOURCE_READ_ERROR</td><td>yes</td></tr>
 *   <tr><td>{@link InconsistentException} (CRC-64 differs)</td><td>CRC_NOT_MATCH</td>
 *       <td>yes</td></tr>
 *   <tr><td>OSS codes AccessDenied, AccessForbidden, InvalidAccessKeyId, SignatureDoesNotMatch,
 *       InvalidSecurityToken, SecurityTokenExpired, NoSuchBucket, InvalidBucketName</td>
 *       <td>ACCESS_DENIED</td><td>no</td></tr>
 *   <tr><td>OSS codes InvalidObjectName, KeyTooLong</td><td>INVALID_KEY</td><td>no</td></tr>
 *   <tr><td>OSS codes InternalError, ServiceUnavailable, SlowDown, RequestTimeout,
 *       RequestTimeTooSkewed (the SDK corrects its clock from the answer), QpsLimitExceeded,
 *       Throttling, InvalidResponse; any answer with status 5xx or 429 and no body</td>
 *       <td>SERVER_ERROR</td><td>yes</td></tr>
 *   <tr><td>other OSS codes</td><td>UNKNOWN</td><td>no</td></tr>
 *   <tr><td>{@link ClientException} caused by an I/O error (timeouts, resets, refused
 *       connections, premature end of a response)</td><td>NETWORK</td><td>yes</td></tr>
 *   <tr><td>{@link NoSuchFileException} (the source is gone)</td><td>SOURCE_NOT_FOUND</td>
 *       <td>no</td></tr>
 *   <tr><td>other {@link IOException} of the source</td><td>SOURCE_READ_ERROR</td><td>no</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN, unexpected (a bug)</td><td>no</td></tr>
 * </table>
 *
 * <p>The SDK's own retries are off ({@link OssClients}), so each attempt passes through here.
 */
public final class OssFailures {
  private static final Map<String, OssFailure> BY_CODE;
  private static final Pattern NO_BODY_STATUS = Pattern.compile("http status code (\\d{3})");

  static {
    Map<String, OssFailure> m = new HashMap<>();
    for (String code :
        new String[] {
          "AccessDenied",
          "AccessForbidden",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "InvalidSecurityToken",
          "SecurityTokenExpired",
          "NoSuchBucket",
          "InvalidBucketName"
        }) {
      m.put(code, OssFailure.permanent(ReasonCode.ACCESS_DENIED, code));
    }
    for (String code : new String[] {"InvalidObjectName", "KeyTooLong"}) {
      m.put(code, OssFailure.permanent(ReasonCode.INVALID_KEY, code));
    }
    for (String code :
        new String[] {
          "InternalError",
          "ServiceUnavailable",
          "SlowDown",
          "RequestTimeout",
          "RequestTimeTooSkewed",
          "QpsLimitExceeded",
          "Throttling",
          "InvalidResponse"
        }) {
      m.put(code, OssFailure.retryable(ReasonCode.SERVER_ERROR, code));
    }
    BY_CODE = Collections.unmodifiableMap(m);
  }

  private OssFailures() {}

  /** What {@code failure} means for the object being transferred. */
  public static OssFailure classify(Throwable failure) {
    SourceFailureException source = find(failure, SourceFailureException.class);
    if (source != null) {
      return source.isRetryable()
          ? OssFailure.retryable(source.reason(), source.getMessage())
          : OssFailure.permanent(source.reason(), source.getMessage());
    }
    if (failure instanceof BadSourceEntryException) {
      return OssFailure.permanent(ReasonCode.BAD_LIST_ROW, failure.getMessage());
    }
    if (failure instanceof TransientSourceException) {
      return OssFailure.retryable(ReasonCode.SOURCE_READ_ERROR, failure.getMessage());
    }
    if (failure instanceof InconsistentException) {
      InconsistentException e = (InconsistentException) failure;
      return OssFailure.retryable(
          ReasonCode.CRC_NOT_MATCH,
          "CRC-64 computed while sending "
              + unsigned(e.getClientChecksum())
              + ", OSS computed "
              + unsigned(e.getServerChecksum())
              + " (request "
              + e.getRequestId()
              + ")");
    }
    if (failure instanceof OSSException) {
      return classifyServerAnswer((OSSException) failure);
    }
    if (failure instanceof ClientException) {
      IOException io = find(failure, IOException.class);
      if (io != null) {
        return OssFailure.retryable(
            ReasonCode.NETWORK, networkDetail((ClientException) failure, io));
      }
      return OssFailure.unexpected("SDK client error: " + failure.getMessage());
    }
    if (failure instanceof NoSuchFileException) {
      return OssFailure.permanent(ReasonCode.SOURCE_NOT_FOUND, "the source file is gone");
    }
    if (failure instanceof AccessDeniedException) {
      return OssFailure.permanent(
          ReasonCode.SOURCE_READ_ERROR, "permission denied reading the source");
    }
    if (failure instanceof IOException) {
      return OssFailure.permanent(
          ReasonCode.SOURCE_READ_ERROR, "reading the source failed: " + failure.getMessage());
    }
    return OssFailure.unexpected(failure.getClass().getName() + ": " + failure.getMessage());
  }

  /** True when OSS answered that the multipart upload does not exist (completed or aborted). */
  public static boolean isNoSuchUpload(Throwable failure) {
    return failure instanceof OSSException
        && "NoSuchUpload".equals(((OSSException) failure).getErrorCode());
  }

  /**
   * True when OSS refused the STS security token (expired or invalid): new credentials from the
   * origin may repair it ({@link CredentialRefresh}).
   */
  public static boolean isSecurityTokenRejected(Throwable failure) {
    if (!(failure instanceof OSSException)) {
      return false;
    }
    String code = ((OSSException) failure).getErrorCode();
    return "SecurityTokenExpired".equals(code) || "InvalidSecurityToken".equals(code);
  }

  /** True when OSS answered that the object does not exist. */
  public static boolean isNoSuchKey(Throwable failure) {
    return failure instanceof OSSException
        && "NoSuchKey".equals(((OSSException) failure).getErrorCode());
  }

  private static OssFailure classifyServerAnswer(OSSException e) {
    String code = e.getErrorCode() == null ? "" : e.getErrorCode();
    String detail = code + ": " + e.getErrorMessage() + " (request " + e.getRequestId() + ")";
    OssFailure known = BY_CODE.get(code);
    if (known != null) {
      return known.isRetryable()
          ? OssFailure.retryable(known.reason(), detail)
          : OssFailure.permanent(known.reason(), detail);
    }
    if (ClientErrorCode.UNKNOWN.equals(code) && e.getErrorMessage() != null) {
      // An answer without a body (HEAD): the SDK only keeps the status in its message.
      Matcher m = NO_BODY_STATUS.matcher(e.getErrorMessage());
      if (m.find()) {
        int status = Integer.parseInt(m.group(1));
        if (status >= 500 || status == 429) {
          return OssFailure.retryable(ReasonCode.SERVER_ERROR, "HTTP " + status + " without body");
        }
        if (status == 403) {
          return OssFailure.permanent(ReasonCode.ACCESS_DENIED, "HTTP 403 without body");
        }
      }
    }
    return OssFailure.permanent(ReasonCode.UNKNOWN, detail);
  }

  private static String networkDetail(ClientException e, IOException cause) {
    String code = e.getErrorCode();
    String what =
        code == null || ClientErrorCode.UNKNOWN.equals(code)
            ? cause.getClass().getSimpleName()
            : code;
    return what + ": " + cause.getMessage();
  }

  private static String unsigned(Long crc) {
    return crc == null ? "-" : Long.toUnsignedString(crc);
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
