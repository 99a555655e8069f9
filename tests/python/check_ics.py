"""Reads omtanke's iCalendar feeds with independent implementations (icalendar and
recurring-ical-events) and compares every occurrence with what the fixture's activities say.

Usage: check_ics.py OUTPUT_DIR   (a build of tests/fixtures/good)
"""
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

TZ = ZoneInfo("Europe/Stockholm")
out = Path(sys.argv[1])
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def occurrences(path, start, end):
    raw = (out / path).read_bytes()
    # Format: CRLF line ends and lines of at most 75 octets.
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{path}: does not end with CRLF")
    check(all(b"\n" not in l for l in lines), f"{path}: bare LF line ends")
    long = [l for l in lines if len(l) > 75]
    check(not long, f"{path}: lines longer than 75 octets: {long[:2]}")
    cal = icalendar.Calendar.from_ical(raw)
    check(cal.walk("VTIMEZONE"), f"{path}: no VTIMEZONE")
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    check(len(uids) == len(set(uids)), f"{path}: UIDs repeat: {uids}")
    for e in cal.walk("VEVENT"):
        check("DTSTAMP" in e, f"{path}: VEVENT without DTSTAMP")
        check(e["DTSTART"].params.get("TZID") == "Europe/Stockholm", f"{path}: DTSTART without TZID")
    return sorted(
        (o["DTSTART"].dt, o["DTEND"].dt)
        for o in recurring_ical_events.of(cal).between(start, end)
    )


def expect(path, start, end, wanted):
    got = occurrences(path, start, end)
    got_local = [(s.astimezone(TZ).replace(tzinfo=None), e.astimezone(TZ).replace(tzinfo=None)) for s, e in got]
    check(got_local == wanted, f"{path}: occurrences differ\n  expected {len(wanted)}: {wanted[:6]}…\n  got {len(got_local)}: {got_local[:6]}…")
    # The offset of each occurrence is the one in force that day (CET in winter, CEST in summer).
    for s, _ in got:
        want = s.replace(tzinfo=None).replace(tzinfo=TZ).utcoffset()
        check(s.utcoffset() == want, f"{path}: {s} has offset {s.utcoffset()}, expected {want}")


def days(first, last, weekdays, skip=()):
    d = first
    while d <= last:
        if d.weekday() in weekdays and d not in skip:
            yield d
        d += timedelta(days=1)


def at(d, hh, mm=0):
    return datetime(d.year, d.month, d.day, hh, mm)


# A weekly rule on Sundays, over both daylight-saving changes of 2026.
sundays = [(at(d, 12), at(d, 14)) for d in days(date(2026, 3, 1), date(2026, 11, 1), {6})]
expect("aktiviteter/sondagsfika/kalender.ics", datetime(2026, 3, 1), datetime(2026, 11, 2), sundays)
check(any(s.month == 3 and s.day == 29 for s, _ in sundays), "fixture covers the March change")

# Two weekdays with from, until and except dates, plus a rule of single dates.
season = [(at(d, 18), at(d, 20)) for d in days(date(2026, 3, 1), date(2026, 11, 5), {1, 3}, {date(2026, 3, 26), date(2026, 10, 29)})]
xmas = [(at(date(2026, 12, 13), 14), at(date(2026, 12, 13), 16)), (at(date(2026, 12, 20), 14), at(date(2026, 12, 20), 16))]
expect("aktiviteter/kvallscafe/kalender.ics", datetime(2026, 1, 1), datetime(2027, 6, 1), season + xmas)

# The last Friday of every month.
fridays = []
for month in range(1, 13):
    d = date(2026, month, 28) + timedelta(days=4)
    d = d.replace(day=1) - timedelta(days=1)
    while d.weekday() != 4:
        d -= timedelta(days=1)
    fridays.append((at(d, 10), at(d, 12)))
expect("aktiviteter/fredagsmote/kalender.ics", datetime(2026, 1, 1), datetime(2027, 1, 1), fridays)

# The site-wide and the per-interest feeds hold the coming activities.
all_feed = icalendar.Calendar.from_ical((out / "kalender.ics").read_bytes())
summaries = {str(e["SUMMARY"]) for e in all_feed.walk("VEVENT")}
check({"Söndagsfika", "Fredagsmöte", "Kvällscafé"} <= summaries, f"kalender.ics has {summaries}")
check("Sommarpicknick" not in summaries, "ended activities are not in kalender.ics")
samtal = icalendar.Calendar.from_ical((out / "aktiviteter/intresse/samtal/kalender.ics").read_bytes())
check({str(e["SUMMARY"]) for e in samtal.walk("VEVENT")} == {"Fredagsmöte", "Kvällscafé"}, "interest feed for samtal")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ics ok")
