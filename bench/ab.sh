#!/usr/bin/env bash
# Back-to-back A/B of unpacked ossimport packages on one dataset (CPU, wall, peak RSS of import.sh
# and every process it starts; the emulator not counted), for a shared machine where only runs
# taken side by side compare:
#   bash bench/ab.sh OUT DATA_DIR ROUNDS PACKAGE_DIR...
# Each PACKAGE_DIR is an unpacked distribution (its console.sh/import.sh may be edited to try
# JVM flags). Each round runs every package once, in an order rotated per round, against a fresh
# disk-backed emulator (bench/run.sh's), with the shipped configuration but source, destination and
# keys. Appends "package round wall_s cpu_s rss_kb exit" lines to OUT/ab.tsv.
set -euo pipefail
OUT=$1 DATA=$2 ROUNDS=$3
shift 3
PACKAGES=("$@")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EMULATOR_JAR=$(ls "$ROOT"/ossimport-emulator/target/ossimport-emulator-*.jar | grep -v -- '-sources\|-tests\|-javadoc' | head -n 1)
mkdir -p "$OUT"
EMU_PID=
stop_emulator() { if [ -n "$EMU_PID" ]; then kill "$EMU_PID" 2> /dev/null || true; wait "$EMU_PID" 2> /dev/null || true; EMU_PID=; fi; }
trap stop_emulator EXIT
for round in $(seq 1 "$ROUNDS"); do
  n=${#PACKAGES[@]}
  for i in $(seq 0 $((n - 1))); do
    pkg=${PACKAGES[$(((i + round) % n))]}
    rm -rf "$OUT/emu" "$pkg/master" "$pkg/worker" "$pkg/logs" && mkdir -p "$OUT/emu"
    java -Xmx512m -jar "$EMULATOR_JAR" --port 0 --data "$OUT/emu/data" --credentials k1:s1 --bucket bench \
      > "$OUT/emu/url" 2> "$OUT/emu/log" &
    EMU_PID=$!
    for _ in $(seq 1 300); do [ -s "$OUT/emu/url" ] && break; sleep 0.1; done
    job=$pkg/conf/local_job.cfg
    sed -i -e "s#^srcPrefix=.*#srcPrefix=$DATA/#" -e "s#^destDomain=.*#destDomain=$(head -n 1 "$OUT/emu/url")#" \
      -e "s#^destBucket=.*#destBucket=bench#" -e "s#^destAccessKey=.*#destAccessKey=k1#" \
      -e "s#^destSecretKey=.*#destSecretKey=s1#" -e "s#^destPrefix=.*#destPrefix=r$round/#" "$job"
    chmod 600 "$job"
    rc=0
    OSSIMPORT_POLL_SECONDS=1 /usr/bin/time -v -o "$OUT/time.txt" python3 "$ROOT/bench/lib/reap.py" \
      bash "$pkg/import.sh" --restart --no-retry --stop > "$OUT/last.log" 2>&1 < /dev/null || rc=$?
    stop_emulator
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$OUT/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$pkg")" "$round" "$wall" "$cpu" "$rss" "$rc" | tee -a "$OUT/ab.tsv"
  done
done
