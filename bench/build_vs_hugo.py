#!/usr/bin/env python3
"""Full builds of omtanke and Hugo, side by side, on the same synthetic sites.

Generates sites of 1,000 and 10,000 Markdown pages plus 500 activities (bench/gen_site.py, with
the equivalent Hugo site beside each), builds each twice to warm the caches and create the
output folders (and omtanke's spare, see docs/benchmarks.md), then times RUNS full builds of
each, alternating omtanke and Hugo, so that both see the same load on the machine. Both build
into their existing output folder, as an editor's repeated builds do. Prints the median wall
time, the omtanke/Hugo ratio (below 1: omtanke is faster) and the peak memory (maximum resident
set size) of each, all from the same run.

Usage: bench/build_vs_hugo.py [--sizes 1000,10000] [--activities 500] [--runs 5] [--fail-if-slower]

Installs Debian's hugo with apt-get when it is missing and builds target/release/omtanke first.
With --fail-if-slower (the CI check, bench/ci-ratio) it exits 1 when omtanke's median is slower
than Hugo's for any size.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools import ensure_debian_tool

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "omtanke"
TODAY = "2026-11-26"


def timed(cmd, cwd=None):
    """Runs cmd; returns (seconds, peak RSS in MB) of that one child."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def bench(tmp, hugo, pages, activities, runs):
    site, hsite = tmp / f"omtanke-{pages}", tmp / f"hugo-{pages}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_site.py"), str(site), str(pages), str(activities),
                    "--hugo", str(hsite)], check=True)
    out, hout = tmp / f"out-omtanke-{pages}", tmp / f"out-hugo-{pages}"
    commands = {
        "omtanke": ([str(BIN), "build", "--root", str(site), "--output", str(out), "--today", TODAY], None),
        "hugo": ([hugo, "--quiet", "--destination", str(hout)], hsite),
    }
    for _ in range(2):  # warm-up: caches, output folders (and omtanke's spare, made by its 2nd build)
        for cmd, cwd in commands.values():
            timed(cmd, cwd)
    times = {k: [] for k in commands}
    rss = {k: 0.0 for k in commands}
    for i in range(runs):
        order = list(commands) if i % 2 == 0 else list(reversed(commands))
        for name in order:
            t, m = timed(*commands[name])
            times[name].append(t)
            rss[name] = max(rss[name], m)
            print(f"  {pages} pages, run {i + 1}/{runs}: {name} {t:.2f} s, {m:.0f} MB", file=sys.stderr)
    files = {k: sum(len(f) for _, _, f in os.walk(d)) for k, d in (("omtanke", out), ("hugo", hout))}
    return {k: (statistics.median(v), min(v), max(v), rss[k], files[k]) for k, v in times.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="numbers of pages, comma-separated")
    ap.add_argument("--activities", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fail-if-slower", action="store_true")
    args = ap.parse_args()
    hugo = ensure_debian_tool("hugo")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "omtanke"], cwd=ROOT, check=True)
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    results = {}
    with tempfile.TemporaryDirectory(prefix="omtanke-bench-") as tmp:
        for pages in (int(s) for s in args.sizes.split(",")):
            results[pages] = bench(Path(tmp), hugo, pages, args.activities, args.runs)
    print(f"\nFull builds, median of {args.runs} alternating runs each ({os.cpu_count()} cores, hugo {version}):\n")
    print(f"{'pages':>7} {'activities':>10} | {'omtanke':>9} {'hugo':>9} {'ratio':>6} | {'omtanke RSS':>11} {'hugo RSS':>9} | files o/h")
    slower = False
    for pages, r in results.items():
        (om, omin, omax, orss, ofiles), (hm, hmin, hmax, hrss, hfiles) = r["omtanke"], r["hugo"]
        ratio = om / hm
        slower |= ratio > 1
        print(f"{pages:>7} {args.activities:>10} | {om:>7.2f} s {hm:>7.2f} s {ratio:>6.2f} | {orss:>8.0f} MB {hrss:>6.0f} MB | "
              f"{ofiles}/{hfiles}")
        print(f"{'':>18} | spread {omin:.2f}–{omax:.2f} s, hugo {hmin:.2f}–{hmax:.2f} s")
    print("\nratio = omtanke median / hugo median; below 1.00 omtanke is faster; RSS = peak resident memory")
    if args.fail_if_slower and slower:
        print("FAIL: omtanke is slower than Hugo on this benchmark", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
