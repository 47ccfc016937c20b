#!/usr/bin/env python3
"""Turns bench/run.sh's runs.tsv into the Markdown results file (stdout).

Usage: report.py ENV_TXT RUNS_TSV. Medians over the measured rounds (the selection pass's single
runs are listed apart); MB = 10^6 bytes; requests per object = emulator requests / files."""
import json
import statistics
import sys

COLS = [
    "wl", "tool", "round", "files", "bytes", "wall", "cpu", "rss", "req", "rc", "ops", "extra", "emu",
]


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            parts += [""] * (len(COLS) - len(parts))
            r = dict(zip(COLS, parts))
            for k in ("files", "bytes", "rss", "req", "rc"):
                r[k] = int(r[k] or 0)
            for k in ("wall", "cpu", "emu"):
                r[k] = float(r[k] or 0)
            r["ops"] = json.loads(r["ops"] or "{}")
            if r["extra"].startswith("scan "):  # scan N objects T tasks S s peakHeapMB H
                w = r["extra"].split()
                r["scan_s"] = float(w[5])
                r["heap_mb"] = float(w[8])
            if r["extra"].startswith("engine "):  # the job record's start to finish
                r["engine_s"] = float(r["extra"].split()[1])
            rows.append(r)
    return rows


def fmt(values, digits=1):
    values = sorted(values)
    med = statistics.median(values)
    if med < 10 and digits < 2:
        digits += 1 if med >= 1 else 2
    if len(values) == 1:
        return "%.*f" % (digits, med)
    return "%.*f (%.*f–%.*f)" % (digits, med, digits, values[0], digits, values[-1])


def summarize(rows):
    """(wl, tool) -> dict of medians and formatted cells, measured rounds only."""
    out = {}
    keys = []
    for r in rows:
        if r["round"] == "probe":
            continue
        k = (r["wl"], r["tool"])
        if k not in out:
            out[k] = []
            keys.append(k)
        out[k].append(r)
    summary = {}
    for k in keys:
        rs = out[k]
        ok = [r for r in rs if r["rc"] == 0] or rs
        walls = [r["wall"] for r in ok]
        s = {
            "runs": len(rs),
            "failed": sum(1 for r in rs if r["rc"] != 0),
            "wall": statistics.median(walls),
            "fps": statistics.median([r["files"] / r["wall"] for r in ok if r["wall"] > 0]),
            "mbps": statistics.median([r["bytes"] / 1e6 / r["wall"] for r in ok if r["wall"] > 0]),
            "req": statistics.median([r["req"] / max(1, r["files"]) for r in ok]),
            "cells": [
                fmt(walls, 2),
                fmt([r["files"] / r["wall"] for r in ok], 0),
                fmt([r["bytes"] / 1e6 / r["wall"] for r in ok], 1),
                fmt([r["cpu"] for r in ok], 1),
                fmt([r["emu"] for r in ok], 1),
                fmt([r["rss"] / 1024.0 for r in ok], 0),
                fmt([r["req"] / max(1, r["files"]) for r in ok], 2),
                fmt([r["engine_s"] for r in ok if "engine_s" in r], 2)
                if any("engine_s" in r for r in ok)
                else "",
            ],
        }
        if any("engine_s" in r for r in ok):
            s["engine"] = statistics.median([r["engine_s"] for r in ok if "engine_s" in r])
        if any("scan_s" in r for r in ok):
            s["scan_s"] = statistics.median([r["scan_s"] for r in ok if "scan_s" in r])
            s["heap_mb"] = max(r["heap_mb"] for r in ok if "heap_mb" in r)
        summary[k] = s
    return keys, summary


def main():
    env = {}
    with open(sys.argv[1]) as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            env[k] = v
    rows = load(sys.argv[2])
    keys, summary = summarize(rows)
    p = print
    p("# ossimport benchmark, %s (scale %s)" % (env.get("date"), env.get("scale")))
    p()
    p("Produced by `bash bench/run.sh --scale %s --runs %s` (%s end to end)." % (
        env["scale"].split()[0], env["scale"].split()[1].split("=")[1], env.get("elapsed")))
    p()
    p("| machine / versions | |")
    p("| --- | --- |")
    for k in ("nproc", "mem", "cpu", "kernel", "java", "rclone", "ossimport", "git"):
        p("| %s | %s |" % (k, env.get(k, "")))
    p()
    p("| workload | data (this scale) |")
    p("| --- | --- |")
    for k in ("W1", "W2", "W3", "W4"):
        p("| %s | %s |" % (k, env.get(k, "")))
    p()
    p("Each run: a fresh, empty, disk-backed emulator; wall, CPU (user+sys) and peak RSS from "
      "`/usr/bin/time -v` around the whole command, background processes included (ossimport: "
      "import.sh with its submit/stat/stop JVMs and the service; the emulator is not counted). "
      "Median over the rounds, (min–max). MB = 10^6 bytes. req/obj = emulator requests / files. "
      "emulator CPU s = the emulator process's CPU during the run (its start included). "
      "engine s = ossimport's job record, service job start to job end (no JVM starts, no "
      "import.sh polling): what the engine itself takes.")
    p()
    p("| workload | tool | runs | wall s | files/s | MB/s | CPU s | emulator CPU s | peak RSS MB | req/obj | engine s |")
    p("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for k in keys:
        s = summary[k]
        runs = "%d%s" % (s["runs"], " (%d failed)" % s["failed"] if s["failed"] else "")
        p("| %s | %s | %s | %s |" % (k[0], k[1], runs, " | ".join(s["cells"])))
    probes = [r for r in rows if r["round"] == "probe"]
    if probes:
        p()
        p("Selection pass (one run each; the fastest of each family is measured above):")
        p()
        p("| workload | variant | wall s | files/s | MB/s | exit |")
        p("| --- | --- | --- | --- | --- | --- |")
        for r in probes:
            p("| %s | %s | %.2f | %.0f | %.1f | %d |" % (
                r["wl"], r["tool"], r["wall"], r["files"] / r["wall"] if r["wall"] else 0,
                r["bytes"] / 1e6 / r["wall"] if r["wall"] else 0, r["rc"]))
    ops = {}
    for r in rows:
        if r["round"] == "1":
            ops[(r["wl"], r["tool"])] = r["ops"]
    if ops:
        p()
        p("Requests by operation (round 1):")
        p()
        for k, v in ops.items():
            p("- %s %s: %s" % (k[0], k[1], ", ".join("%s %d" % kv for kv in sorted(v.items())) or "none"))
    p()
    p("## Targets")
    p()
    p("Judged on import.sh's wall time. \"engine alone\" uses the job record's time instead (no JVM "
      "starts, no polling), while rclone and the raw client keep their own process start: a "
      "lower bound for what the CLI could reach, not a like-for-like figure.")
    p()
    targets(summary)


def best(summary, wl, prefix, key, high=True):
    c = [(s[key], t) for (w, t), s in summary.items() if w == wl and t.startswith(prefix)]
    if not c:
        return None, None
    return max(c) if high else min(c)


def engine(o, key, other, pct=False):
    """The same ratio for the engine's own time, when the job record gave it."""
    if "engine" not in o or o["engine"] <= 0:
        return ""
    v = o["wall"] / o["engine"] * o[key]
    if pct:
        return " (engine alone: %.1f = %.0f%%)" % (v, 100 * v / other)
    return " (engine alone: %.1f = %.2f×)" % (v, v / other)


def verdict(ok):
    return "**holds**" if ok else "**does not hold**"


def targets(summary):
    p = print
    for wl, key, unit in (("W1", "fps", "files/s"), ("W2", "mbps", "MB/s")):
        o = summary.get((wl, "ossimport"))
        rc, rct = best(summary, wl, "rclone", key)
        raw, rawt = best(summary, wl, "raw", key)
        if not o or rc is None or raw is None:
            continue
        p("- %s ossimport ≥ 1.5× rclone's best %s: %.1f vs %.1f (%s) = %.2f× → %s%s" % (
            wl, unit, o[key], rc, rct, o[key] / rc, verdict(o[key] >= 1.5 * rc), engine(o, key, rc)))
        p("- %s ossimport ≥ 90%% of the raw ceiling: %.1f vs %.1f (%s) = %.0f%% → %s%s" % (
            wl, o[key], raw, rawt, 100 * o[key] / raw, verdict(o[key] >= 0.9 * raw),
            engine(o, key, raw, pct=True)))
    o = summary.get(("W3", "ossimport"))
    rc, rct = best(summary, "W3", "rclone", "wall", high=False)
    if o and rc is not None:
        p("- W3 ossimport wall ≤ 0.67× rclone's best: %.2f s vs %.2f s (%s) = %.2f× → %s%s" % (
            o["wall"], rc, rct, o["wall"] / rc, verdict(o["wall"] <= 0.67 * rc),
            " (engine alone: %.2f s = %.2f×)" % (o["engine"], o["engine"] / rc) if "engine" in o else ""))
    o = summary.get(("W4", "ossimport-scan"))
    f = summary.get(("W4", "find"))
    if o and f:
        p("- W4 scan and split ≤ 2× find: %.2f s vs %.2f s = %.2f× → %s (in-process submit and scan: %.2f s)" % (
            o["wall"], f["wall"], o["wall"] / f["wall"], verdict(o["wall"] <= 2 * f["wall"]),
            o.get("scan_s", float("nan"))))
        if "heap_mb" in o:
            p("- W4 peak heap ≤ 256 MB (run with -Xmx256m): %.0f MB → %s" % (
                o["heap_mb"], verdict(o["heap_mb"] <= 256 and o["failed"] == 0)))
    o = summary.get(("W1", "ossimport"))
    if o:
        p("- at most one request per small object (W1, isSkipExistFile=false): %.2f → %s" % (
            o["req"], verdict(o["req"] <= 1.0)))


if __name__ == "__main__":
    main()
