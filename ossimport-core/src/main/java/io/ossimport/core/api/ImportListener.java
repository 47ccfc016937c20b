package io.ossimport.core.api;

/**
 * Receives the engine's events. Called from engine threads, possibly concurrently: implementations
 * must be thread-safe and quick (hand slow work to another thread).
 */
public interface ImportListener {
  /** A listener that drops every event. */
  ImportListener NONE =
      new ImportListener() {
        @Override
        public void onEvent(ImportEvent event) {}
      };

  /** Called for every event. Must not throw. */
  void onEvent(ImportEvent event);
}
