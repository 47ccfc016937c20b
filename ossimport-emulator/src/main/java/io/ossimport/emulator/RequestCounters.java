package io.ossimport.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe per-operation request counters plus bytes received and sent; resettable. On request,
 * also what each key was sent ({@link #trackObjectWrites(boolean)}, {@link ObjectWrites}).
 */
public final class RequestCounters {
  private final AtomicLongArray requests = new AtomicLongArray(Operation.values().length);
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong maxInFlight = new AtomicLong();
  private final AtomicLong delimitedListings = new AtomicLong();
  private volatile boolean trackObjectWrites;

  /** "bucket/key" (bucket names hold no '/') to its counts; only while tracking. */
  private final ConcurrentMap<String, long[]> objectWrites =
      new ConcurrentHashMap<String, long[]>();

  /** Counts one request of the given operation. */
  public void count(Operation op) {
    requests.incrementAndGet(op.ordinal());
  }

  /**
   * Counts one ListObjects or ListObjectsV2 request with a delimiter (also counted under its
   * operation): tells a client that rolls a listing up at '/' from one that lists flat.
   */
  public void countDelimitedListing() {
    delimitedListings.incrementAndGet();
  }

  /** ListObjects and ListObjectsV2 requests that carried a delimiter. */
  public long delimitedListings() {
    return delimitedListings.get();
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

  /**
   * Starts (or stops) keeping per-key counts of data-writing requests, read with {@link
   * #objectWrites(String)}. Off by default: it costs memory for every key written, which a
   * benchmark of millions of objects does not want.
   */
  public void trackObjectWrites(boolean on) {
    trackObjectWrites = on;
  }

  /** Whether per-key counts are being kept. */
  public boolean tracksObjectWrites() {
    return trackObjectWrites;
  }

  /** A data-writing request for {@code bucket/key} arrived (the dispatcher calls this). */
  public void objectWriteReceived(String bucket, String key) {
    if (!trackObjectWrites) {
      return;
    }
    long[] c = countsOf(bucket, key);
    synchronized (c) {
      c[0]++;
      if (c[1] > 0) {
        c[2]++;
      }
    }
  }

  /**
   * The request for {@code bucket/key} is answered with {@code status}; called just before the
   * status line is written.
   */
  public void objectWriteAnswered(Operation op, String bucket, String key, int status) {
    if (!trackObjectWrites || !ObjectWrites.completes(op) || status < 200 || status > 299) {
      return;
    }
    long[] c = countsOf(bucket, key);
    synchronized (c) {
      c[1]++;
    }
  }

  private long[] countsOf(String bucket, String key) {
    String id = bucket + "/" + key;
    long[] c = objectWrites.get(id);
    if (c == null) {
      long[] fresh = new long[3];
      c = objectWrites.putIfAbsent(id, fresh);
      c = c == null ? fresh : c;
    }
    return c;
  }

  /** Key to what it was sent, of every key of {@code bucket} written while tracking, in order. */
  public Map<String, ObjectWrites> objectWrites(String bucket) {
    String prefix = bucket + "/";
    Map<String, ObjectWrites> map = new TreeMap<String, ObjectWrites>();
    for (Map.Entry<String, long[]> e : objectWrites.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        long[] c = e.getValue();
        synchronized (c) {
          map.put(e.getKey().substring(prefix.length()), new ObjectWrites(c[0], c[1], c[2]));
        }
      }
    }
    return map;
  }

  /** Sets every counter back to zero (and forgets the per-key counts). */
  public void reset() {
    objectWrites.clear();
    for (int i = 0; i < requests.length(); i++) {
      requests.set(i, 0);
    }
    bytesReceived.set(0);
    bytesSent.set(0);
    delimitedListings.set(0);
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
    sb.append(",\"maxInFlight\":").append(maxInFlight());
    sb.append(",\"delimitedListings\":").append(delimitedListings()).append('}');
    return sb.toString();
  }
}
