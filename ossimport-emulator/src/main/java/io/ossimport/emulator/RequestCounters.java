package io.ossimport.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe per-operation request counters plus bytes received and sent; resettable. */
public final class RequestCounters {
  private final AtomicLongArray requests = new AtomicLongArray(Operation.values().length);
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong maxInFlight = new AtomicLong();

  /** Counts one request of the given operation. */
  public void count(Operation op) {
    requests.incrementAndGet(op.ordinal());
  }

  /**
   * A request (of any operation) is being served; {@link #ended()} follows. Clients are judged by
   * how many requests they keep in flight on a slow link, so the highest count is kept.
   */
  public void started() {
    long now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
  }

  /** The request {@link #started()} last has been answered. */
  public void ended() {
    inFlight.decrementAndGet();
  }

  /** Requests being served right now. */
  public long inFlight() {
    return inFlight.get();
  }

  /** The most requests served at once since start or the last reset. */
  public long maxInFlight() {
    return maxInFlight.get();
  }

  /** Adds request body bytes read by the server. */
  public void addReceived(long n) {
    if (n > 0) {
      bytesReceived.addAndGet(n);
    }
  }

  /** Adds response body bytes written by the server. */
  public void addSent(long n) {
    if (n > 0) {
      bytesSent.addAndGet(n);
    }
  }

  /** Requests of one operation since start or the last reset. */
  public long get(Operation op) {
    return requests.get(op.ordinal());
  }

  /** Requests of all operations. */
  public long total() {
    long sum = 0;
    for (int i = 0; i < requests.length(); i++) {
      sum += requests.get(i);
    }
    return sum;
  }

  /** Request body bytes received. */
  public long bytesReceived() {
    return bytesReceived.get();
  }

  /** Response body bytes sent. */
  public long bytesSent() {
    return bytesSent.get();
  }

  /** A snapshot of the non-zero per-operation counts. */
  public Map<Operation, Long> snapshot() {
    Map<Operation, Long> map = new EnumMap<Operation, Long>(Operation.class);
    for (Operation op : Operation.values()) {
      long n = get(op);
      if (n != 0) {
        map.put(op, n);
      }
    }
    return map;
  }

  /** Sets every counter back to zero. */
  public void reset() {
    for (int i = 0; i < requests.length(); i++) {
      requests.set(i, 0);
    }
    bytesReceived.set(0);
    bytesSent.set(0);
    maxInFlight.set(inFlight.get());
  }

  /** The counters as a small JSON object (for the admin endpoint). */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"operations\":{");
    boolean first = true;
    for (Map.Entry<Operation, Long> e : snapshot().entrySet()) {
      sb.append(first ? "" : ",").append('"').append(e.getKey().name()).append("\":");
      sb.append(e.getValue());
      first = false;
    }
    sb.append("},\"total\":").append(total());
    sb.append(",\"bytesReceived\":").append(bytesReceived());
    sb.append(",\"bytesSent\":").append(bytesSent());
    sb.append(",\"maxInFlight\":").append(maxInFlight()).append('}');
    return sb.toString();
  }
}
