"""Reads omtanke's Atom feeds with feedparser, an independent implementation.

Usage: check_feeds.py OUTPUT_DIR BASE_URL MIN_NEWS MIN_POSTS
"""
import sys
from pathlib import Path

import feedparser

out, base, min_news, min_posts = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


for path, minimum in [("atom.xml", min_news), ("anslagstavla/atom.xml", min_posts)]:
    d = feedparser.parse((out / path).read_bytes())
    check(not d.bozo, f"{path}: not well-formed: {d.get('bozo_exception')}")
    check(d.version == "atom10", f"{path}: version {d.version}")
    check(d.feed.get("title"), f"{path}: no title")
    self_links = [l.href for l in d.feed.links if l.rel == "self"]
    check(self_links == [f"{base}/{path}"], f"{path}: self link {self_links}")
    check(len(d.entries) >= minimum, f"{path}: {len(d.entries)} entries, expected at least {minimum}")
    updated = [e.updated_parsed for e in d.entries]
    check(all(u is not None for u in updated), f"{path}: entries without updated")
    published = [e.published_parsed for e in d.entries]
    check(published == sorted(published, reverse=True), f"{path}: not newest first")
    for e in d.entries:
        check(e.link.startswith(base + "/"), f"{path}: relative or foreign link {e.link}")
        check(e.id == e.link, f"{path}: id {e.id} is not the page address")
        check(e.content and e.content[0].value.strip(), f"{path}: entry {e.title} has no content")
        check("<script" not in e.content[0].value, f"{path}: script in {e.title}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("feeds ok")
