#!/usr/bin/env python3
"""Generates a synthetic Omtanke site for benchmarks: PAGES Markdown pages in sections of 100,
with headings, lists, links and tables, plus ACTIVITIES activities and a few places.

With --hugo HUGODIR it also writes the same site for Hugo: the same Markdown files with the same
TOML front matter (`+++` blocks, which Hugo reads), the activities as Hugo pages with the same
text, and minimal layouts (baseof, single, list, index) that render what omtanke's pages show at
least: title, content, the main navigation (the top-level sections) and a list of children.

Usage: gen_site.py DIR [PAGES] [ACTIVITIES] [--hugo HUGODIR]
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


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}"></head>
<body>
<header><a href="/">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<nav aria-label="Brödsmulor">{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<h1>{{ .Title }}</h1>{{ with .Date }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ end }}
{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} <p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo(out, source):
    """The same site for Hugo: copies the Markdown pages and turns activities into pages."""
    import shutil
    import tomllib
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    (out / "hugo.toml").write_text(
        'baseURL = "https://bench.example.se/"\nlanguageCode = "sv"\ntitle = "Benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n[markup.goldmark.renderer]\nunsafe = false\n')
    for name, text in HUGO_LAYOUTS.items():
        (out / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "layouts" / name).write_text(text)
    for md in (source / "content").rglob("*.md"):
        target = out / "content" / md.relative_to(source / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
    acts = out / "content" / "aktiviteter"
    acts.mkdir(exist_ok=True)
    (acts / "_index.md").write_text('+++\ntitle = "Aktiviteter"\n+++\n')
    for f in sorted((source / "content" / "aktiviteter").glob("*.toml")):
        a = tomllib.loads(f.read_text())
        (acts / (f.stem + ".md")).write_text(
            f'+++\ntitle = "{a["title"]}"\ndescription = "{a["summary"]}"\n+++\n\n{a["description"]}\n')


def main():
    args = sys.argv[1:]
    hugo = None
    if "--hugo" in args:
        i = args.index("--hugo")
        hugo = Path(args[i + 1])
        del args[i:i + 2]
    out = Path(args[0])
    pages = int(args[1]) if len(args) > 1 else 10000
    activities = int(args[2]) if len(args) > 2 else 500
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
    if hugo:
        write_hugo(hugo, out)


if __name__ == "__main__":
    main()
