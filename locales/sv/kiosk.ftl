# omtanke-kiosks kommandorad: dess meddelanden och dess --help (kiosk/src/main.rs, kiosk/src/help.rs).

kiosk-weak-password = { $why }. Fyra vanliga ord med mellanslag mellan blir ett bra lösenord, till exempel "blå cykel under äppelträdet"; skriv det på standard in
kiosk-password-too-short = lösenordet måste ha minst { $minimum } tecken, utan mellanslag i början och slutet
kiosk-password-too-plain = lösenordet måste ha minst { $minimum } olika tecken
kiosk-password-set = Personalens lösenord är satt. Personal som var inloggad behöver logga in igen.
kiosk-backup-written = Skrev en säkerhetskopia till { $file }.
kiosk-stats-written = Skrev besöken per timme till { $file }.
kiosk-board-file-written = Skrev { $file }
kiosk-board-written = { $suggestions ->
    [one] 1 godkänt förslag skrevs till { $dir }.
   *[other] { $suggestions } godkända förslag skrevs till { $dir }.
}
kiosk-survey-written = Skrev enkätens resultat för { $months ->
    [one] 1 månad
   *[other] { $months } månader
} till { $file } (månader med färre än { $minimum } svar är utelämnade).
kiosk-purged-bookings = Tog bort namnen i { $bookings ->
    [one] 1 bokning
   *[other] { $bookings } bokningar
} äldre än { $days } dagar.
kiosk-purged-contacts = Tog bort kontaktuppgifterna i { $suggestions } förslag som avgjordes för mer än { $days } dagar sedan.
kiosk-content-folder-mistaken = { $given } är webbplatsens content/-mapp; ange webbplatsens egen mapp i stället, den med site.toml: --content { $site } (eller content = "{ $site }" i kiosk.toml)
kiosk-board-not-a-folder = { $dir } är ingen mapp; ange anslagstavlans mapp på webbplatsen, till exempel content/anslagstavla

kiosk-help-about = Pratcaféets kiosk: anonym incheckning och bokning, bara på den här datorn.
kiosk-help-config = Inställningsfilen [annars: ingen; inbyggda standardvärden].
kiosk-help-content = Webbplatsens mapp med site.toml och content/ (går före filen).
kiosk-help-db = Databasfilen (går före filen).
kiosk-help-listen = Adressen att lyssna på, till exempel 127.0.0.1:8080 (går före filen).
kiosk-help-lang = Språket i meddelanden och hjälp: sv eller en [annars: webbplatsens språk, annars svenska]
kiosk-help-passwd = Sätt personalens lösenord; det läses från standard in.

    Exempel:
      printf '%s\n' 'ett långt lösenord' | omtanke-kiosk passwd --config /etc/omtanke-kiosk/kiosk.toml
kiosk-help-export = Skriv antal incheckningar eller bokningar som CSV till standard ut.

    Exempel:
      omtanke-kiosk export checkins --from 2026-01-01 --to 2026-12-31 > besok.csv
      omtanke-kiosk export bookings --from 2026-11-01 --to 2026-11-30
kiosk-help-export-what = Vad som ska skrivas: checkins (per dag), checkins-by-hour (per timme) eller bookings (bokningar).
kiosk-help-export-from = Första datum, ÅÅÅÅ-MM-DD.
kiosk-help-export-to = Sista datum, ÅÅÅÅ-MM-DD.
kiosk-help-backup = Kopiera databasen till FIL medan kiosken är igång (en säkerhetskopia).
kiosk-help-backup-file = Var kopian ska skrivas.
kiosk-help-purge = Ta bort namn och telefonnummer i bokningar som är äldre än sparandetiden, nu.
kiosk-help-export-board = Skriv godkända förslag som filer för anslagstavlan i MAPP (webbplatsens content/anslagstavla), redo att lägga in. Varje förslag skrivs en gång; kontaktuppgifter skrivs aldrig.

    Exempel:
      omtanke-kiosk export-board /srv/omtanke/content/anslagstavla
kiosk-help-export-board-dir = Anslagstavlans mapp.
kiosk-help-export-stats = Skriv incheckningarna per timme (och första besöken) som CSV till webbplatsens statistiksida: lägg filen i webbplatsens content/data/besok/ som <plats>.csv.

    Exempel:
      omtanke-kiosk export-stats at-soder.csv --from 2026-01-01 --to 2026-12-31
kiosk-help-export-stats-from = Första datum, ÅÅÅÅ-MM-DD [annars: för tio år sedan, vilket tar med varje incheckning].
kiosk-help-export-stats-to = Sista datum, ÅÅÅÅ-MM-DD [annars: i dag].
kiosk-help-export-survey = Skriv enkätens (ensamhetsskalans) resultat per månad som CSV till webbplatsens utvärderingssida: lägg filen i webbplatsens content/data/utvardering/ som <plats>.csv. Månader med färre än 10 svar utelämnas.

    Exempel:
      omtanke-kiosk export-survey at-soder.csv
kiosk-help-csv-file = CSV-filen som ska skrivas.
kiosk-help-value-what = VAD
kiosk-help-value-file = FIL
kiosk-help-value-dir = MAPP
