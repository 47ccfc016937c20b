package io.ossimport.core.jobtree;

import java.util.HashMap;
import java.util.Map;

/**
 * What a task's progress log says about each entry: the last event recorded for it wins. Memory is
 * one small record per entry of one task.
 */
public final class RecordedProgress {
  /** The last recorded event of an entry. */
  public enum EntryState {
    /** Nothing recorded: send it. */
    NOT_STARTED,
    /** Sending began and did not finish: check the destination before sending again. */
    BEGUN,
    /** At the destination, verified: do not send again. */
    DONE,
    /** Failed for good in an earlier run. */
    FAILED
  }

  /** One entry's last event; {@code crc64}, {@code etag} and {@code reason} may be null. */
  public static final class EntryProgress {
    private final EntryState state;
    private final Long crc64;
    private final String etag;
    private final ReasonCode reason;

    EntryProgress(EntryState state, Long crc64, String etag, ReasonCode reason) {
      this.state = state;
      this.crc64 = crc64;
      this.etag = etag;
      this.reason = reason;
    }

    public EntryState state() {
      return state;
    }

    public Long crc64() {
      return crc64;
    }

    public String etag() {
      return etag;
    }

    public ReasonCode reason() {
      return reason;
    }
  }

  private static final EntryProgress NOT_STARTED =
      new EntryProgress(EntryState.NOT_STARTED, null, null, null);

  private final Map<Integer, EntryProgress> entries;
  private final boolean tornTail;

  private RecordedProgress(Map<Integer, EntryProgress> entries, boolean tornTail) {
    this.entries = entries;
    this.tornTail = tornTail;
  }

  /** The last event of entry {@code index}. */
  public EntryProgress entry(int index) {
    EntryProgress e = entries.get(index);
    return e == null ? NOT_STARTED : e;
  }

  /** Entries whose last event is {@code state} (not for {@link EntryState#NOT_STARTED}). */
  public int count(EntryState state) {
    int n = 0;
    for (EntryProgress e : entries.values()) {
      if (e.state == state) {
        n++;
      }
    }
    return n;
  }

  /** Whether the log ended in a torn (partial or garbled) line that was ignored. */
  public boolean hadTornTail() {
    return tornTail;
  }

  static final class Builder {
    private final Map<Integer, EntryProgress> entries = new HashMap<>();

    void apply(String[] f) {
      int index = Integer.parseInt(f[1]);
      switch (f[0]) {
        case "BEGIN":
          entries.put(index, new EntryProgress(EntryState.BEGUN, null, null, null));
          break;
        case "DONE":
          Long crc = f[2].equals("-") ? null : Long.parseUnsignedLong(f[2]);
          String etag = f[3].equals("-") ? null : NameCodec.unescape(f[3]);
          entries.put(index, new EntryProgress(EntryState.DONE, crc, etag, null));
          break;
        default:
          entries.put(
              index, new EntryProgress(EntryState.FAILED, null, null, ReasonCode.parse(f[2])));
      }
    }

    RecordedProgress build(boolean tornTail) {
      return new RecordedProgress(entries, tornTail);
    }
  }
}
