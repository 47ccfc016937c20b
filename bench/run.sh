#!/usr/bin/env bash
# bench/run.sh: the benchmark of issues 7 and 13, end to end (see bench/README.md).
#   bash bench/run.sh [--scale small|default|full] [--runs N] [--no-build] [--keep]
#                     [--workloads W1,W1@10ms,W1@40ms,W2,W2@10ms,W3,W3@10ms,W4]
#                     [--latency 0,10,40] [--tools ossimport,rclone,raw]
# WL@<ms>ms: the workload with the emulator's latency:<ms> fault on every request (a network
# round trip); --latency crosses the W1/W2/W3 named in --workloads with these delays (0 = none).
# BENCH_JFR=profile records a JFR file per ossimport JVM under bench/work/runs/<stamp>/<run>/jfr/.
# Builds the distribution, generates the datasets under bench/work/data (kept for the next run),
# installs rclone if missing, and for each workload runs ossimport (import.sh unattended), rclone
# (default and tuned) and the raw SDK ceiling against the disk-backed emulator, alternating, N
# rounds; writes bench/results/<UTC date>-<scale>.md. Everything it starts is stopped on exit.
set -euo pipefail
{ # the whole script is parsed before it runs: editing it meanwhile cannot derail a run

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
SCALE=${BENCH_SCALE:-default}
RUNS=${BENCH_RUNS:-3}
WORKLOADS=
LATENCY=
TOOLS=ossimport,rclone,raw
BUILD=1
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift ;;
    --full) SCALE=full ;;
    --runs) RUNS=$2; shift ;;
    --workloads) WORKLOADS=$2; shift ;;
    --latency) LATENCY=$2; shift ;;
    --tools) TOOLS=$2; shift ;;
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
  shift
done

# Dataset sizes per scale. W3 keeps the issue's distribution (log-uniform 1 KiB..64 MiB, nested
# directories, mean about 5.8 MiB) with fewer files: 20,000 of them are about 115 GiB.
# W1 behind a delay (W1@10ms, W1@40ms) has W1_LAT_FILES files (issue 13: at least 20,000); the
# rclone/raw selection pass of every W1 variant runs on a W1_PROBE_FILES sample of the same shape
# (a quarter of the time, the same ranking: per-object costs dominate every variant).
case "$SCALE" in
  small) W1_FILES=500; W1_LAT_FILES=500; W1_PROBE_FILES=200; W2_BYTES=$((64 << 20)); W3_FILES=40; W4_FILES=20000 ;;
  default) W1_FILES=10000; W1_LAT_FILES=${BENCH_W1_LATENCY_FILES:-20000}; W1_PROBE_FILES=2500
    W2_BYTES=$((1 << 30)); W3_FILES=${BENCH_W3_FILES:-300}; W4_FILES=1000000 ;;
  full) W1_FILES=10000; W1_LAT_FILES=20000; W1_PROBE_FILES=2500; W2_BYTES=$((1 << 30)); W3_FILES=20000; W4_FILES=1000000 ;;
  *) echo "bench/run.sh: --scale is small, default or full, not '$SCALE'" >&2; exit 1 ;;
esac
# --latency MS,...: each W1/W2/W3 named without a delay runs at each of these (0 = loopback);
# with --latency alone the names are W1,W2,W3,W4.
if [ -z "$WORKLOADS" ] && [ -n "$LATENCY" ]; then WORKLOADS=W1,W2,W3,W4; fi
WORKLOADS=${WORKLOADS:-W1,W1@10ms,W1@40ms,W2,W2@10ms,W3,W3@10ms,W4}
if [ -n "$LATENCY" ]; then
  crossed=
  for wl in ${WORKLOADS//,/ }; do
    case "$wl" in
      W[123]) for ms in ${LATENCY//,/ }; do
          [[ "$ms" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: --latency takes milliseconds like 0,10,40, not '$ms'" >&2; exit 1; }
          if [ "$ms" = 0 ]; then crossed+=,$wl; else crossed+=,$wl@${ms}ms; fi
        done ;;
      *) crossed+=,$wl ;;
    esac
  done
  # the same workload named twice runs once
  WORKLOADS=$(echo "${crossed#,}" | tr ',' '\n' | awk '!seen[$0]++' | paste -sd, -)
fi
for wl in ${WORKLOADS//,/ }; do
  [[ "$wl" =~ ^(W[123](@[0-9]+ms)?|W4)$ ]] || {
    echo "bench/run.sh: unknown workload '$wl' in --workloads; use W1, W2, W3, W4, or W1/W2/W3 with a delay such as W1@40ms" >&2
    exit 1
  }
done
W1_SIZE=4096
W3_MIN=1024
W3_MAX=$((64 << 20))
W3_SEED=42
TUNED=${BENCH_RCLONE_TRANSFERS:-16 32 64 128}
# Rounds of the workloads behind a delay (default: --runs), to shorten a run.
LATENCY_RUNS=${BENCH_LATENCY_RUNS:-$RUNS}
# Threads of the raw client; several values add a selection pass like rclone's.
RAW_THREADS=${BENCH_RAW_THREADS:-32}

WORK=$BENCH/work
DATA=$WORK/data
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$WORK/runs/$STAMP
RESULTS=$BENCH/results
mkdir -p "$DATA" "$OUT" "$RESULTS"
TSV=$OUT/runs.tsv
KEY_ID=bench-key
KEY_SECRET=bench-secret
BUCKET=bench
EMU_PID=
ENDPOINT=
T0=$(date +%s)

cleanup() {
  local rc=$?
  stop_emulator
  if [ "$KEEP" = 0 ]; then
    rm -rf "$OUT/emu" "$OUT"/*/ossimport 2> /dev/null || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '[%4ds] %s\n' $(($(date +%s) - T0)) "$*"; }

# ---- tools -------------------------------------------------------------------------------------
for tool in java javac mvn python3 curl; do
  command -v "$tool" > /dev/null || { echo "bench/run.sh: $tool is missing; install it first" >&2; exit 1; }
done
apt_install() { # apt_install PACKAGE: Debian's package, as root or through sudo
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  say "installing $1 (Debian package)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$1" > /dev/null
}
[ -x /usr/bin/time ] || apt_install time
if [ "$BUILD" = 1 ]; then
  say "building the distribution and the emulator (tests skipped)"
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests package -pl ossimport-cli,ossimport-emulator -am)
fi
ARCHIVE=$(ls "$ROOT"/ossimport-cli/target/ossimport-*.tar.gz | head -n 1)
EMULATOR_JAR=$(ls "$ROOT"/ossimport-emulator/target/ossimport-emulator-*.jar | grep -v -- '-sources\|-tests\|-javadoc' | head -n 1)
mkdir -p "$OUT/dist"
tar -xzf "$ARCHIVE" -C "$OUT/dist"
JAR=$OUT/dist/ossimport/bin/ossimport2.jar
CLASSES=$OUT/classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac --release 8 -nowarn -cp "$JAR" -d "$CLASSES" "$BENCH"/java/*.java

command -v rclone > /dev/null || apt_install rclone
RCLONE_CONF=$OUT/rclone.conf
rclone_run() { env -u AWS_CA_BUNDLE rclone --config "$RCLONE_CONF" "$@"; }

# ---- datasets ----------------------------------------------------------------------------------
gen() { # gen NAME ARGS... : generate DATA/NAME once (the name carries the parameters)
  local name=$1; shift
  if [ ! -f "$DATA/$name.meta" ]; then
    say "generating $name"
    rm -rf "${DATA:?}/$name"
    java -cp "$CLASSES" GenData "$@" "$DATA/$name"
  fi
}
W1_DIR=w1-${W1_FILES}x${W1_SIZE}
W2_DIR=w2-${W2_BYTES}
W3_DIR=w3-${W3_FILES}-logu-${W3_MIN}-${W3_MAX}-s${W3_SEED}
W1_LAT_DIR=w1-${W1_LAT_FILES}x${W1_SIZE}
W1_PROBE_DIR=w1-${W1_PROBE_FILES}x${W1_SIZE}
W4_DIR=w4-${W4_FILES}-empty
want() { echo ",$WORKLOADS," | grep -q ",$1,"; }
# want_base W1: W1 at any delay is in the selection
want_base() { echo ",$WORKLOADS," | grep -q ",$1[,@]"; }
want W1 && gen "$W1_DIR" small "$W1_FILES" "$W1_SIZE"
echo ",$WORKLOADS," | grep -q ',W1@' && gen "$W1_LAT_DIR" small "$W1_LAT_FILES" "$W1_SIZE"
want_base W1 && gen "$W1_PROBE_DIR" small "$W1_PROBE_FILES" "$W1_SIZE"
want_base W2 && gen "$W2_DIR" one "$W2_BYTES"
want_base W3 && gen "$W3_DIR" mixed "$W3_FILES" "$W3_MIN" "$W3_MAX" "$W3_SEED"
want W4 && gen "$W4_DIR" empty "$W4_FILES"

# ---- emulator ----------------------------------------------------------------------------------
start_emulator() { # a fresh, empty, disk-backed emulator for each run
  stop_emulator
  rm -rf "$OUT/emu" && mkdir -p "$OUT/emu"
  java -jar "$EMULATOR_JAR" --port 0 --data "$OUT/emu/data" --credentials "$KEY_ID:$KEY_SECRET" \
    --bucket "$BUCKET" > "$OUT/emu/url" 2> "$OUT/emu/log" &
  EMU_PID=$!
  for _ in $(seq 1 300); do
    [ -s "$OUT/emu/url" ] && break
    kill -0 "$EMU_PID" 2> /dev/null || { cat "$OUT/emu/log" >&2; exit 1; }
    sleep 0.1
  done
  ENDPOINT=$(head -n 1 "$OUT/emu/url")
  cat > "$RCLONE_CONF" << EOF
[emu]
type = s3
provider = Other
access_key_id = $KEY_ID
secret_access_key = $KEY_SECRET
endpoint = $ENDPOINT
region = cn-hangzhou
force_path_style = true
EOF
}
# set_latency MS: every request the emulator serves from now on waits MS milliseconds first (the
# latency:<ms> fault as a probability-1 rule for all operations; admin calls are not delayed).
set_latency() {
  [ "$1" -gt 0 ] || return 0
  curl -sf -X POST "$ENDPOINT/_emulator/faults?fault=latency:$1&probability=1" > /dev/null \
    || { echo "bench/run.sh: the emulator refused the latency:$1 fault" >&2; exit 1; }
  curl -sf "$ENDPOINT/_emulator/faults" | grep -q "\"op\":\"\*\",\"probability\":1.0,\"fault\":\"latency:$1\"" \
    || { echo "bench/run.sh: the emulator's fault plan does not show latency:$1 for every operation" >&2; exit 1; }
}
stop_emulator() {
  if [ -n "$EMU_PID" ]; then
    kill "$EMU_PID" 2> /dev/null || true
    wait "$EMU_PID" 2> /dev/null || true
    EMU_PID=
  fi
}

# ---- one measured run --------------------------------------------------------------------------
# measure WORKLOAD TOOL ROUND SRC_NAME : runs the tool on DATA/SRC_NAME against a fresh emulator
# (WORKLOAD@<ms>ms: with that delay on every request) under /usr/bin/time -v (through reap.py, so
# background processes count) and appends a row to runs.tsv: workload tool round files bytes
# wall_s cpu_s maxrss_kb requests exit ops extra emu_cpu_s
measure() {
  local wl=$1 tool=$2 round=$3 src=$DATA/$4
  local id=${wl/@/-} ms=0
  [ "$wl" = "${wl%@*}" ] || { ms=${wl#*@}; ms=${ms%ms}; }
  local dir=$OUT/$id-$tool-$round
  mkdir -p "$dir"
  local files bytes
  read -r files bytes < "$DATA/$4.meta"
  start_emulator
  set_latency "$ms"
  local prefix="$id/$tool/$round/"
  local cmd
  case "$tool" in
    ossimport) cmd=(bash "$dir/ossimport/import.sh" --restart --no-retry --stop); prepare_ossimport "$dir" "$src/" "$prefix" ;;
    rclone-default) cmd=(env -u AWS_CA_BUNDLE rclone --config "$RCLONE_CONF" copy "$src" "emu:$BUCKET/$prefix") ;;
    rclone-t*) local n=${tool#rclone-t}
      cmd=(env -u AWS_CA_BUNDLE rclone --config "$RCLONE_CONF" copy "$src" "emu:$BUCKET/$prefix" --transfers "$n" --checkers "$n" --s3-upload-concurrency "$n") ;;
    rclone-lean-t*) local n=${tool#rclone-lean-t} # a fresh copy: no listing of the destination, no HEAD after the PUT
      cmd=(env -u AWS_CA_BUNDLE rclone --config "$RCLONE_CONF" copy "$src" "emu:$BUCKET/$prefix" --transfers "$n" --checkers "$n" --s3-upload-concurrency "$n"
        --no-check-dest --s3-no-head --s3-no-check-bucket) ;;
    raw-t*) local n=${tool#raw-t}
      cmd=(java -cp "$CLASSES:$JAR" RawPut "$ENDPOINT" "$KEY_ID" "$KEY_SECRET" "$BUCKET" "$prefix" "$src" "$n" $((150 << 20)) $((50 << 20))) ;;
    ossimport-scan) prepare_ossimport "$dir" "$src/" "$prefix"
      cmd=(bash -c "cd '$dir/ossimport' && exec java -Xmx256m -cp '$CLASSES:bin/ossimport2.jar' ScanOnly conf/sys.properties conf/local_job.cfg") ;;
    find) cmd=(bash -c "find '$src' -type f -printf '%s %T@ %p\n' > '$dir/find.out'") ;;
    *) echo "unknown tool $tool" >&2; exit 1 ;;
  esac
  local rc=0 jfr=
  if [ -n "${BENCH_JFR:-}" ] && [ "${tool#ossimport}" != "$tool" ]; then
    mkdir -p "$dir/jfr" # one recording per JVM (the service's is the largest)
    jfr="-XX:StartFlightRecording=filename=$dir/jfr/,settings=$BENCH_JFR"
  fi
  JAVA_TOOL_OPTIONS=$jfr OSSIMPORT_POLL_SECONDS=1 /usr/bin/time -v -o "$dir/time.txt" python3 "$BENCH/lib/reap.py" "${cmd[@]}" \
    > "$dir/out.log" 2>&1 < /dev/null || rc=$?
  curl -s "$ENDPOINT/_emulator/counters" > "$dir/counters.json" || echo '{}' > "$dir/counters.json"
  # The emulator's own CPU seconds (utime + stime), since a run's server side costs differ by dialect.
  local emu_cpu
  emu_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz}' "/proc/$EMU_PID/stat")
  stop_emulator
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$dir/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$dir/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  local req extra=""
  req=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("total",0))' "$dir/counters.json")
  if [ "$tool" = ossimport-scan ]; then
    extra=$(grep '^scan ' "$dir/out.log" || true)
  elif [ "$tool" = ossimport ]; then
    # The engine's own time, from the job record (the service's job start to the job's end),
    # apart from the submit/start/stat/stop JVMs and import.sh's polling around it.
    cp "$dir/ossimport/logs/ossimport2.log" "$dir/service.log" 2> /dev/null || true
    extra=$(python3 -c '
import datetime, sys
v = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[1]) if "=" in l and not l.startswith("#"))
t = lambda s: datetime.datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S").timestamp() + float("0" + s[19:].rstrip("Z"))
print("engine %.3f" % (t(v["finishTime"]) - t(v["startTime"])))' "$(find "$dir/ossimport/master" -name JOB | head -n 1)" 2> /dev/null || true)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$wl" "$tool" "$round" "$files" "$bytes" \
    "$wall" "$cpu" "$rss" "$req" "$rc" "$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])).get("operations",{}),separators=(",",":")))' "$dir/counters.json")" "$extra" "$emu_cpu" >> "$TSV"
  say "$wl $tool #$round: wall ${wall}s cpu ${cpu}s rss ${rss}KB requests $req exit $rc"
  if [ "$KEEP" = 0 ]; then rm -rf "$dir/ossimport/master" "$dir/ossimport/worker" "$dir/find.out"; fi
}

# A fresh package per run: the shipped conf with only source, destination and credentials set.
prepare_ossimport() {
  local dir=$1 src=$2 prefix=$3
  rm -rf "$dir/ossimport"
  tar -xzf "$ARCHIVE" -C "$dir"
  local job=$dir/ossimport/conf/local_job.cfg
  set_key() { sed -i "s#^$1=.*#$1=$2#" "$job"; }
  set_key srcPrefix "$src"
  set_key destDomain "$ENDPOINT"
  set_key destBucket "$BUCKET"
  set_key destAccessKey "$KEY_ID"
  set_key destSecretKey "$KEY_SECRET"
  set_key destPrefix "$prefix"
  # BENCH_OSSIMPORT_SET="key=value ...": job keys changed from the shipped defaults (e.g.
  # isAuditAfterImport=false to measure without the after-upload HEAD)
  local kv
  for kv in ${BENCH_OSSIMPORT_SET:-}; do set_key "${kv%%=*}" "${kv#*=}"; done
  chmod 600 "$job"
}

# measure_workload WL SRC_NAME [PROBE_SRC_NAME] : a selection pass runs each variant of the
# rclone-t* (tuned), rclone-lean-t* (tuned, fresh copy: no destination listing, no HEAD) and raw-t*
# families once, on PROBE_SRC_NAME (default SRC_NAME), and keeps the fastest of each family; then
# RUNS rounds (LATENCY_RUNS behind a delay) of ossimport, rclone-default (loopback only: behind a
# delay its 4 transfers take minutes and it is never the best) and the kept variants, in an order
# rotated each round. W1 probes both rclone families at every N. W3 (300 large-ish files: the
# bytes dominate, its 300 HEADs do not) runs rclone-lean at the N kept for rclone-t, unprobed; W2
# (one file: no listing or HEAD worth saving) has no rclone-lean.
measure_workload() {
  local wl=$1 src=$2 probe=${3:-$2}
  local tools=()
  if want_tool ossimport; then tools+=(ossimport); fi
  if want_tool rclone; then
    [ "$wl" != "${wl%@*}" ] || tools+=(rclone-default)
    select_variant "$wl" rclone-t "$TUNED" "$probe"
    tools+=("$SELECTED")
    case "${wl%@*}" in
      W1) select_variant "$wl" rclone-lean-t "$TUNED" "$probe"; tools+=("$SELECTED") ;;
      W3) tools+=("rclone-lean-t${SELECTED#rclone-t}") ;;
    esac
  fi
  if want_tool raw; then
    select_variant "$wl" raw-t "$RAW_THREADS" "$probe"
    tools+=("$SELECTED")
  fi
  say "$wl: measuring ${tools[*]}"
  local rounds=$RUNS
  [ "$wl" = "${wl%@*}" ] || rounds=$LATENCY_RUNS
  for round in $(seq 1 "$rounds"); do
    local k=${#tools[@]}
    for i in $(seq 0 $((k - 1))); do
      measure "$wl" "${tools[$(((i + round - 1) % k))]}" "$round" "$src"
    done
  done
}
want_tool() { echo ",$TOOLS," | grep -q ",$1,"; }
# select_variant WL FAMILY "N..." SRC: sets SELECTED to FAMILY<N> of the fastest single run (no
# run when there is one N).
select_variant() {
  local wl=$1 family=$2 values=$3 src=$4
  if [ "$(echo "$values" | wc -w)" = 1 ]; then
    SELECTED=$family$values
    return
  fi
  for n in $values; do measure "$wl" "$family$n" probe "$src"; done
  SELECTED=$(fastest "$wl" "$family")
  [ -n "$SELECTED" ] || SELECTED=$family${values%% *} # every probe failed: measure the first anyway
}
fastest() { awk -F'\t' -v wl="$1" -v fam="$2" '$1==wl && $3=="probe" && index($2,fam)==1 && $10==0 && (best=="" || $6<w) {best=$2; w=$6} END {print best}' "$TSV"; }

: > "$TSV"
for wl in ${WORKLOADS//,/ }; do
  case "$wl" in
    W1) measure_workload "$wl" "$W1_DIR" "$W1_PROBE_DIR" ;;
    W1@*) measure_workload "$wl" "$W1_LAT_DIR" "$W1_PROBE_DIR" ;;
    W2 | W2@*) measure_workload "$wl" "$W2_DIR" ;;
    W3 | W3@*) measure_workload "$wl" "$W3_DIR" ;;
  esac
done
if want W4; then
  say "W4: warming the page cache with one untimed find"
  find "$DATA/$W4_DIR" -type f > /dev/null
  for round in $(seq 1 "$RUNS"); do
    if [ $((round % 2)) = 1 ]; then
      measure W4 ossimport-scan "$round" "$W4_DIR"; measure W4 find "$round" "$W4_DIR"
    else
      measure W4 find "$round" "$W4_DIR"; measure W4 ossimport-scan "$round" "$W4_DIR"
    fi
  done
fi

# ---- report ------------------------------------------------------------------------------------
REPORT=$RESULTS/$STAMP-$SCALE.md
{
  echo "scale=$SCALE runs=$RUNS workloads=$WORKLOADS latency_runs=$LATENCY_RUNS"
  echo "rclone_transfers=$TUNED"
  echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc=$(nproc)"
  echo "mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "kernel=$(uname -sr)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "rclone=$(rclone version 2> /dev/null | head -n 1)"
  echo "ossimport=$(cd "$OUT/dist/ossimport" && java -jar bin/ossimport2.jar version 2>&1 | head -n 1)"
  echo "git=$(cd "$ROOT" && git rev-parse --short HEAD 2> /dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet HEAD 2> /dev/null || echo ' (modified)')"
  echo "W1=$W1_FILES files x $W1_SIZE B; behind a delay (W1@...) $W1_LAT_FILES files; selection pass on $W1_PROBE_FILES"
  echo "W2=1 file of $W2_BYTES B"
  echo "W3=$W3_FILES files, log-uniform $W3_MIN..$W3_MAX B, seed $W3_SEED, nested 1-4 deep"
  echo "W4=$W4_FILES empty files, 1000 per directory"
  echo "elapsed=$(($(date +%s) - T0)) s"
} > "$OUT/env.txt"
python3 "$BENCH/lib/report.py" "$OUT/env.txt" "$TSV" > "$REPORT"
cp "$TSV" "$RESULTS/$STAMP-$SCALE.tsv"
say "results: $REPORT"
sed -n '/^## Targets/,$p' "$REPORT"
exit 0
}
