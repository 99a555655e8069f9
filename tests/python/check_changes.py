"""Reads the iCalendar feeds of a build of tests/changes.rs's site with independent
implementations (icalendar and recurring-ical-events) and checks what a subscriber's calendar
shows for a cancelled, a moved and a paused meeting.

Usage: check_changes.py OUTPUT_DIR
"""
import sys
from datetime import datetime
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


def between(path, start, end):
    cal = icalendar.Calendar.from_ical((out / path).read_bytes())
    found = recurring_ical_events.of(cal).between(start, end)
    return sorted(found, key=lambda e: e["DTSTART"].dt)


def local(e):
    return e["DTSTART"].dt.astimezone(TZ).replace(tzinfo=None), e["DTEND"].dt.astimezone(TZ).replace(tzinfo=None)


def status(e):
    return str(e.get("STATUS", "CONFIRMED"))


for feed in ["aktiviteter/sondagsfika/kalender.ics", "kalender.ics"]:
    # The cancelled Sunday: nothing that is on, one cancelled event that says why.
    day = [e for e in between(feed, datetime(2026, 12, 6), datetime(2026, 12, 7)) if str(e["SUMMARY"]).endswith("Söndagsfika")]
    check([status(e) for e in day] == ["CANCELLED"], f"{feed}: 6 December shows {[(str(e['SUMMARY']), status(e)) for e in day]}")
    check(day and str(day[0]["SUMMARY"]) == "Inställt: Söndagsfika", f"{feed}: the cancelled event's title")
    check(day and "Ledaren är sjuk" in str(day[0]["DESCRIPTION"]), f"{feed}: the reason is in the description")
    # The moved Sunday: on Saturday 19 December at 11–13, not on the 20th.
    week = [e for e in between(feed, datetime(2026, 12, 19), datetime(2026, 12, 21)) if "Söndagsfika" in str(e["SUMMARY"])]
    got = [local(e) for e in week]
    check(got == [(datetime(2026, 12, 19, 11), datetime(2026, 12, 19, 13))], f"{feed}: the moved meeting is at {got}")
    check(week and "Flyttad från söndag 20 december" in str(week[0]["DESCRIPTION"]), f"{feed}: the moved meeting says from where")
    # The Sunday after is as usual.
    after = [local(e) for e in between(feed, datetime(2026, 12, 27), datetime(2026, 12, 28)) if "Söndagsfika" in str(e["SUMMARY"])]
    check(after == [(datetime(2026, 12, 27, 12), datetime(2026, 12, 27, 14))], f"{feed}: 27 December is {after}")

# The paused activity: nothing until its pause has ended, the last Friday of February after it.
paused = [local(e) for e in between("aktiviteter/fredagsmote/kalender.ics", datetime(2026, 11, 1), datetime(2027, 3, 1))]
check(paused == [(datetime(2027, 2, 26, 10), datetime(2027, 2, 26, 12))], f"fredagsmote during and after its pause: {paused}")

# A cancelled single date: its own event, cancelled, with "Inställt" in its title.
xmas = between("aktiviteter/kvallscafe/kalender.ics", datetime(2026, 12, 13), datetime(2026, 12, 14))
check([(str(e["SUMMARY"]), status(e)) for e in xmas] == [("Inställt: Kvällscafé", "CANCELLED")], f"kvallscafe 13 December: {xmas}")
on = between("aktiviteter/kvallscafe/kalender.ics", datetime(2026, 12, 20), datetime(2026, 12, 21))
check([status(e) for e in on] == ["CONFIRMED"], "kvallscafe 20 December is on")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("changes ok")
