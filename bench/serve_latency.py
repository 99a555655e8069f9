#!/usr/bin/env python3
"""Incremental rebuild latency of `omtanke serve`: on a generated site of 10,000 pages, save one
page and measure the time until the server answers with the new text. Prints the median and the
spread over several saves, next to the time of a full build of the same site for scale.

Usage: bench/serve_latency.py [PAGES] [SAVES]   (builds target/release/omtanke first)
"""
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "omtanke"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except Exception:
        return ""


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    saves = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "omtanke"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_site.py"), str(site), str(pages), "500"], check=True)
        t0 = time.perf_counter()
        subprocess.run([str(BIN), "build", "--root", str(site), "--output", str(Path(tmp) / "out"), "--today", "2026-11-26"],
                       check=True, capture_output=True)
        full = time.perf_counter() - t0
        server = subprocess.Popen([str(BIN), "serve", "--root", str(site), "--port", "0", "--today", "2026-11-26"],
                                  stderr=subprocess.PIPE, text=True)
        try:
            addr = None
            for line in server.stderr:
                if "http://" in line:
                    addr = line.split("http://")[1].split("/")[0]
                    break
            page = site / "content" / "del-50" / "sida-7.md"
            url = f"http://{addr}/del-50/sida-7/"
            original = page.read_text()
            latencies = []
            for i in range(saves):
                marker = f"andring-{i}-{time.time_ns()}"
                start = time.perf_counter()
                page.write_text(original.replace("## Mer att veta", f"## Mer att veta\n\n{marker}\n", 1))
                while marker not in fetch(url):
                    if time.perf_counter() - start > 30:
                        raise SystemExit("the change never appeared")
                    time.sleep(0.002)
                latencies.append((time.perf_counter() - start) * 1000)
                time.sleep(0.3)
        finally:
            server.terminate()
            log = server.stderr.read()
            server.wait()
    updates = [l for l in log.splitlines() if l.startswith("Updated")]
    if updates:
        print("server's own timing of the last update:", updates[-1])
    latencies.sort()
    print(f"site: {pages} pages + 500 activities")
    print(f"full build (omtanke build): {full * 1000:.0f} ms")
    print(f"save one page → new page served: median {statistics.median(latencies):.0f} ms, "
          f"min {latencies[0]:.0f} ms, max {latencies[-1]:.0f} ms over {saves} saves")
    print(f"ratio incremental/full: {statistics.median(latencies) / (full * 1000):.3f}")


if __name__ == "__main__":
    main()
