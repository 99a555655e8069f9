#!/usr/bin/env python3
"""Two builds of omtanke side by side, as a deploy runs them: cold, into a fresh folder each time.

For "what does this change cost": give the binary from before and the one from after. Generates
the synthetic site of bench/gen_site.py (default 10,000 pages and 100 activities), builds once
with each to warm the file cache, then times ROUNDS builds of each, alternating which goes first,
each into a folder that does not exist yet. Prints the medians of wall time, user and system CPU
and peak memory (maximum resident set size) for each, and after/before ratios: figures from one
run on one machine, so the two see the same load.

Usage: bench/before_after.py BEFORE_BIN AFTER_BIN [--pages 10000] [--activities 100] [--rounds 7]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"


def cold_build(binary, site, out):
    """One build into a fresh folder; returns (wall s, user s, sys s, peak RSS MiB, files)."""
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "build", "--root", str(site), "--output", str(out), "--today", TODAY],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{binary} failed:\n{err}")
    files = sum(len(f) for _, _, f in os.walk(out))
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024, files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--activities", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="omtanke-before-after-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_site.py"), str(site), str(args.pages),
                        str(args.activities)], check=True)
        binaries = {"before": args.before, "after": args.after}
        for name, binary in binaries.items():  # warm-up: the file cache
            cold_build(binary, site, tmp / f"out-{name}")
        runs = {name: [] for name in binaries}
        for i in range(args.rounds):
            order = list(binaries) if i % 2 == 0 else list(reversed(binaries))
            for name in order:
                r = cold_build(binaries[name], site, tmp / f"out-{name}")
                runs[name].append(r)
                print(f"  round {i + 1}/{args.rounds}: {name} {r[0]:.2f} s, {r[3]:.0f} MiB", file=sys.stderr)
        med = {name: [statistics.median(r[k] for r in rs) for k in range(4)] for name, rs in runs.items()}
        files = {name: rs[-1][4] for name, rs in runs.items()}
        print(f"{args.pages} pages, {args.activities} activities, {args.rounds} cold rounds, medians")
        print(f"{'':8}{'wall s':>9}{'user s':>9}{'sys s':>9}{'RSS MiB':>9}{'files':>8}")
        for name in binaries:
            m = med[name]
            print(f"{name:8}{m[0]:9.2f}{m[1]:9.2f}{m[2]:9.2f}{m[3]:9.0f}{files[name]:8}")
        ratio = [a / b if b else float("nan") for a, b in zip(med["after"], med["before"])]
        print(f"{'after/before':8}{ratio[0]:>5.3f}{ratio[1]:>9.3f}{ratio[2]:>9.3f}{ratio[3]:>9.3f}")


if __name__ == "__main__":
    main()
