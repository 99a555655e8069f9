# `omtanke --help`, command by command (src/messages/cli.rs). A description's first paragraph
# is its line in the list of commands.

help-about = Omtanke: builds the Omtanke Helsingborg website from Markdown pages and TOML activity files.
help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-options = Options
help-usage-options = OPTIONS
help-usage-command = COMMAND
help-heading-arguments = Arguments
help-help = Print help
help-version = Print version
help-lang = The language of messages and help: sv or en [default: the site's language]

help-build = Build the site into public/ (or --output).

    Examples:
      omtanke build
      omtanke build --root ../min-sajt --output /tmp/sajt --drafts
help-build-output = Folder to write the site to [default: ROOT/public].
help-build-base-url = Publish under another address than site.toml's base_url.

help-serve = Build the site and serve it on 127.0.0.1 for previewing.

    Examples:
      omtanke serve
      omtanke serve --port 8000 --open
help-serve-port = Port to listen on (0 picks a free one) [default: 1111].
help-serve-open = Open the site in the web browser.
help-serve-base-url = Preview under another address than site.toml's base_url, such as a sub-path: --base-url http://127.0.0.1:1111/undermapp

help-check = Check the site without writing anything; exit 1 if there are errors.

    Checks everything `build` checks, plus links and #anchors that lead nowhere, missing
    pictures, link texts such as "klicka här", pictures without alt text, skipped heading
    levels, activities with no coming dates (errors) and places no activity uses (warnings).
    Exit status 1 if there are errors, 0 if there are only warnings.

    Examples:
      omtanke check
      omtanke check --root ../min-sajt --today 2026-11-26
      omtanke check --external        # also try every http(s) link (needs the internet)
help-check-external = Also ask other sites whether linked pages exist (10 s timeout; failures are warnings).

help-new = Create a new activity, page or bulletin-board post to fill in.

    The file has every field, with example values that build as they are and a comment in
    Swedish explaining each line. An activity is dated `checked = today` (the day its facts
    were confirmed) and shows, commented out, a pause (`status = "paused"`, `paused_until`,
    `status_note`), a cancelled meeting (`[[cancelled]]`) and a moved one (`[[moved]]`).

    NAME becomes the address: lowercase letters a-z, digits and -. A page's NAME may have
    folders. Existing files are never overwritten.

    Examples:
      omtanke new activity stickcafe       # content/aktiviteter/stickcafe.toml
      omtanke new page stod/ny-sida        # content/stod/ny-sida.md, at /stod/ny-sida/
      omtanke new post boule               # content/anslagstavla/boule.md
help-new-kind = What to create: activity, page or post.
help-new-kind-value = KIND
help-new-name-value = NAME
help-new-name = The file's name without extension, e.g. stickcafe or stod/ny-sida.
help-new-today = Date the new file as if today were this date (YYYY-MM-DD) [default: today].

help-root = The site's folder, with site.toml and content/ [default: this folder].
help-drafts = Include pages and posts marked `draft = true`.
help-today = Build as if today were this date (YYYY-MM-DD), for reproducible output.

help-recheck = List the activities whose facts must be confirmed with the organizer again.

    Never confirmed (no `checked`), overdue, or due within 30 days (`recheck_after_days` in
    site.toml, 180 by default), the most urgent first, with whom to ask.

    Examples:
      omtanke recheck
      omtanke recheck --csv att-kontrollera.csv
help-recheck-csv = Write the list as CSV to FILE (for a spreadsheet or a mail merge).
