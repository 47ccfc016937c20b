#!/usr/bin/env bash
# import.sh: one-key import (see README.md). Submits conf/local_job.cfg, starts the service,
# prints the job status until the job ends, offers to retry failed tasks and to stop the service.
# import.bat mirrors this file: same flags, prompts, messages and exit codes (ScriptParityTest).

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

# Prints a line on the console and into logs/import.log.
say() {
  echo "$*"
  echo "$*" >> logs/import.log
}

# Prints a file on the console and into logs/import.log.
say_file() {
  cat "$1"
  cat "$1" >> logs/import.log
}

# Asks question $1 until the answer is one of the words in $2 (a regex); prints the answer.
# Returns 1 when standard input ends (an unattended run without the flag that answers it).
ask() {
  local answer
  while true; do
    printf '%s' "$1" >&2
    if ! read -r answer; then
      echo >&2
      echo "No answer; see --help for the flags of unattended runs." >&2
      return 1
    fi
    echo "$1$answer" >> logs/import.log
    if echo "$answer" | grep -Eqi "^($2)\$"; then
      echo "$answer" | tr '[:upper:]' '[:lower:]'
      return 0
    fi
    echo "$3" >&2
  done
}

# Stops the service when --stop was given or the user agrees; then exits with $1.
finish() {
  local code=$1
  local stop=$STOP_MODE
  if [ -z "$stop" ] && [ "$code" -eq 0 ]; then
    case $(ask "Stop import service, Yes or No: " "y|yes|n|no" "Answer yes or no.") in
      y | yes) stop=yes ;;
      *) stop=no ;;
    esac
  fi
  if [ "$stop" = yes ]; then
    stop_service 2>&1 | tee -a logs/import.log
  else
    say "The import service is still running; stop it with: bash console.sh stop"
  fi
  exit "$code"
}

JOB_MODE=
RETRIES=
STOP_MODE=
while [ $# -gt 0 ]; do
  case "$1" in
    --resume) JOB_MODE=resume ;;
    --restart) JOB_MODE=restart ;;
    --retry)
      if ! echo "$2" | grep -Eq '^[0-9]+$'; then
        import_usage
        exit 1
      fi
      RETRIES=$2
      shift
      ;;
    --no-retry) RETRIES=0 ;;
    --stop) STOP_MODE=yes ;;
    --no-stop) STOP_MODE=no ;;
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
say "==== import $(date '+%Y-%m-%d %H:%M:%S') ===="

# 1. Submit; when the job exists, resume it or clean it and submit again.
while true; do
  submit_job > /dev/null 2>&1
  rc=$?
  say_file logs/submit.log
  if [ $rc -ne 6 ]; then
    break
  fi
  mode=$JOB_MODE
  if [ -z "$mode" ]; then
    answer=$(ask "A migration job with the same name existed. Enter [r] to resume it from the last breakpoint, [c] to clean it and start again, or [q] to quit (r/c/q)? " "r|c|q" "Answer r, c or q.") || answer=q
    case "$answer" in
      r) mode=resume ;;
      c) mode=restart ;;
      *)
        say "Import cancelled."
        exit 1
        ;;
    esac
  fi
  if [ "$mode" = resume ]; then
    say "Resume job:$JOB_NAME from the last breakpoint."
    rc=0
    break
  fi
  stop_service >> logs/import.log 2>&1
  clean_job 2>&1 | tee -a logs/import.log
  rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    exit "$rc"
  fi
  JOB_MODE=resume # a second refusal after a clean means another process submitted it
done
if [ $rc -ne 0 ]; then
  exit $rc
fi

# 2. Start the service (a service already running on this package is fine).
start_out=$(mktemp)
start_service > "$start_out" 2>&1
rc=$?
if [ $rc -eq 4 ]; then
  say "The import service is already running."
else
  say_file "$start_out"
fi
rm -f "$start_out"
if [ $rc -ne 0 ] && [ $rc -ne 4 ]; then
  exit $rc
fi

# 3. Report the status every POLL_SECONDS until the job ends: one Java process follows the job
# (the reports go to the console, logs/import.log and, the latest, logs/job_stat.log) and returns
# as soon as the job ends, with stat's exit code. Offer to retry failed tasks.
rm -f logs/import.rate
while true; do
  rm -f logs/job_stat.log
  run_jar stat detail --job "$JOB_NAME" --progress --rate-file logs/import.rate --follow \
    --interval "$POLL_SECONDS" --log-file logs/import.log --status-file logs/job_stat.log \
    2> logs/job_stat.err
  rc=$?
  say_file logs/job_stat.err
  rm -f logs/job_stat.err
  case $rc in
    0)
      say "Import to oss completed."
      finish 0
      ;;
    3)
      say "The job finished with failed tasks; the reasons are in master/jobs/$JOB_NAME/failed_tasks/*/audit.log."
      if [ -n "$RETRIES" ]; then
        if [ "$RETRIES" -le 0 ]; then
          finish 3
        fi
        RETRIES=$((RETRIES - 1))
      else
        case $(ask "Retry the failed tasks, Yes or No: " "y|yes|n|no" "Answer yes or no.") in
          y | yes) ;;
          *) finish 3 ;;
        esac
      fi
      retry_job 2>&1 | tee -a logs/import.log
      ;;
    4)
      say "Error: the import service stopped before the job finished; see logs/ossimport2.log."
      exit 5
      ;;
    1) exit 1 ;;
    2) exit 2 ;;
    6) exit 6 ;;
    *)
      if grep -q "JobState:Abort" logs/job_stat.log 2>/dev/null; then
        say "Error: the job was aborted; see logs/ossimport2.log."
        finish 5
      fi
      exit 5
      ;;
  esac
done
