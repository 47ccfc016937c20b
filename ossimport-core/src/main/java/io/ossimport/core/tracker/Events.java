package io.ossimport.core.tracker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;

/** Emits events so that a misbehaving listener cannot break the engine thread that emits them. */
public final class Events {
  private Events() {}

  /** Emits a log event; a listener that throws is ignored. */
  public static void log(
      ImportListener listener, ImportEvent.Level level, String job, String text) {
    emit(listener, ImportEvent.log(level, job, text));
  }

  /** Emits any event; a listener that throws is ignored. */
  public static void emit(ImportListener listener, ImportEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // the listener contract says it must not throw; the engine carries on regardless
    }
  }
}
