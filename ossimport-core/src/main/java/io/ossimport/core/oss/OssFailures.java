package io.ossimport.core.oss;

import com.aliyun.oss.ClientErrorCode;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.InconsistentException;
import com.aliyun.oss.OSSException;
import io.ossimport.core.jobtree.FailureCause;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.source.BadSourceEntryException;
import io.ossimport.core.source.TransientSourceException;
import io.ossimport.core.source.UnusableEntryException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

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
 *   <tr><td>{@link UnusableEntryException} (a special file, an undecodable name, an unlistable
 *       directory, a broken or skipped symbolic link, found again by the source's stat)</td>
 *       <td>the code of its SkipReason</td><td>no</td></tr>
 *   <tr><td>{@link TransientSourceException} (a remote source's 5xx, timeout)</td>
 *       <td>SOURCE_READ_ERROR</td><td>yes</td></tr>
 *   <tr><td>{@link InconsistentException} (CRC-64 differs)</td><td>CRC_NOT_MATCH</td>
 *       <td>yes</td></tr>
 *   <tr><td>OSS codes AccessDenied, AccessForbidden, InvalidAccessKeyId, SignatureDoesNotMatch,
 *       InvalidSecurityToken, SecurityTokenExpired, InvalidBucketName</td>
 *       <td>ACCESS_DENIED</td><td>no</td></tr>
 *   <tr><td>OSS code NoSuchBucket</td><td>NO_SUCH_BUCKET</td><td>no</td></tr>
 *   <tr><td>OSS codes InvalidObjectName, KeyTooLong</td><td>INVALID_KEY</td><td>no</td></tr>
 *   <tr><td>OSS codes InternalError, ServiceUnavailable, SlowDown, RequestTimeout,
 *       RequestTimeTooSkewed (the SDK corrects its clock from the answer), QpsLimitExceeded,
 *       Throttling, InvalidResponse; any answer with status 5xx or 429 and no body</td>
 *       <td>SERVER_ERROR</td><td>yes</td></tr>
 *   <tr><td>a 407 of the proxy (an unparsable answer naming 407 Proxy Authentication Required, or
 *       "http status code 407"), destination-wide</td><td>ACCESS_DENIED</td><td>no</td></tr>
 *   <tr><td>other OSS codes</td><td>UNKNOWN</td><td>no</td></tr>
 *   <tr><td>{@link ClientException} of a TLS handshake that found no trusted CA for the
 *       certificate (the fix is {@code caCertFile}), destination-wide</td><td>NETWORK</td>
 *       <td>no</td></tr>
 *   <tr><td>{@link ClientException} caused by an I/O error (timeouts, resets, refused
 *       connections, premature end of a response)</td><td>NETWORK</td><td>yes</td></tr>
 *   <tr><td>{@link NoSuchFileException} (the source is gone)</td><td>SOURCE_NOT_FOUND</td>
 *       <td>no</td></tr>
 *   <tr><td>other {@link IOException} of the source</td><td>SOURCE_READ_ERROR</td><td>no</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN, unexpected (a bug)</td><td>no</td></tr>
 * </table>
 *
 * <p><em>Destination-wide</em> ({@link OssFailure#isDestinationWide()}), because every other object
 * would fail the same way: InvalidAccessKeyId, SignatureDoesNotMatch, AccessDenied,
 * InvalidSecurityToken, SecurityTokenExpired, NoSuchBucket, InvalidBucketName, and a network
 * failure that never reached the server (connection refused, unknown host, no route, connect
 * timeout). A failure of the source is never destination-wide, whatever its code.
 *
 * <p>Every failure from an OSS answer carries its code, message and request id ({@link
 * OssFailure#cause()}); a network failure its error and message.
 *
 * <p>The SDK's own retries are off ({@link OssClients}), so each attempt passes through here.
 */
public final class OssFailures {
  private static final Map<String, OssFailure> BY_CODE;
  private static final Pattern NO_BODY_STATUS = Pattern.compile("http status code (\\d{3})");
  private static final Set<String> DESTINATION_WIDE_CODES =
      new HashSet<>(
          Arrays.asList(
              "AccessDenied",
              "InvalidAccessKeyId",
              "SignatureDoesNotMatch",
              "InvalidSecurityToken",
              "SecurityTokenExpired",
              "NoSuchBucket",
              "InvalidBucketName"));

  /** Network errors that mean nothing reached a server: no other object can get through either. */
  private static final Set<String> UNREACHABLE =
      new HashSet<>(
          Arrays.asList(
              "java.net.ConnectException",
              "java.net.UnknownHostException",
              "java.net.NoRouteToHostException",
              "org.apache.http.conn.HttpHostConnectException",
              "org.apache.http.conn.ConnectTimeoutException"));

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
          "InvalidBucketName"
        }) {
      m.put(code, OssFailure.permanent(ReasonCode.ACCESS_DENIED, code));
    }
    m.put("NoSuchBucket", OssFailure.permanent(ReasonCode.NO_SUCH_BUCKET, "NoSuchBucket"));
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

  /** The reason code an entry the source cannot migrate is recorded with. */
  static ReasonCode reasonOf(UnusableEntryException e) {
    switch (e.reason()) {
      case SYMBOLIC_LINK_NOT_ALLOWED:
        return ReasonCode.SYMBOLIC_LINK_NOT_ALLOWED;
      case SYMBOLIC_LINK_TO_DIRECTORY:
        return ReasonCode.SYMBOLIC_LINK_TO_DIRECTORY;
      case BROKEN_SYMBOLIC_LINK:
        return ReasonCode.BROKEN_SYMBOLIC_LINK;
      case SPECIAL_FILE:
        return ReasonCode.SPECIAL_FILE;
      case UNREADABLE_DIRECTORY:
        return ReasonCode.UNREADABLE_DIRECTORY;
      case UNREADABLE_ENTRY:
        return ReasonCode.SOURCE_UNREADABLE;
      case UNDECODABLE_NAME:
        return ReasonCode.UNDECODABLE_NAME;
      case VANISHED:
        return ReasonCode.SOURCE_NOT_FOUND;
      case EMPTY_DIRECTORY:
        return ReasonCode.EMPTY_DIRECTORY;
      default:
        return ReasonCode.UNKNOWN;
    }
  }

  /** What {@code failure} means for the object being transferred. */
  public static OssFailure classify(Throwable failure) {
    SourceFailureException source = find(failure, SourceFailureException.class);
    if (source != null) {
      OssFailure f =
          source.isRetryable()
              ? OssFailure.retryable(source.reason(), source.getMessage())
              : OssFailure.permanent(source.reason(), source.getMessage());
      OSSException answer = find(source.getCause(), OSSException.class);
      return answer == null ? f : f.withCause(causeOf(answer), f.detail());
    }
    if (failure instanceof BadSourceEntryException) {
      return OssFailure.permanent(ReasonCode.BAD_LIST_ROW, failure.getMessage());
    }
    if (failure instanceof UnusableEntryException) {
      return OssFailure.permanent(reasonOf((UnusableEntryException) failure), failure.getMessage());
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
      if (isUntrustedCertificate(failure)) {
        return OssFailure.permanent(ReasonCode.NETWORK, UNTRUSTED_CERTIFICATE_TEXT)
            .withCause(
                FailureCause.of(UNTRUSTED_CERTIFICATE, UNTRUSTED_CERTIFICATE_TEXT, "-"),
                UNTRUSTED_CERTIFICATE_TEXT)
            .destinationWide();
      }
      IOException io = find(failure, IOException.class);
      if (io != null) {
        ClientException client = (ClientException) failure;
        String detail = networkDetail(client, io);
        OssFailure f =
            OssFailure.retryable(ReasonCode.NETWORK, detail)
                .withCause(
                    FailureCause.of(
                        networkCode(client, io),
                        String.valueOf(io.getMessage()),
                        client.getRequestId()),
                    detail);
        return unreachable(failure) ? f.destinationWide() : f;
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
   * True when OSS answered that it is overloaded ({@code SlowDown}, {@code QpsLimitExceeded},
   * {@code Throttling}, or a 503/429 without a body): the answer that should slow the client down,
   * not only make it retry.
   */
  public static boolean isThrottling(Throwable failure) {
    if (!(failure instanceof OSSException)) {
      return false; // a source's throttling is the source's, not the destination's
    }
    OSSException e = (OSSException) failure;
    String code = e.getErrorCode() == null ? "" : e.getErrorCode();
    switch (code) {
      case "SlowDown":
      case "QpsLimitExceeded":
      case "Throttling":
        return true;
      default:
        if (ClientErrorCode.UNKNOWN.equals(code) && e.getErrorMessage() != null) {
          Matcher m = NO_BODY_STATUS.matcher(e.getErrorMessage());
          return m.find() && (m.group(1).equals("503") || m.group(1).equals("429"));
        }
        return false;
    }
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
    FailureCause cause = causeOf(e);
    if (isProxyRefusal(code, e)) {
      String said = "the proxy refused the credentials (HTTP 407 Proxy Authentication Required)";
      return OssFailure.permanent(ReasonCode.ACCESS_DENIED, said)
          .withCause(FailureCause.of(PROXY_AUTHENTICATION_REQUIRED, said, "-"), said)
          .destinationWide();
    }
    OssFailure known = BY_CODE.get(code);
    if (known != null) {
      OssFailure f = known.withCause(cause, detail);
      return DESTINATION_WIDE_CODES.contains(code) ? f.destinationWide() : f;
    }
    if (ClientErrorCode.UNKNOWN.equals(code) && e.getErrorMessage() != null) {
      // An answer without a body (HEAD): the SDK only keeps the status in its message.
      Matcher m = NO_BODY_STATUS.matcher(e.getErrorMessage());
      if (m.find()) {
        int status = Integer.parseInt(m.group(1));
        if (status >= 500 || status == 429) {
          return OssFailure.retryable(ReasonCode.SERVER_ERROR, "HTTP " + status + " without body")
              .withCause(cause, "HTTP " + status + " without body");
        }
        if (status == 403) {
          return OssFailure.permanent(ReasonCode.ACCESS_DENIED, "HTTP 403 without body")
              .withCause(cause, "HTTP 403 without body");
        }
      }
    }
    return OssFailure.permanent(ReasonCode.UNKNOWN, detail).withCause(cause, detail);
  }

  /** The cause code of a TLS handshake that found no trusted CA for the server's certificate. */
  public static final String UNTRUSTED_CERTIFICATE = "UntrustedCertificate";

  private static final String UNTRUSTED_CERTIFICATE_TEXT =
      "the server's TLS certificate is signed by no CA this machine trusts (a private CA or a"
          + " TLS-inspecting proxy?); set caCertFile to a PEM file of that CA";

  /**
   * True when a TLS handshake failed because no trusted CA signed the server's certificate: the
   * JVM's check (or the SDK's, over the JVM's and {@code caCertFile}'s) threw a certificate
   * exception inside the handshake. Not a host-name mismatch, which has another fix.
   */
  public static boolean isUntrustedCertificate(Throwable failure) {
    return find(failure, SSLException.class) != null
        && find(failure, CertificateException.class) != null;
  }

  /** The cause code of a 407 from the proxy ({@code proxyUser}/{@code proxyPassword} wrong). */
  public static final String PROXY_AUTHENTICATION_REQUIRED = "ProxyAuthenticationRequired";

  /**
   * A 407 of the proxy reaches the SDK as a body that is no OSS error (a proxy's HTML page: no
   * code, or InvalidResponse when it cannot be parsed) or, with no body, as "http status code 407":
   * never a code of OSS's.
   */
  private static boolean isProxyRefusal(String code, OSSException e) {
    String raw = e.getRawResponseError();
    if (raw != null && raw.contains("407") && raw.contains("Proxy Authentication Required")) {
      return code.isEmpty() || "InvalidResponse".equals(code);
    }
    if (ClientErrorCode.UNKNOWN.equals(code) && e.getErrorMessage() != null) {
      Matcher m = NO_BODY_STATUS.matcher(e.getErrorMessage());
      return m.find() && m.group(1).equals("407");
    }
    return false;
  }

  private static FailureCause causeOf(OSSException e) {
    return FailureCause.of(e.getErrorCode(), e.getErrorMessage(), e.getRequestId());
  }

  /** Whether the cause chain holds an error of a connection that never reached a server. */
  private static boolean unreachable(Throwable t) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (UNREACHABLE.contains(t.getClass().getName())) {
        return true;
      }
    }
    return false;
  }

  private static String networkCode(ClientException e, IOException cause) {
    String code = e.getErrorCode();
    return code == null || ClientErrorCode.UNKNOWN.equals(code)
        ? cause.getClass().getSimpleName()
        : code;
  }

  private static String networkDetail(ClientException e, IOException cause) {
    return networkCode(e, cause) + ": " + cause.getMessage();
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
