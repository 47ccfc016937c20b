package io.ossimport.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bandwidth cap that changes with the time of day, as rclone's {@code --bwlimit} timetable:
 * {@code 08:00,512;19:00,off} caps the worker at 512 KB/s from 08:00 and lifts the cap at 19:00.
 *
 * <p>Each entry holds from its time until the next entry's; before the first entry of the day the
 * last one still holds (the table wraps around midnight). Entries are separated by {@code ;} or
 * blanks, times are {@code H:MM} or {@code HH:MM} in the service's local time zone, rates are KB/s
 * (1 KB = 1024 bytes) or {@code off}. Immutable.
 */
public final class ThroughputTimetable {
  /** No timetable: {@code workerMaxThroughput(KB/s)} alone decides. */
  public static final ThroughputTimetable NONE =
      new ThroughputTimetable(Collections.<Entry>emptyList());

  private static final Pattern ENTRY = Pattern.compile("([0-9]{1,2}):([0-9]{2}),(.*)");
  private static final Pattern RATE = Pattern.compile("[0-9]{1,12}");

  private final List<Entry> entries; // sorted by minute of the day, distinct

  private ThroughputTimetable(List<Entry> entries) {
    this.entries = entries;
  }

  /** One switch of the cap: from {@code minuteOfDay} on, {@code kilobytesPerSecond} (0 = off). */
  static final class Entry {
    final int minuteOfDay;
    final long kilobytesPerSecond;

    Entry(int minuteOfDay, long kilobytesPerSecond) {
      this.minuteOfDay = minuteOfDay;
      this.kilobytesPerSecond = kilobytesPerSecond;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60)
          + ","
          + (kilobytesPerSecond == 0 ? "off" : Long.toString(kilobytesPerSecond));
    }
  }

  /**
   * Parses a timetable; blank text is {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the entry that is wrong and why
   */
  public static ThroughputTimetable parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<Entry>();
    for (String raw : trimmed.split("[;\\s]+")) {
      Entry entry = parseEntry(raw);
      for (Entry earlier : entries) {
        if (earlier.minuteOfDay == entry.minuteOfDay) {
          throw new IllegalArgumentException(
              "has two entries for " + entry.toString().substring(0, 5) + " ('" + raw + "')");
        }
      }
      entries.add(entry);
    }
    Collections.sort(entries, (a, b) -> Integer.compare(a.minuteOfDay, b.minuteOfDay));
    return new ThroughputTimetable(Collections.unmodifiableList(entries));
  }

  private static Entry parseEntry(String raw) {
    Matcher m = ENTRY.matcher(raw);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "has the entry '" + raw + "', which is not TIME,RATE (e.g. 08:00,512 or 19:00,off)");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException(
          "has the entry '" + raw + "', whose time is not between 00:00 and 23:59");
    }
    String rate = m.group(3);
    long kilobytesPerSecond;
    if (rate.equalsIgnoreCase("off")) {
      kilobytesPerSecond = 0;
    } else if (RATE.matcher(rate).matches() && Long.parseLong(rate) > 0) {
      kilobytesPerSecond = Long.parseLong(rate);
    } else {
      throw new IllegalArgumentException(
          "has the entry '"
              + raw
              + "', whose rate is not a whole number of KB/s above 0 or 'off' (no cap)");
    }
    return new Entry(hour * 60 + minute, kilobytesPerSecond);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The cap in KB/s at {@code minuteOfDay} (0 to 1439); 0 = no cap. Not for {@link #NONE}. */
  public long kilobytesPerSecondAt(int minuteOfDay) {
    return entryAt(minuteOfDay).kilobytesPerSecond;
  }

  /**
   * The entry that holds at {@code minuteOfDay}, as written canonically (e.g. {@code 08:00,512}).
   */
  public String entryTextAt(int minuteOfDay) {
    return entryAt(minuteOfDay).toString();
  }

  private Entry entryAt(int minuteOfDay) {
    if (entries.isEmpty()) {
      throw new IllegalStateException("an empty timetable has no entries");
    }
    Entry holding = entries.get(entries.size() - 1); // the last one wraps past midnight
    for (Entry entry : entries) {
      if (entry.minuteOfDay <= minuteOfDay) {
        holding = entry;
      }
    }
    return holding;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThroughputTimetable && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The canonical text: entries by time, separated by {@code ;}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Entry entry : entries) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(entry);
    }
    return out.toString();
  }
}
