package io.ossimport.emulator.http;

import io.ossimport.emulator.Operation;
import io.ossimport.emulator.RequestCounters;

/**
 * Adds one request's body bytes (and, for a tracked object write, its answer) to the counters
 * exactly once: when its response is committed (so a client that has its answer already sees it
 * counted), or when the request ends without a response (a fault dropped the connection).
 */
final class RequestAccounting implements Runnable {
  private final RequestCounters counters;
  private final HttpRequest request;
  private final HttpResponse response;
  private boolean done;
  private Operation writeOp;
  private String bucket;
  private String key;

  RequestAccounting(RequestCounters counters, HttpRequest request, HttpResponse response) {
    this.counters = counters;
    this.request = request;
    this.response = response;
  }

  /** The request writes {@code bucket/key}: its answer goes to the per-key counts too. */
  void objectWrite(Operation op, String bucket, String key) {
    this.writeOp = op;
    this.bucket = bucket;
    this.key = key;
  }

  @Override
  public void run() {
    if (done) {
      return;
    }
    done = true;
    counters.addReceived(request.bodyBytesRead());
    counters.addSent(response.plannedBodyBytes());
    if (writeOp != null) {
      counters.objectWriteAnswered(writeOp, bucket, key, response.status());
    }
  }
}
