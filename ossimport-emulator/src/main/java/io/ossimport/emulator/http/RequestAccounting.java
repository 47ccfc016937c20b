package io.ossimport.emulator.http;

import io.ossimport.emulator.RequestCounters;

/**
 * Adds one request's body bytes to the counters exactly once: when its response is committed (so a
 * client that has its answer already sees it counted), or when the request ends without a response
 * (a fault dropped the connection).
 */
final class RequestAccounting implements Runnable {
  private final RequestCounters counters;
  private final HttpRequest request;
  private final HttpResponse response;
  private boolean done;

  RequestAccounting(RequestCounters counters, HttpRequest request, HttpResponse response) {
    this.counters = counters;
    this.request = request;
    this.response = response;
  }

  @Override
  public void run() {
    if (done) {
      return;
    }
    done = true;
    counters.addReceived(request.bodyBytesRead());
    counters.addSent(response.plannedBodyBytes());
  }
}
