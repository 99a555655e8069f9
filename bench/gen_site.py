#!/usr/bin/env python3
"""Generates a synthetic Omtanke site for benchmarks: PAGES Markdown pages in sections of 100,
with headings, lists, links and tables, plus ACTIVITIES activities and a few places.

Usage: gen_site.py DIR [PAGES] [ACTIVITIES]
"""
import random
import sys
from pathlib import Path

WORDS = ("fika samtal promenad gemenskap grannar bibliotek musik sång kör stickning läsning språk "
         "trädgård natur matlagning spel schack boule dans motion stöd vänskap träffas helsingborg "
         "söder centrum hamnen parken kaffe kakor berättelser minnen konst måla teckna sy laga").split()


def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def page(rng, i, section):
    body = [f"## {sentence(rng, 4)[:-1]}", "", " ".join(sentence(rng) for _ in range(5)), ""]
    body += [f"- {sentence(rng, 6)}" for _ in range(4)] + [""]
    body += ["### Tider", "", "| Dag | Tid | Plats |", "|-----|-----|-------|"]
    body += [f"| {rng.choice(['måndag', 'tisdag', 'onsdag'])} | {10 + j}.00 | {rng.choice(WORDS)} |" for j in range(3)] + [""]
    other = rng.randrange(100)
    body += [f"Läs också [sidan {other} i samma del](/{section}/sida-{other}/) och [aktiviteterna](/aktiviteter/).", ""]
    body += ["## Mer att veta", "", " ".join(sentence(rng) for _ in range(6)), ""]
    return f'+++\ntitle = "Sida {i} om {rng.choice(WORDS)}"\ndescription = "{sentence(rng, 8)}"\ndate = 2026-{1 + i % 12:02d}-{1 + i % 28:02d}\n+++\n\n' + "\n".join(body)


def main():
    out = Path(sys.argv[1])
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    activities = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    rng = random.Random(42)
    content = out / "content"
    (content / "aktiviteter").mkdir(parents=True, exist_ok=True)
    (content / "platser").mkdir(parents=True, exist_ok=True)
    (out / "site.toml").write_text('title = "Benchmark"\nbase_url = "https://bench.example.se"\nlanguage = "sv"\n')
    (content / "_index.md").write_text('+++\ntitle = "Benchmark"\n+++\n\nStartsidan.\n')
    for s in range((pages + 99) // 100):
        section = f"del-{s}"
        (content / section).mkdir(exist_ok=True)
        (content / section / "_index.md").write_text(f'+++\ntitle = "Del {s}"\nweight = {s}\n+++\n\nDel {s}.\n')
        for i in range(min(100, pages - s * 100)):
            (content / section / f"sida-{i}.md").write_text(page(rng, s * 100 + i, section))
    areas = ["Söder", "Centrum", "Råå", "Påarp", "Drottninghög"]
    for p, area in enumerate(areas):
        (content / "platser" / f"plats-{p}.toml").write_text(f'name = "Plats {p}"\naddress = "Gatan {p}"\narea = "{area}"\n')
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for a in range(activities):
        interests = ", ".join(f'"{w}"' for w in rng.sample(WORDS[:20], 2))
        (content / "aktiviteter" / f"aktivitet-{a}.toml").write_text(
            f'title = "Aktivitet {a}"\nsummary = "{sentence(rng, 10)}"\ndescription = """{sentence(rng, 30)}"""\n'
            f'interests = [{interests}]\nplace = "plats-{a % len(areas)}"\ncost = "gratis"\n\n'
            f'[[schedule]]\nweekly = ["{days[a % 7]}"]\nstart = "{10 + a % 8:02d}:00"\nend = "{11 + a % 8:02d}:30"\n'
        )


if __name__ == "__main__":
    main()
