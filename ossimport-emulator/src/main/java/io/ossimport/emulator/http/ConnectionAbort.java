package io.ossimport.emulator.http;

/**
 * Thrown to drop the connection without a (complete) response; with {@code reset} the socket is
 * closed with SO_LINGER 0 so the peer gets a TCP RST, otherwise a normal close (FIN).
 */
public final class ConnectionAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean reset;

  public ConnectionAbort(boolean reset, String why) {
    super(why);
    this.reset = reset;
  }

  public boolean reset() {
    return reset;
  }
}
