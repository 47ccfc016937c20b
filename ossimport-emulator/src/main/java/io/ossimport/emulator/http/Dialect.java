package io.ossimport.emulator.http;

import io.ossimport.emulator.Operation;
import java.io.IOException;

/**
 * One REST dialect served by the emulator (OSS, S3). The dispatcher asks each registered dialect in
 * turn whether it {@link #accepts} a request; the first that does classifies it (for counters and
 * faults) and answers it. OSS is registered last as the default.
 */
public interface Dialect {
  /** Whether this dialect recognises the request (e.g. by its Authorization scheme). */
  boolean accepts(HttpRequest request);

  /** The operation the request asks for ({@link Operation#NotImplemented} if unsupported). */
  Operation classify(HttpRequest request);

  /** Answers the request. */
  void handle(HttpRequest request, Operation operation, HttpResponse response) throws IOException;

  /** Sends an error in this dialect's format (used for injected faults, too). */
  void sendError(
      HttpRequest request, HttpResponse response, int status, String code, String message)
      throws IOException;

  /**
   * The bucket and object key the request addresses, as {@code bucket/key} (bucket names hold no
   * '/'), or null when it addresses no object; used for per-key counts.
   */
  String objectPath(HttpRequest request);

  /** The header that carries the request id in this dialect. */
  String requestIdHeader();
}
