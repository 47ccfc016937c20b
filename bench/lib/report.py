#!/usr/bin/env python3
"""Turns bench/run.sh's runs.tsv into the Markdown results file (stdout).

Usage: report.py ENV_TXT RUNS_TSV. Medians over the measured rounds (the selection pass's single
runs are listed apart); MB = 10^6 bytes; requests per object = emulator requests / files; CPU per
object = client CPU (user + sys of every process of the run) / files. A workload named WL@<ms>ms
ran with that delay before every request the emulator served."""
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
            "cpu_ms": statistics.median([1000.0 * r["cpu"] / max(1, r["files"]) for r in ok]),
            "rss_mb": max(r["rss"] / 1024.0 for r in ok),
            "ops": ok[0]["ops"],
            "files": ok[0]["files"],
            "cells": [
                fmt(walls, 2),
                fmt([r["files"] / r["wall"] for r in ok], 0),
                fmt([r["bytes"] / 1e6 / r["wall"] for r in ok], 1),
                fmt([r["cpu"] for r in ok], 1),
                fmt([1000.0 * r["cpu"] / max(1, r["files"]) for r in ok], 2),
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
    words = dict(w.split("=", 1) for w in env["scale"].split()[1:])
    runs = words.get("runs", "")
    lat = words.get("latency_runs", runs)
    p("Produced by `%sbash bench/run.sh --scale %s --runs %s --workloads %s` (%s end to end; rclone "
      "--transfers/--checkers probed: %s)." % (
          "BENCH_LATENCY_RUNS=%s " % lat if lat != runs else "", env["scale"].split()[0], runs,
          words.get("workloads", ""), env.get("elapsed"), env.get("rclone_transfers", "")))
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
      "CPU ms/obj = client CPU / files (every process of the run: for ossimport all its JVMs). "
      "emulator CPU s = the emulator process's CPU during the run (its start included). "
      "WL@<ms>ms = the emulator waited <ms> ms before serving each request (a network round "
      "trip; loopback otherwise). rclone-t<N> = `--transfers N --checkers N "
      "--s3-upload-concurrency N`; rclone-lean-t<N> = the same plus `--no-check-dest --s3-no-head "
      "--s3-no-check-bucket` (a fresh copy: no listing of the destination, no HEAD after the PUT). "
      "engine s = ossimport's job record, service job start to job end (no JVM starts, no "
      "import.sh polling): what the engine itself takes.")
    p()
    p("| workload | tool | runs | wall s | files/s | MB/s | CPU s | CPU ms/obj | emulator CPU s | peak RSS MB | req/obj | engine s |")
    p("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for k in keys:
        s = summary[k]
        runs = "%d%s" % (s["runs"], " (%d failed)" % s["failed"] if s["failed"] else "")
        p("| %s | %s | %s | %s |" % (k[0], k[1], runs, " | ".join(s["cells"])))
    probes = [r for r in rows if r["round"] == "probe"]
    if probes:
        p()
        p("Selection pass (one run each; the fastest of each family is measured above):")
        p()
        p("| workload | variant | files | wall s | files/s | MB/s | req/obj | exit |")
        p("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in probes:
            p("| %s | %s | %d | %.2f | %.0f | %.1f | %.2f | %d |" % (
                r["wl"], r["tool"], r["files"], r["wall"], r["files"] / r["wall"] if r["wall"] else 0,
                r["bytes"] / 1e6 / r["wall"] if r["wall"] else 0, r["req"] / max(1, r["files"]),
                r["rc"]))
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
    p("Issue 13's targets (ratios of the same run), then issue 7's. \"rclone's best\" is the best "
      "of every rclone configuration measured in the rounds (defaults, the kept rclone-t<N> and "
      "rclone-lean-t<N>). PASS/FAIL is judged on import.sh's wall time. \"engine alone\" uses the job record's time instead (no JVM "
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
    return "**PASS**" if ok else "**FAIL**"


def ratio_line(summary, wl, key, unit, goal, label):
    """ossimport's KEY (higher is better) against rclone's best of the same workload."""
    o = summary.get((wl, "ossimport"))
    rc, rct = best(summary, wl, "rclone", key)
    if not o or rc is None or rc <= 0:
        print("- %s: ossimport ≥ %.1f× rclone's best %s: not measured in this run" % (label, goal, unit))
        return
    print("- %s: ossimport ≥ %.1f× rclone's best %s: %.1f vs %.1f (%s) = %.2f× → %s%s" % (
        label, goal, unit, o[key], rc, rct, o[key] / rc, verdict(o[key] >= goal * rc),
        engine(o, key, rc)))


def wall_line(summary, wl, goal, label):
    o = summary.get((wl, "ossimport"))
    rc, rct = best(summary, wl, "rclone", "wall", high=False)
    if not o or rc is None:
        print("- %s: ossimport wall ≤ %.2f× rclone's best: not measured in this run" % (label, goal))
        return
    print("- %s: ossimport wall ≤ %.2f× rclone's best: %.2f s vs %.2f s (%s) = %.2f× → %s%s" % (
        label, goal, o["wall"], rc, rct, o["wall"] / rc, verdict(o["wall"] <= goal * rc),
        " (engine alone: %.2f s = %.2f×)" % (o["engine"], o["engine"] / rc) if "engine" in o else ""))


def w1_variants(summary):
    """W1, W1@10ms, W1@40ms... as measured, loopback first, then by delay."""
    names = {w for (w, t) in summary if w == "W1" or w.startswith("W1@")}
    return sorted(names, key=lambda w: int(w[3:-2]) if "@" in w else 0)


def targets(summary):
    p = print
    p("Issue 13:")
    p()
    for wl, goal in (("W1@40ms", 2.0), ("W1@10ms", 1.5), ("W1", 1.0)):
        ratio_line(summary, wl, "fps", "files/s", goal, wl if "@" in wl else "W1 loopback")
    wall_line(summary, "W3@10ms", 0.67, "W3@10ms")
    for wl in ("W2@10ms", "W2"):
        ratio_line(summary, wl, "mbps", "MB/s", 1.5, wl if "@" in wl else "W2 loopback")
    for wl in w1_variants(summary):
        o = summary.get((wl, "ossimport"))
        rc, rct = best(summary, wl, "rclone", "fps")
        if o and rc is not None and summary[(wl, rct)]["cpu_ms"] > 0:
            r = summary[(wl, rct)]
            p("- %s: client CPU per 4 KiB object ≤ 1.5× rclone's (its best, %s): %.2f ms vs %.2f ms "
              "= %.2f× → %s" % (wl, rct, o["cpu_ms"], r["cpu_ms"], o["cpu_ms"] / r["cpu_ms"],
                                verdict(o["cpu_ms"] <= 1.5 * r["cpu_ms"])))
    for wl in w1_variants(summary):
        o = summary.get((wl, "ossimport"))
        if o:
            p("- %s: 1.00 request per small object with the shipped defaults: %.2f (%d objects: %s) → %s" % (
                wl, o["req"], o["files"], ", ".join("%s %d" % kv for kv in sorted(o["ops"].items())),
                verdict(round(o["req"], 2) <= 1.0)))
    for wl in w1_variants(summary):
        o = summary.get((wl, "ossimport"))
        if o:
            p("- %s: peak RSS ≤ 200 MB (item 4; the highest of the rounds): %.0f MB → %s" % (
                wl, o["rss_mb"], verdict(o["rss_mb"] <= 200)))
    o = summary.get(("W4", "ossimport-scan"))
    f = summary.get(("W4", "find"))
    if o and f:
        heap = o.get("heap_mb", float("nan"))
        p("- W4: scan and split ≤ 2× find with heap ≤ 256 MB (-Xmx256m): %.2f s vs %.2f s = %.2f×, "
          "peak heap %.0f MB → %s (in-process submit and scan: %.2f s)" % (
              o["wall"], f["wall"], o["wall"] / f["wall"], heap,
              verdict(o["wall"] <= 2 * f["wall"] and heap <= 256 and o["failed"] == 0),
              o.get("scan_s", float("nan"))))
    p()
    p("Issue 7 (loopback):")
    p()
    o = summary.get(("W1", "ossimport"))
    rc, rct = best(summary, "W1", "rclone", "fps")
    if o and rc is not None:
        p("- W1 ossimport ≥ 1.5× rclone's best files/s: %.1f vs %.1f (%s) = %.2f× → %s%s" % (
            o["fps"], rc, rct, o["fps"] / rc, verdict(o["fps"] >= 1.5 * rc), engine(o, "fps", rc)))
    for wl, key in (("W1", "fps"), ("W2", "mbps")):
        o = summary.get((wl, "ossimport"))
        raw, rawt = best(summary, wl, "raw", key)
        if o and raw is not None:
            p("- %s ossimport ≥ 90%% of the raw ceiling: %.1f vs %.1f (%s) = %.0f%% → %s%s" % (
                wl, o[key], raw, rawt, 100 * o[key] / raw, verdict(o[key] >= 0.9 * raw),
                engine(o, key, raw, pct=True)))
    wall_line(summary, "W3", 0.67, "W3 loopback")


if __name__ == "__main__":
    main()
