package io.ossimport.emulator.s3;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.http.Dialect;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S3 dialect: path-style S3 requests signed with AWS Signature V4 (or, when the emulator allows
 * it, anonymous ones carrying S3 headers), served over the shared store. Recognised by the {@code
 * AWS4-HMAC-SHA256} or {@code AWS} authorization scheme, SigV4 query parameters or {@code x-amz-*}
 * headers; everything else is left to the OSS dialect.
 */
public final class S3Dialect implements Dialect {
  static final String REQUEST_ID_HEADER = "x-amz-request-id";

  private final Store store;
  private final EmulatorConfig config;
  private final SigV4Verifier verifier;

  /** The dialect over {@code store}, verifying signatures against the configured key pairs. */
  public S3Dialect(Store store, EmulatorConfig config) {
    this(store, config, Clock.systemUTC());
  }

  S3Dialect(Store store, EmulatorConfig config, Clock clock) {
    this.store = store;
    this.config = config;
    this.verifier =
        new SigV4Verifier(config::secretOf, clock, Duration.ofMillis(config.maxSkewMillis()));
  }

  @Override
  public boolean accepts(HttpRequest request) {
    String auth = request.header("Authorization");
    if (auth != null) {
      return auth.startsWith(CanonicalRequest.ALGORITHM) || auth.startsWith("AWS ");
    }
    if (request.hasParam("X-Amz-Algorithm")
        || request.hasParam("X-Amz-Credential")
        || request.hasParam("AWSAccessKeyId")) {
      return true;
    }
    for (String name : request.headerNames()) {
      if (name.startsWith("x-amz-")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Operation classify(HttpRequest request) {
    return S3Route.of(request.method(), request.path(), head(request)).operation();
  }

  @Override
  public void handle(HttpRequest request, Operation operation, HttpResponse response)
      throws IOException {
    response.header("x-amz-id-2", response.header(REQUEST_ID_HEADER));
    S3Route route = null;
    try {
      RequestHead head = head(request);
      route = S3Route.of(request.method(), request.path(), head);
      SigV4Context auth = authenticate(head);
      if (route.operation() == Operation.NotImplemented) {
        throw S3Failure.notImplemented(route.unsupported());
      }
      S3Operations.run(new S3Exchange(request, response, head, route, auth, store, config));
    } catch (S3Failure failure) {
      sendFailure(request, response, failure);
    } catch (StoreException e) {
      sendFailure(request, response, S3StoreErrors.of(e, route));
    }
  }

  @Override
  public void sendError(
      HttpRequest request, HttpResponse response, int status, String code, String message)
      throws IOException {
    sendFailure(request, response, new S3Failure(status, code, message));
  }

  @Override
  public String objectPath(HttpRequest request) {
    S3Route route = S3Route.of(request.method(), request.path(), head(request));
    return route.bucket() == null || route.key() == null
        ? null
        : route.bucket() + "/" + route.key();
  }

  @Override
  public String requestIdHeader() {
    return REQUEST_ID_HEADER;
  }

  private SigV4Context authenticate(RequestHead head) throws S3Failure {
    if (SigV4Verifier.isSigV4(head)) {
      return verifier.verify(head);
    }
    String auth = head.header("authorization");
    if ((auth != null && auth.startsWith("AWS ")) || head.hasQueryParam("AWSAccessKeyId")) {
      throw S3Failure.notImplemented("AWS Signature Version 2 (sign with AWS4-HMAC-SHA256)");
    }
    if (auth != null) {
      throw S3Failure.badRequest(
          "InvalidArgument", "Unsupported Authorization Type: " + auth.split(" ", 2)[0]);
    }
    if (!config.allowAnonymous()) {
      throw S3Failure.forbidden(
          "AccessDenied", "Anonymous requests are not allowed; sign them with AWS4-HMAC-SHA256.");
    }
    return null;
  }

  private static void sendFailure(HttpRequest request, HttpResponse response, S3Failure failure)
      throws IOException {
    if (response.committed()) {
      throw failure; // the status line is out: dropping the connection is all that is left
    }
    S3Xml xml =
        S3Xml.error().element("Code", failure.code()).element("Message", failure.getMessage());
    if (failure.detailElement() != null) {
      xml.element(failure.detailElement(), failure.detailValue());
    }
    xml.element("Resource", request.path())
        .element("RequestId", response.header(REQUEST_ID_HEADER))
        .element("HostId", response.header(REQUEST_ID_HEADER));
    response.send(failure.status(), xml.toBytes(), S3Exchange.XML);
  }

  private static RequestHead head(HttpRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String[] header : request.headers()) {
      headers.computeIfAbsent(header[0], k -> new ArrayList<>()).add(header[1]);
    }
    return new RequestHead(request.method(), request.rawPath(), request.rawQuery(), headers);
  }
}
