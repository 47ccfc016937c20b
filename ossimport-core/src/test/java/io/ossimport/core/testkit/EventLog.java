package io.ossimport.core.testkit;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.StatReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@link ImportListener} that keeps every event, for assertions. */
public final class EventLog implements ImportListener {
  private final List<ImportEvent> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void onEvent(ImportEvent event) {
    events.add(event);
  }

  public List<ImportEvent> events() {
    synchronized (events) {
      return new ArrayList<>(events);
    }
  }

  /** The log messages, one per line, each as {@code LEVEL [job] message}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (ImportEvent e : events()) {
      if (!e.isProgress()) {
        out.append(e.level()).append(" [").append(e.jobName()).append("] ");
        out.append(e.message()).append('\n');
      }
    }
    return out.toString();
  }

  /** Everything the events carry as text, progress snapshots rendered both ways. */
  public String everything() {
    StringBuilder out = new StringBuilder(text());
    for (ImportEvent e : events()) {
      if (e.isProgress()) {
        out.append(StatReport.text(Collections.singletonList(e.progress())));
        out.append(StatReport.jsonLines(Collections.singletonList(e.progress())));
        out.append(e.toString()).append('\n');
      }
    }
    return out.toString();
  }

  /** The log messages that contain {@code text}. */
  public List<String> messagesContaining(String text) {
    List<String> found = new ArrayList<>();
    for (ImportEvent e : events()) {
      if (e.message() != null && e.message().contains(text)) {
        found.add(e.message());
      }
    }
    return found;
  }

  public long progressEvents() {
    return events().stream().filter(ImportEvent::isProgress).count();
  }
}
