package io.ossimport.core.config;

import static io.ossimport.core.config.SysKeys.WORKER_TASK_THREAD_NUM;

/** Rules for {@code sys.properties} beyond each key's own range (reference §2.3). */
final class SystemRules {
  /** The reference's ceiling for physical hosts; more threads mostly cost memory. */
  static final long MANY_WORKER_THREADS = 150;

  private SystemRules() {}

  static void check(ConfigValues v) {
    if (v.allValid(WORKER_TASK_THREAD_NUM)
        && v.number(WORKER_TASK_THREAD_NUM) > MANY_WORKER_THREADS) {
      v.warning(
          WORKER_TASK_THREAD_NUM,
          "more than "
              + MANY_WORKER_THREADS
              + " threads rarely help and use more memory (RequestTimeTooSkewed or timeouts"
              + " follow on a busy host)",
          "60 is the usual value; up to 150 on physical hosts");
    }
  }
}
