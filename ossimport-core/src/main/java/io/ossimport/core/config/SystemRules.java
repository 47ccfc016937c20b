package io.ossimport.core.config;

import static io.ossimport.core.config.SysKeys.WORKER_MAX_TASK_THREAD_NUM;
import static io.ossimport.core.config.SysKeys.WORKER_MAX_THROUGHPUT;
import static io.ossimport.core.config.SysKeys.WORKER_TASK_THREAD_NUM;
import static io.ossimport.core.config.SysKeys.WORKER_THROUGHPUT_TIMETABLE;

/** Rules for {@code sys.properties} beyond each key's own range (reference §2.3). */
final class SystemRules {
  /** The reference's ceiling for physical hosts; more threads mostly cost memory. */
  static final long MANY_WORKER_THREADS = 150;

  private SystemRules() {}

  static void check(ConfigValues v) {
    checkCeilingNotBelowBase(v);
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
    if (v.allValid(WORKER_MAX_THROUGHPUT, WORKER_THROUGHPUT_TIMETABLE)
        && v.number(WORKER_MAX_THROUGHPUT) > 0
        && !v.timetable(WORKER_THROUGHPUT_TIMETABLE).isEmpty()) {
      v.warning(
          WORKER_MAX_THROUGHPUT,
          "is not used while " + WORKER_THROUGHPUT_TIMETABLE.name() + " is set",
          "write " + WORKER_MAX_THROUGHPUT.name() + "=0, or leave the timetable empty");
    }
  }

  /** The ceiling of the adaptive object threads is a ceiling: never below the base count. */
  private static void checkCeilingNotBelowBase(ConfigValues v) {
    if (!v.isSet(WORKER_MAX_TASK_THREAD_NUM)
        || !v.allValid(WORKER_TASK_THREAD_NUM, WORKER_MAX_TASK_THREAD_NUM)) {
      return;
    }
    long base = v.number(WORKER_TASK_THREAD_NUM);
    if (v.number(WORKER_MAX_TASK_THREAD_NUM) < base) {
      v.problem(
          WORKER_MAX_TASK_THREAD_NUM,
          "must not be smaller than " + WORKER_TASK_THREAD_NUM.name() + " (" + base + ")",
          "raise it to at least "
              + base
              + ", or leave it empty to keep "
              + WORKER_TASK_THREAD_NUM.name()
              + " threads whatever the link");
    }
  }
}
