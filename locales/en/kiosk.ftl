# omtanke-kiosk's command line: its messages and its --help (kiosk/src/main.rs, kiosk/src/help.rs).

kiosk-weak-password = { $why }. Four ordinary words with spaces between them make a good password, e.g. "blå cykel under äppelträdet"; type it on standard input
kiosk-password-too-short = the password must be at least { $minimum } characters, not counting spaces at its ends
kiosk-password-too-plain = the password must have at least { $minimum } different characters
kiosk-password-set = The staff password is set. Staff who were logged in must log in again.
kiosk-backup-written = Wrote a backup to { $file }.
kiosk-stats-written = Wrote the visits per hour to { $file }.
kiosk-board-file-written = Wrote { $file }
kiosk-board-written = { $suggestions ->
    [one] 1 approved suggestion written to { $dir }.
   *[other] { $suggestions } approved suggestions written to { $dir }.
}
kiosk-survey-written = Wrote the survey's results for { $months ->
    [one] 1 month
   *[other] { $months } months
} to { $file } (months with fewer than { $minimum } responses are left out).
kiosk-purged-bookings = Deleted the names of { $bookings ->
    [one] 1 booking
   *[other] { $bookings } bookings
} older than { $days } days.
kiosk-purged-contacts = Deleted the contact details of { $suggestions ->
    [one] 1 suggestion
   *[other] { $suggestions } suggestions
} decided more than { $days } days ago.
kiosk-content-folder-mistaken = { $given } is the site's content/ folder; give the site's own folder instead, the one with site.toml: --content { $site } (or content = "{ $site }" in kiosk.toml)
kiosk-board-not-a-folder = { $dir } is not a folder; give the bulletin board's folder in the site, e.g. content/anslagstavla

kiosk-help-about = The pratcafé kiosk: anonymous check-ins and bookings, served on this machine only.
kiosk-help-config = Configuration file [default: none; built-in defaults].
kiosk-help-content = The site folder with site.toml and content/ (overrides the file).
kiosk-help-db = The database file (overrides the file).
kiosk-help-listen = Address to listen on, e.g. 127.0.0.1:8080 (overrides the file).
kiosk-help-lang = The language of messages and help: sv or en [default: the site's language, else Swedish]
kiosk-help-passwd = Set the staff password, read from standard input.

    Example:
      printf '%s\n' 'ett långt lösenord' | omtanke-kiosk passwd --config /etc/omtanke-kiosk/kiosk.toml
kiosk-help-export = Write check-in counts or bookings as CSV to standard output.

    Examples:
      omtanke-kiosk export checkins --from 2026-01-01 --to 2026-12-31 > besok.csv
      omtanke-kiosk export bookings --from 2026-11-01 --to 2026-11-30
kiosk-help-export-what = What to export: checkins (per day), checkins-by-hour, or bookings.
kiosk-help-export-from = First date, YYYY-MM-DD.
kiosk-help-export-to = Last date, YYYY-MM-DD.
kiosk-help-backup = Copy the database to FILE while the kiosk runs (an online backup).
kiosk-help-backup-file = Where to write the copy.
kiosk-help-purge = Delete booking names and phone numbers older than the retention period now.
kiosk-help-export-board = Write approved suggestions as bulletin-board files into DIR (the site's content/anslagstavla), ready to commit. Each is written once; contact details never are.

    Example:
      omtanke-kiosk export-board /srv/omtanke/content/anslagstavla
kiosk-help-export-board-dir = The bulletin board's folder.
kiosk-help-export-stats = Write the check-ins per hour (and first visits) as CSV for the website's statistics page: put the file in the site's content/data/besok/ as <place>.csv.

    Example:
      omtanke-kiosk export-stats at-soder.csv --from 2026-01-01 --to 2026-12-31
kiosk-help-export-stats-from = First date, YYYY-MM-DD [default: ten years ago, which covers every check-in].
kiosk-help-export-stats-to = Last date, YYYY-MM-DD [default: today].
kiosk-help-export-survey = Write the survey's (the loneliness scale's) results per month as CSV for the website's evaluation page: put the file in the site's content/data/utvardering/ as <place>.csv. Months with fewer than 10 responses are left out.

    Example:
      omtanke-kiosk export-survey at-soder.csv
kiosk-help-csv-file = The CSV file to write.
kiosk-help-value-what = WHAT
kiosk-help-value-file = FILE
kiosk-help-value-dir = DIR
