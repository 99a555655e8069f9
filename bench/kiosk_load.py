#!/usr/bin/env python3
"""The kiosk under load: check-ins and bookings with Debian's wrk against a release build of
omtanke-kiosk on loopback, with a fresh database in a temporary folder (WAL, synchronous=FULL: every
acknowledged check-in or booking is on disk). Prints, all from the same run:

- the raw fsync rate of the disk the database is on (append 4 KB + fsync, in a loop), which is
  the physical limit of durable commits one after the other;
- check-ins (POST /api/checkins) and bookings (POST /api/bookings, spread over a fortnight of
  daily sessions with 10,000 places each and a waiting list)
  at CONNECTIONS connections for SECONDS seconds each: requests per second, p50 and p99 latency,
  and errors;
- the daemon's peak resident memory (VmHWM) after the load, and again after a burst of 100 wrong
  staff passwords sent at once from 100 networks (through X-Forwarded-For from a trusted proxy),
  which only the pool of two password checks bounds.

Usage: bench/kiosk_load.py [--connections 50] [--seconds 10] [--threads 2]

Installs Debian's wrk with apt-get when it is missing and builds target/release/omtanke-kiosk
first.
"""
import argparse
import concurrent.futures
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import json
from pathlib import Path

from tools import ensure_debian_tool

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "omtanke-kiosk"

SITE_TOML = 'title = "Last"\nbase_url = "https://last.example.se"\nlanguage = "sv"\ntimezone = "Europe/Stockholm"\n'
ACTIVITY = """title = "Lasttest"
summary = "Ett pass med plats för alla."
interests = ["samtal"]
place = { name = "Huset", address = "Vägen 1", area = "Centrum" }

[[schedule]]
weekly = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
start = "23:00"
end = "23:59"

[booking]
capacity = 10000
waitlist = true
opens_days_before = 14
"""

CHECKIN_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"first_visit":true}'
"""

BOOKING_LUA = """
local sessions = {SESSIONS}
-- Every request books under a new name: thread number (set by setup) and a counter.
local counter = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
request = function()
  counter = counter + 1
  local session = sessions[counter % #sessions + 1]
  local body = string.format('{"session":"%s","name":"Besökare %d-%d"}', session, tid or 0, counter)
  return wrk.format("POST", "/api/bookings", {["Content-Type"] = "application/json"}, body)
end
"""


def fsync_rate(folder, seconds=3.0):
    """Durable appends per second on the file system of `folder`."""
    path = Path(folder) / "fsync-probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    block = b"x" * 4096
    n = 0
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < seconds:
            os.write(fd, block)
            os.fsync(fd)
            n += 1
    finally:
        os.close(fd)
        path.unlink()
    return n / (time.perf_counter() - start)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(wrk, url, script, connections, seconds, threads):
    out = subprocess.run([wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, url],
                         capture_output=True, text=True, check=True).stdout
    pct = dict(re.findall(r"^\s+(\d+)%\s+(\S+)$", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": ms(pct["50"]),
        "p99": ms(pct["99"]),
        "requests": total,
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "none",
    }


def vm(pid, key):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def login_burst(base, n):
    """Sends n wrong staff passwords at once, each from a network of its own; returns the statuses."""
    def one(i):
        req = urllib.request.Request(f"{base}/admin/login", data=b"losenord=fel+l%C3%B6senord", method="POST",
                                     headers={"X-Forwarded-For": f"198.18.{i // 250}.{i % 250 + 1}"})
        try:
            return urllib.request.urlopen(req, timeout=60).status
        except urllib.error.HTTPError as e:
            return e.code
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    wrk = ensure_debian_tool("wrk")
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "omtanke-kiosk"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="omtanke-kiosk-load-", dir=os.environ.get("BENCH_DIR")) as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        (site / "content" / "aktiviteter").mkdir(parents=True)
        (site / "site.toml").write_text(SITE_TOML)
        (site / "content" / "aktiviteter" / "lasttest.toml").write_text(ACTIVITY)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(tmp / "kiosk.log", "w")
        subprocess.run([str(BIN), "--db", str(tmp / "kiosk.db"), "passwd"], input="ett långt lösenord\n",
                       text=True, check=True, capture_output=True)
        # This benchmark is the proxy: the login burst then comes from a hundred networks.
        (tmp / "kiosk.toml").write_text('trusted_proxies = ["127.0.0.1/32"]\nstaff_networks = []\n')
        kiosk = subprocess.Popen([str(BIN), "--config", str(tmp / "kiosk.toml"), "--content", str(site),
                                  "--db", str(tmp / "kiosk.db"), "--listen", f"127.0.0.1:{port}"],
                                 stdout=log, stderr=log)
        try:
            for _ in range(200):
                try:
                    sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions", timeout=1))
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                raise SystemExit(f"the kiosk did not start:\n{(tmp / 'kiosk.log').read_text()}")
            if not sessions:
                raise SystemExit("the kiosk lists no bookable session")
            ids = ", ".join(f'"{s["id"]}"' for s in sessions)
            (tmp / "checkin.lua").write_text(CHECKIN_LUA)
            (tmp / "booking.lua").write_text(BOOKING_LUA.replace("SESSIONS", ids))
            idle_rss = vm(kiosk.pid, "VmRSS")
            fsync_before = fsync_rate(tmp)
            checkins = run_wrk(wrk, f"{base}/api/checkins", str(tmp / "checkin.lua"),
                               args.connections, args.seconds, args.threads)
            bookings = run_wrk(wrk, f"{base}/api/bookings", str(tmp / "booking.lua"),
                               args.connections, args.seconds, args.threads)
            fsync_after = fsync_rate(tmp)
            peak = vm(kiosk.pid, "VmHWM")
            statuses = login_burst(base, 100)
            login_peak = vm(kiosk.pid, "VmHWM")
        finally:
            kiosk.terminate()
            kiosk.wait()
            log.close()
    fsync = (fsync_before + fsync_after) / 2
    print(f"\nKiosk under load: {args.connections} connections, {args.seconds} s each, wrk -t{args.threads}, "
          f"{os.cpu_count()} cores, loopback, WAL + synchronous=FULL\n")
    print(f"raw fsync rate of the disk (4 KB append + fsync): {fsync:,.0f}/s "
          f"(before {fsync_before:,.0f}, after {fsync_after:,.0f})")
    print(f"{'':<10} {'req/s':>9} {'p50':>9} {'p99':>9} {'requests':>9} {'non-2xx':>8}  socket errors")
    for name, r in (("check-ins", checkins), ("bookings", bookings)):
        print(f"{name:<10} {r['rps']:>9,.0f} {r['p50']:>6.2f} ms {r['p99']:>6.2f} ms {r['requests']:>9} "
              f"{r['non2xx']:>8}  {r['socket_errors']}")
    print(f"check-ins / fsync rate: {checkins['rps'] / fsync:.2f} (above 1: several check-ins share one commit)")
    print(f"daemon memory: {idle_rss:.1f} MB at start, peak {peak:.1f} MB (VmHWM)")
    counted = {code: statuses.count(code) for code in sorted(set(statuses))}
    print(f"after 100 wrong staff passwords at once: peak {login_peak:.1f} MB (VmHWM; goal at most 60), "
          f"answers {counted}")


if __name__ == "__main__":
    main()
