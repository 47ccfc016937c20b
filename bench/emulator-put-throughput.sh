#!/usr/bin/env bash
# 4 KiB PUTs/s from SDK client threads against a disk-backed emulator. Args: [threads] [seconds] [memory]
cd "$(dirname "$0")/.." && mvn -B -ntp -q test-compile exec:java -pl ossimport-emulator -Dexec.classpathScope=test -Dexec.mainClass=io.ossimport.emulator.bench.PutThroughputBench -Dexec.args="${*:-16 10}"
