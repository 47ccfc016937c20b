package io.ossimport.emulator.http;

import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Faults;
import io.ossimport.emulator.ObjectWrites;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.RequestCounters;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes each request: admin paths to the admin handler, everything else to the first dialect that
 * accepts it (the last one registered is the fallback). Counts the operation and applies the fault
 * planned for it.
 */
public final class Dispatcher implements RequestHandler {
  /** Prefix of the admin endpoint; bucket names cannot contain '_', so it never clashes. */
  public static final String ADMIN_PREFIX = "/_emulator";

  private final List<Dialect> dialects;
  private final RequestCounters counters;
  private final Faults faults;
  private final RequestHandler admin;

  public Dispatcher(
      List<Dialect> dialects, RequestCounters counters, Faults faults, RequestHandler admin) {
    if (dialects.isEmpty()) {
      throw new IllegalArgumentException("no dialect");
    }
    this.dialects = new ArrayList<Dialect>(dialects);
    this.counters = counters;
    this.faults = faults;
    this.admin = admin;
  }

  @Override
  public void handle(HttpRequest request, HttpResponse response) throws IOException {
    if (request.rawPath().equals(ADMIN_PREFIX)
        || request.rawPath().startsWith(ADMIN_PREFIX + "/")) {
      response.header("x-oss-request-id", RequestIds.next());
      admin.handle(request, response);
      return;
    }
    Dialect dialect = dialects.get(dialects.size() - 1);
    for (Dialect d : dialects) {
      if (d.accepts(request)) {
        dialect = d;
        break;
      }
    }
    response.header(dialect.requestIdHeader(), RequestIds.next());
    Operation op = dialect.classify(request);
    counters.count(op);
    if (op == Operation.ListObjects || op == Operation.ListObjectsV2) {
      String delimiter = request.param("delimiter");
      if (delimiter != null && !delimiter.isEmpty()) {
        counters.countDelimitedListing();
      }
    }
    counters.started();
    String object =
        counters.tracksObjectWrites() && ObjectWrites.writesData(op)
            ? dialect.objectPath(request)
            : null;
    if (object != null) {
      counters.objectWriteReceived(bucketOf(object), keyOf(object));
    }
    RequestAccounting accounting = new RequestAccounting(counters, request, response);
    if (object != null) {
      accounting.objectWrite(op, bucketOf(object), keyOf(object));
    }
    response.beforeCommit(accounting);
    try {
      FaultSpec fault = faults.next(op);
      if (fault != null && applyBefore(fault, dialect, request, response)) {
        return;
      }
      dialect.handle(request, op, response);
    } catch (RuntimeException e) {
      if (e instanceof ConnectionAbort || response.committed()) {
        throw e;
      }
      dialect.sendError(request, response, 500, "InternalError", "Emulator failure: " + e);
    } finally {
      counters.ended();
      accounting.run();
    }
  }

  private static String bucketOf(String objectPath) {
    return objectPath.substring(0, objectPath.indexOf('/'));
  }

  private static String keyOf(String objectPath) {
    return objectPath.substring(objectPath.indexOf('/') + 1);
  }

  /** Applies a fault; true when the request is fully answered by it. */
  private static boolean applyBefore(
      FaultSpec fault, Dialect dialect, HttpRequest request, HttpResponse response)
      throws IOException {
    switch (fault.kind()) {
      case ERROR:
        dialect.sendError(
            request, response, fault.status(), fault.code(), "Injected fault: " + fault);
        return true;
      case LATENCY:
        try {
          Thread.sleep(fault.amount());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      case RESET_REQUEST:
        long want = fault.amount() >= 0 ? fault.amount() : Math.max(0, request.contentLength() / 2);
        InputStream in = request.body();
        byte[] buf = new byte[8192];
        long read = 0;
        while (read < want) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, want - read));
          if (n < 0) {
            break;
          }
          read += n;
        }
        throw new ConnectionAbort(true, "fault: reset after " + read + " request bytes");
      case RESET_RESPONSE:
        response.cutBodyAfter(fault.amount(), true);
        return false;
      case TRUNCATE:
        response.cutBodyAfter(fault.amount(), false);
        return false;
      case WRONG_CRC:
        response.corruptChecksums();
        return false;
      case NO_CRC:
        response.dropChecksums();
        return false;
      default:
        return false;
    }
  }
}
