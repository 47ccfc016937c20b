#!/usr/bin/env bash
# bench/spark.sh: Spark mode's scaling (issue 16): W1 (small files) and W3 (mixed tree) with 1, 2
# and 4 executors against the emulator with the latency:10 fault on every request, and the
# scaling efficiency T(1) / (n x T(n)). Not a test: run it by hand on a quiet machine.
#   [SPARK_HOME=/opt/spark-3.5] bash bench/spark.sh [--scale small|default] [--executors "1 2 4"]
#                                                [--latency 10] [--no-build]
# Executors are real JVMs of Spark's local-cluster mode (local-cluster[n,1,1024]: n executors of
# one core each, started from SPARK_HOME's jars), the driver runs spark-submit in client mode.
# Each run gets a fresh disk-backed emulator and a fresh working directory. Writes
# bench/results/<UTC stamp>-spark-<scale>.md. Everything it starts is stopped on exit.
set -euo pipefail
{
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
SCALE=small
EXECUTORS="1 2 4"
LATENCY=10
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift ;;
    --executors) EXECUTORS=$2; shift ;;
    --latency) LATENCY=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench/spark.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
  shift
done
# Without SPARK_HOME: the one the cluster ITs use, laid out from the Maven artifacts (jars/ only:
# spark-submit is then SparkSubmit run with java and the JDK 17 flags of ossimport-spark's pom).
if [ -z "${SPARK_HOME:-}" ]; then
  SPARK_HOME=$ROOT/ossimport-spark/target/spark-home
  [ -d "$SPARK_HOME/jars" ] || (cd "$ROOT" && mvn -B -ntp -q -DskipTests -Dtest=none -Dit.test=none \
    -Dfailsafe.failIfNoSpecifiedTests=false -P '!install-azurite' pre-integration-test -pl ossimport-spark -am)
  export SPARK_SCALA_VERSION=2.12
fi
export SPARK_HOME
SPARK_JVM_FLAGS=$(sed -n 's:.*<spark.jdk17.flags>\(.*\)</spark.jdk17.flags>.*:\1:p' "$ROOT/ossimport-spark/pom.xml")
spark_submit() {
  if [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    "$SPARK_HOME/bin/spark-submit" "$@"
  else
    # shellcheck disable=SC2086 # the flags are words
    java $SPARK_JVM_FLAGS -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
  fi
}
case "$SCALE" in
  small) W1_FILES=2000; W3_FILES=40 ;;
  default) W1_FILES=20000; W3_FILES=300 ;;
  *) echo "bench/spark.sh: --scale small|default" >&2; exit 1 ;;
esac
W1_SIZE=4096; W3_MIN=1024; W3_MAX=$((64 << 20)); W3_SEED=42
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH/work/spark-$STAMP
DATA=$BENCH/work/data
mkdir -p "$OUT" "$DATA" "$BENCH/results"
REPORT=$BENCH/results/$STAMP-spark-$SCALE.md
KEY_ID=bench-key; KEY_SECRET=bench-secret; BUCKET=bench
EMU_PID=
stop_emulator() { [ -z "$EMU_PID" ] || { kill "$EMU_PID" 2> /dev/null || true; wait "$EMU_PID" 2> /dev/null || true; EMU_PID=; }; }
trap stop_emulator EXIT
say() { echo "[bench/spark] $*" >&2; }

if [ "$BUILD" = 1 ]; then
  say "building ossimport-spark and the emulator (tests skipped)"
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests package -pl ossimport-spark,ossimport-emulator -am)
fi
APP_JAR=$(ls "$ROOT"/ossimport-spark/target/ossimport-spark-*.jar | grep -v -- '-sources\|-tests\|original-' | head -n 1)
EMULATOR_JAR=$(ls "$ROOT"/ossimport-emulator/target/ossimport-emulator-*.jar | grep -v -- '-sources\|-tests\|-javadoc' | head -n 1)
CLASSES=$OUT/classes
mkdir -p "$CLASSES"
javac --release 8 -nowarn -d "$CLASSES" "$BENCH"/java/GenData.java
gen() { local name=$1; shift; [ -f "$DATA/$name.meta" ] || { say "generating $name"; rm -rf "${DATA:?}/$name"; java -cp "$CLASSES" GenData "$@" "$DATA/$name"; }; }
W1_DIR=w1-${W1_FILES}x${W1_SIZE}
W3_DIR=w3-${W3_FILES}-logu-${W3_MIN}-${W3_MAX}-s${W3_SEED}
gen "$W1_DIR" small "$W1_FILES" "$W1_SIZE"
gen "$W3_DIR" mixed "$W3_FILES" "$W3_MIN" "$W3_MAX" "$W3_SEED"

start_emulator() {
  stop_emulator
  rm -rf "$OUT/emu" && mkdir -p "$OUT/emu"
  java -jar "$EMULATOR_JAR" --port 0 --data "$OUT/emu/data" --credentials "$KEY_ID:$KEY_SECRET" \
    --bucket "$BUCKET" > "$OUT/emu/url" 2> "$OUT/emu/log" &
  EMU_PID=$!
  for _ in $(seq 1 300); do [ -s "$OUT/emu/url" ] && break; sleep 0.1; done
  ENDPOINT=$(head -n 1 "$OUT/emu/url")
  if [ "$LATENCY" -gt 0 ]; then
    curl -sf -X POST "$ENDPOINT/_emulator/faults?fault=latency:$LATENCY&probability=1" > /dev/null
  fi
}

# run WORKLOAD DIR EXECUTORS: one job with n executors; prints "seconds bytes"
run() {
  local workload=$1 dir=$2 n=$3 work=$OUT/run-$1-$3
  rm -rf "$work" && mkdir -p "$work"
  start_emulator
  printf 'workingDir=%s\nworkerTaskThreadNum=20\n' "$work/tree" > "$work/sys.properties"
  printf 'jobName=%s\nsrcType=local\nsrcPrefix=%s/\ndestDomain=%s\ndestBucket=%s\ndestAccessKey=%s\ndestSecretKey=%s\n' \
    "bench_${workload}_$n" "$DATA/$dir" "$ENDPOINT" "$BUCKET" "$KEY_ID" "$KEY_SECRET" > "$work/local_job.cfg"
  local start end
  start=$(date +%s.%N)
  spark_submit --master "local-cluster[$n,1,1024]" \
    --conf spark.ossimport.tasksAtOnce=$((2 * n)) --conf spark.ui.enabled=false \
    --class io.ossimport.spark.SparkImport "$APP_JAR" \
    --job "$work/local_job.cfg" --sys "$work/sys.properties" > "$work/driver.log" 2>&1 \
    || { say "run $workload with $n executors failed, see $work/driver.log"; tail -5 "$work/driver.log" >&2; exit 1; }
  end=$(date +%s.%N)
  stop_emulator
  echo "$(python3 -c "print(round($end - $start, 2))") $(du -sb "$DATA/$dir" | cut -f1)"
}

{
  echo "# Spark mode scaling, $STAMP ($SCALE scale, latency:$LATENCY on every request)"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); Spark: $(spark_submit --version 2>&1 | grep -o 'version [0-9.]*' | head -n 1)."
  echo "Executors of one core each (local-cluster), workerTaskThreadNum=20 per executor."
  echo
  echo "| workload | executors | seconds | MiB/s | scaling efficiency |"
  echo "| --- | --- | --- | --- | --- |"
} > "$REPORT"
for workload in W1 W3; do
  dir=$W1_DIR; [ "$workload" = W3 ] && dir=$W3_DIR
  base=
  for n in $EXECUTORS; do
    say "$workload with $n executor(s)"
    read -r secs bytes < <(run "$workload" "$dir" "$n")
    [ -n "$base" ] || base=$secs
    python3 - "$workload" "$n" "$secs" "$bytes" "$base" "${EXECUTORS%% *}" >> "$REPORT" << 'PY'
import sys
w, n, secs, size, base, first = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
eff = (base * first) / (n * secs)
print(f"| {w} | {n} | {secs:.2f} | {size / secs / 1048576:.1f} | {eff:.0%} |")
PY
  done
done
say "wrote $REPORT"
cat "$REPORT"
exit 0
}
