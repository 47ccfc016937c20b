package io.ossimport.core.accounting;

/** Time as the limiter sees it, so tests can drive it without sleeping. */
interface Ticker {
  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          long millis = nanos / 1_000_000L;
          Thread.sleep(millis, (int) (nanos % 1_000_000L));
        }
      };

  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;
}
