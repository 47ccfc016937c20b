#!/usr/bin/env bash
# import.sh: one-key import (see README.md). Submits conf/local_job.cfg, starts the service,
# prints the job status until the job ends, offers to retry failed tasks and to stop the service.
# import.bat mirrors this file: same flags and the same import command of the jar, which holds the
# prompts and messages (ImportCommand; ScriptParityTest).

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/console.sh"

# Seconds between two status reports.
POLL_SECONDS=${OSSIMPORT_POLL_SECONDS:-5}

import_usage() {
  echo "Usage: bash import.sh [--resume | --restart] [--retry N | --no-retry] [--stop | --no-stop] [--offline]"
  echo "  --resume    if the job exists, resume it from the last breakpoint without asking"
  echo "  --restart   if the job exists, clean it and start again without asking"
  echo "  --retry N   retry failed tasks up to N times without asking"
  echo "  --no-retry  never retry failed tasks"
  echo "  --stop      stop the import service at the end without asking"
  echo "  --no-stop   leave the import service running at the end"
  echo "  --offline   submit without asking OSS first whether it accepts the job"
  echo "Exit codes: 0 every file imported, 1 declined or usage, 2 configuration,"
  echo "3 some files failed, 4 service state, 5 runtime failure."
}

JOB_MODE=
RETRIES=
STOP_MODE=
while [ $# -gt 0 ]; do
  case "$1" in
    --resume) JOB_MODE=--resume ;;
    --restart) JOB_MODE=--restart ;;
    --retry)
      if ! echo "$2" | grep -Eq '^[0-9]+$'; then
        import_usage
        exit 1
      fi
      RETRIES=$2
      shift
      ;;
    --no-retry) RETRIES=0 ;;
    --stop) STOP_MODE=--stop ;;
    --no-stop) STOP_MODE=--no-stop ;;
    --offline) SUBMIT_OPTS=--offline ;;
    -h | --help)
      import_usage
      exit 0
      ;;
    *)
      import_usage
      exit 1
      ;;
  esac
  shift
done

ossimport_init
# One JVM submits (asking what to do with an existing job), starts the service through
# console.sh, follows the job until it ends, offers retries and the stop: see ImportCommand.
run_jar import --job "$JOB_NAME" --console console.sh --interval "$POLL_SECONDS" $JOB_MODE \
  ${RETRIES:+--retry "$RETRIES"} $STOP_MODE $SUBMIT_OPTS "$JOB_CONF"
