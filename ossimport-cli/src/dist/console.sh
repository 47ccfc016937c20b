#!/usr/bin/env bash
# console.sh: run the standalone ossimport step by step (see README.md).
#   bash console.sh submit|start|stop|clean|stat|retry|diff|version
# Works from any directory. import.sh sources this file for its functions.
# console.bat mirrors this file: same verbs, messages and exit codes (ScriptParityTest).

OSSIMPORT_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SYS_CONF=conf/sys.properties
JOB_CONF=conf/local_job.cfg
JAR=bin/ossimport2.jar
# `submit --offline` or `submit --dry-run` (console.sh) or `--offline` (import.sh) sets it.
SUBMIT_OPTS=
# `diff --checksum` sets it.
DIFF_OPTS=
# Seconds `start` waits for the service to report that it runs.
START_TIMEOUT=${OSSIMPORT_START_TIMEOUT:-60}

# Prints the value of key $2 in properties file $1 (last one wins), or $3 when unset or empty.
read_key() {
  local value
  value=$(sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\\(.*[^[:space:]]\\)[[:space:]]*\$/\\1/p" "$1" 2>/dev/null | tail -n 1)
  echo "${value:-$3}"
}

# Sets JAVA to $JAVA_HOME/bin/java, else to java on the PATH; else says what to do, returns 1.
find_java() {
  JAVA=
  local JAVA_DIR=${JAVA_HOME%/}
  if [ -n "$JAVA_DIR" ]; then
    if [ -x "$JAVA_DIR/bin/java" ]; then
      JAVA=$JAVA_DIR/bin/java
      return 0
    fi
    echo "Warning: JAVA_HOME=$JAVA_DIR holds no Java; using java on the PATH."
  fi
  if command -v java > /dev/null 2>&1; then
    JAVA=java
    return 0
  fi
  echo "Error: no Java found; set JAVA_HOME to a Java 8 or newer, or put its bin on the PATH."
  return 1
}

# Moves to the package directory, checks the configuration, finds Java, sets JOB_NAME and
# JAVA_HEAP.
ossimport_init() {
  cd "$OSSIMPORT_HOME" || exit 5
  mkdir -p logs
  if [ ! -f "$SYS_CONF" ]; then
    echo "Error: $OSSIMPORT_HOME/$SYS_CONF not found; restore it from the ossimport package."
    exit 2
  fi
  find_java || exit 2
  JOB_NAME=$(read_key "$JOB_CONF" jobName local_test)
  JAVA_HEAP=$(read_key "$SYS_CONF" javaHeapMaxSize 1024m)
}

# Runs the jar on the package's configuration: run_jar <verb> [args...]
# The client JVMs (submit, stat, retry, clean, stop, and import.sh's one-key sequence) are short or
# mostly idle: C1 only (no C2 compiler threads burning CPU on code that runs briefly), a serial
# collector and a small initial heap keep their CPU and RSS low. The service keeps its own flags.
CLIENT_JVM_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m"

run_jar() {
  # shellcheck disable=SC2086 # the options are words
  "$JAVA" $CLIENT_JVM_OPTS -jar "$JAR" -c "$SYS_CONF" "$@"
}

submit_job() {
  # A dry run submits nothing: its report goes to the terminal, not over the last submit's log.
  if [ "$SUBMIT_OPTS" = --dry-run ]; then
    run_jar submit --dry-run "$JOB_CONF"
    return $?
  fi
  run_jar submit ${SUBMIT_OPTS:+"$SUBMIT_OPTS"} "$JOB_CONF" > logs/submit.log 2>&1
  local rc=$?
  cat logs/submit.log
  return $rc
}

# Starts the service in the background (output to logs/ossimport2.log) and waits until it
# reports that it runs, or prints why it did not start. Sets SERVICE_PID when it started one.
start_service() {
  local log=logs/ossimport2.log
  touch "$log"
  local before
  before=$(wc -c < "$log")
  # Serial GC: the service's heap holds little that lives long (task entries are streamed), and
  # G1 kept its regions resident: 334 MB -> 232 MB peak RSS for 10,000 small files, same CPU.
  # -Xms32m: the default initial heap is 1/64 of the RAM (384 MB on 24 GB), and the young
  # generation, collected with about 9 MB live, was touched up to that size: 233 MB -> 129 MB
  # peak RSS for W1 (bench/results/PROFILE-2026-12-07.md), same CPU.
  nohup "$JAVA" "-Xmx$JAVA_HEAP" -Xms32m -XX:+UseSerialGC -jar "$JAR" -c "$SYS_CONF" start >> "$log" 2>&1 < /dev/null &
  local pid=$!
  local waited=0
  while [ "$waited" -lt $((START_TIMEOUT * 5)) ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"
      local rc=$?
      tail -c +$((before + 1)) "$log"
      return $rc
    fi
    if tail -c +$((before + 1)) "$log" | grep -q "Import service started (pid $pid,"; then
      SERVICE_PID=$pid
      echo "Start import service completed."
      return 0
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  SERVICE_PID=$pid
  echo "The import service is still starting; see logs/ossimport2.log."
  return 0
}

# Asks the service to stop; the jar waits for a graceful stop, then kills its recorded PID.
stop_service() {
  run_jar stop
  local rc=$?
  if [ $rc -eq 0 ]; then
    echo "Stop import service completed."
  fi
  return $rc
}

clean_job() {
  run_jar clean "$JOB_NAME"
  local rc=$?
  if [ $rc -eq 0 ]; then
    echo "Clean job:$JOB_NAME completed."
  fi
  return $rc
}

diff_job() {
  run_jar diff ${DIFF_OPTS:+"$DIFF_OPTS"} "$JOB_CONF"
}

show_stat() {
  run_jar stat detail
}

retry_job() {
  run_jar retry "$JOB_NAME" > logs/retry.log 2>&1
  local rc=$?
  cat logs/retry.log
  if [ $rc -eq 0 ] && ! grep -q "^None failed tasks" logs/retry.log; then
    echo "Retry has been submitted."
  fi
  return $rc
}

console_usage() {
  echo "Usage: bash console.sh <command>"
  echo "  submit   submit the job of conf/local_job.cfg (submit --offline: without asking OSS first)"
  echo "           (submit --dry-run: list what the job would import, submit nothing)"
  echo "  start    start the import service in the background"
  echo "  stop     stop the import service (gracefully, else by its recorded PID)"
  echo "  clean    delete the job (jobName of conf/local_job.cfg) to run it again"
  echo "  stat     show the job status"
  echo "  retry    run the failed tasks of the job again"
  echo "  diff     compare the source with OSS: missing, different, extra (diff --checksum: CRC-64 too)"
  echo "  version  show the version"
  echo "Exit codes: 0 ok, 1 usage, 2 configuration, 3 failed tasks or differences, 4 service state,"
  echo "5 runtime failure, 6 job exists or is unknown."
}

console_main() {
  # submit --offline: accept the job without asking the destination first (no network here yet).
  # submit --dry-run: list what the job would import without submitting it.
  if [ $# -eq 2 ] && { [ "$2" = --offline ] || [ "$2" = --dry-run ]; } \
    && [ "$(echo "$1" | tr '[:upper:]' '[:lower:]')" = submit ]; then
    SUBMIT_OPTS=$2
    set -- "$1"
  fi
  # diff --checksum: compare CRC-64 too (a HEAD per object).
  if [ $# -eq 2 ] && [ "$2" = --checksum ] && [ "$(echo "$1" | tr '[:upper:]' '[:lower:]')" = diff ]; then
    DIFF_OPTS=--checksum
    set -- "$1"
  fi
  if [ $# -ne 1 ]; then
    console_usage
    exit 1
  fi
  local verb
  verb=$(echo "$1" | tr '[:upper:]' '[:lower:]')
  case "$verb" in
    submit | start | stop | clean | stat | retry | diff | version) ;;
    *)
      console_usage
      exit 1
      ;;
  esac
  ossimport_init
  case "$verb" in
    submit) submit_job ;;
    start) start_service ;;
    stop) stop_service ;;
    clean) clean_job ;;
    stat) show_stat ;;
    retry) retry_job ;;
    diff) diff_job ;;
    version) run_jar version ;;
  esac
  exit $?
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  console_main "$@"
fi
