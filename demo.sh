#!/usr/bin/env bash
# demo.sh: migrate a generated sample folder into a local OSS emulator with the packaged
# distribution's one-key import, then verify the bucket through the OSS API.
#   bash demo.sh            (needs JDK 17+ and Maven 3.8.7+; about a minute)
# Everything it starts (emulator, import service) is stopped on exit; its work directory is
# deleted unless DEMO_KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ossimport-demo.XXXXXX")
BUCKET=demo-bucket
KEY_ID=demo-key-id
KEY_SECRET=demo-key-secret
EMULATOR_PID=
DIST=

cleanup() {
  local rc=$?
  if [ -n "$DIST" ] && [ -f "$DIST/console.sh" ]; then
    bash "$DIST/console.sh" stop > /dev/null 2>&1 || true
  fi
  if [ -n "$EMULATOR_PID" ]; then
    kill "$EMULATOR_PID" 2> /dev/null || true
    wait "$EMULATOR_PID" 2> /dev/null || true
  fi
  if [ "${DEMO_KEEP:-0}" = 1 ]; then
    echo "Work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s\n' "$*"; }

step "Building the distribution (tests skipped; 'mvn -B -ntp verify' runs them)"
(cd "$ROOT" && mvn -B -ntp -q -DskipTests package -pl ossimport-cli -am)
ARCHIVE=$(ls "$ROOT"/ossimport-cli/target/ossimport-*.tar.gz)
EMULATOR_JAR=$(ls "$ROOT"/ossimport-emulator/target/ossimport-emulator-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
echo "$ARCHIVE"

step "Generating a sample folder: 300 small files in nested folders and one 3 MB file"
SAMPLE="$WORK/sample"
for i in $(seq 1 300); do
  dir="$SAMPLE/photos/$((i % 4))/day-$((i % 7))"
  mkdir -p "$dir"
  head -c $(((i * 7919) % 20000 + 1)) /dev/urandom > "$dir/img-$i.jpg"
done
mkdir -p "$SAMPLE/videos"
head -c 3000000 /dev/urandom > "$SAMPLE/videos/large.mp4"
echo "$(find "$SAMPLE" -type f | wc -l) files, $(du -sh "$SAMPLE" | cut -f1) in $SAMPLE"

step "Starting the OSS emulator with bucket $BUCKET"
java -jar "$EMULATOR_JAR" --port 0 --data "$WORK/oss-data" \
  --credentials "$KEY_ID:$KEY_SECRET" --bucket "$BUCKET" \
  > "$WORK/emulator.out" 2> "$WORK/emulator.log" &
EMULATOR_PID=$!
for _ in $(seq 1 150); do
  [ -s "$WORK/emulator.out" ] && break
  kill -0 "$EMULATOR_PID" 2> /dev/null || { cat "$WORK/emulator.log"; exit 1; }
  sleep 0.2
done
ENDPOINT=$(head -n 1 "$WORK/emulator.out")
echo "OSS endpoint $ENDPOINT"

step "Unpacking the distribution and writing conf/local_job.cfg"
tar -xzf "$ARCHIVE" -C "$WORK"
DIST="$WORK/ossimport"
JOB="$DIST/conf/local_job.cfg"
set_key() { sed -i.bak "s#^$1=.*#$1=$2#" "$JOB" && rm -f "$JOB.bak"; }
set_key srcPrefix "$SAMPLE/"
set_key destDomain "$ENDPOINT"
set_key destBucket "$BUCKET"
set_key destAccessKey "$KEY_ID"
set_key destSecretKey "$KEY_SECRET"
set_key destPrefix ""
set_key taskObjectCountLimit 50
set_key multipartUploadThreshold 1m
set_key multipartUploadPartSize 256k
chmod 600 "$JOB"
grep -E '^(srcPrefix|destDomain|destBucket|taskObjectCountLimit|multipartUpload[A-Za-z]*)=' "$JOB"

step "bash import.sh --restart --retry 2 --stop   (unattended one-key import)"
set +e
OSSIMPORT_POLL_SECONDS=2 bash "$DIST/import.sh" --restart --retry 2 --stop < /dev/null
IMPORT_EXIT=$?
set -e
echo "import.sh exit code: $IMPORT_EXIT"

step "bash console.sh stat"
bash "$DIST/console.sh" stat || true

step "Verifying the bucket through the OSS API (size and CRC-64 of every object)"
java -Dslf4j.internal.verbosity=ERROR -cp "$DIST/bin/ossimport2.jar" "$ROOT/demo/VerifyUpload.java" \
  "$ENDPOINT" "$KEY_ID" "$KEY_SECRET" "$BUCKET" "$SAMPLE"
exit "$IMPORT_EXIT"
