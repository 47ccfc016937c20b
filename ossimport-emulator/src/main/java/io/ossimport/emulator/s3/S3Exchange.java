package io.ossimport.emulator.s3;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** One authenticated S3 request on its way through an operation: what it asks, where it replies. */
final class S3Exchange {
  static final String XML = "application/xml";

  final HttpRequest request;
  final HttpResponse response;
  final RequestHead head;
  final S3Route route;

  /** The verified signature, or null for an anonymous request. */
  final SigV4Context auth;

  final Store store;
  final EmulatorConfig config;

  S3Exchange(
      HttpRequest request,
      HttpResponse response,
      RequestHead head,
      S3Route route,
      SigV4Context auth,
      Store store,
      EmulatorConfig config) {
    this.request = request;
    this.response = response;
    this.head = head;
    this.route = route;
    this.auth = auth;
    this.store = store;
    this.config = config;
  }

  String bucket() {
    return route.bucket();
  }

  String key() {
    return route.key();
  }

  /** The request body, decoded and verified against everything the client declared for it. */
  S3RequestBody body() throws S3Failure {
    return S3RequestBody.open(request, head, auth);
  }

  /** The whole (small) request body, decoded and verified; more than {@code limit} is refused. */
  byte[] smallBody(int limit) throws IOException {
    return smallBody(body(), limit);
  }

  /** Reads all of an opened (small) body; more than {@code limit} bytes is refused. */
  static byte[] smallBody(S3RequestBody body, int limit) throws IOException {
    InputStream in = body.stream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        throw S3Failure.badRequest(
            "MaxMessageLengthExceeded", "The request body exceeds " + limit + " bytes.");
      }
    }
    return out.toByteArray();
  }

  void sendXml(int status, S3Xml xml) throws IOException {
    response.send(status, xml.toBytes(), XML);
  }

  /** An integer query parameter within bounds, or {@code absent} when not given. */
  int intParam(String name, int absent, int min, int max) throws S3Failure {
    String value = head.queryParam(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min) {
        return Math.min(parsed, max);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw S3Failure.badRequest(
        "InvalidArgument", name + " must be an integer of at least " + min + "; got " + value);
  }
}
