package io.ossimport.core.worker;

/** An object's work ended early for a graceful stop; its progress stays recorded for resume. */
final class StoppedException extends Exception {
  private static final long serialVersionUID = 1L;

  StoppedException() {
    super("stopped", null, false, false);
  }
}
