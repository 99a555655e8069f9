# `omtanke --help`, kommando för kommando (src/messages/cli.rs). En beskrivnings första stycke
# är dess rad i listan över kommandon.

help-about = Omtanke: bygger webbplatsen Omtanke Helsingborg av sidor i Markdown och aktiviteter i TOML.
help-template = {"{"}about-with-newline{"}"}
    Användning: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Kommandon
help-heading-options = Val
help-usage-options = VAL
help-usage-command = KOMMANDO
help-heading-arguments = Argument
help-help = Visa hjälpen
help-version = Visa versionen
help-lang = Språket i meddelanden och hjälp: sv eller en [annars: webbplatsens språk]

help-build = Bygg webbplatsen till public/ (eller --output).

    Exempel:
      omtanke build
      omtanke build --root ../min-sajt --output /tmp/sajt --drafts
help-build-output = Mappen webbplatsen skrivs till [annars: ROT/public].
help-build-base-url = Publicera på en annan adress än base_url i site.toml.

help-serve = Bygg webbplatsen och visa den på 127.0.0.1 för att förhandsgranska.

    Exempel:
      omtanke serve
      omtanke serve --port 8000 --open
help-serve-port = Porten att lyssna på (0 väljer en ledig) [annars: 1111].
help-serve-open = Öppna webbplatsen i webbläsaren.
help-serve-base-url = Förhandsgranska på en annan adress än base_url i site.toml, till exempel i en undermapp: --base-url http://127.0.0.1:1111/undermapp

help-check = Kontrollera webbplatsen utan att skriva något; avslutas med 1 om det finns fel.

    Kontrollerar allt som `build` kontrollerar, och dessutom länkar och #ankare som inte leder
    någonstans, bilder som saknas, länktexter som "klicka här", bilder utan alt-text, rubriknivåer
    som hoppas över, aktiviteter utan kommande datum (fel) och platser som ingen aktivitet
    använder (varningar). Avslutas med 1 om det finns fel, 0 om det bara finns varningar.

    Exempel:
      omtanke check
      omtanke check --root ../min-sajt --today 2026-11-26
      omtanke check --external        # prova också varje http(s)-länk (behöver internet)
help-check-external = Fråga också andra webbplatser om länkade sidor finns (10 s; misslyckanden blir varningar).

help-new = Skapa en ny aktivitet, sida eller ett nytt inlägg på anslagstavlan att fylla i.

    Filen har alla fält, med exempel som går att bygga som de är och en kommentar på svenska
    som förklarar varje rad. En aktivitet får `checked = i dag` (dagen uppgifterna bekräftades)
    och visar, bortkommenterat, ett uppehåll (`status = "paused"`, `paused_until`,
    `status_note`), en inställd träff (`[[cancelled]]`) och en flyttad (`[[moved]]`).

    NAMN blir adressen: små bokstäver a-z, siffror och -. En sidas NAMN får ha mappar.
    Filer som finns skrivs aldrig över.

    Exempel:
      omtanke new activity stickcafe       # content/aktiviteter/stickcafe.toml
      omtanke new page stod/ny-sida        # content/stod/ny-sida.md, på /stod/ny-sida/
      omtanke new post boule               # content/anslagstavla/boule.md
help-new-kind = Vad som ska skapas: activity (aktivitet), page (sida) eller post (inlägg).
help-new-kind-value = SLAG
help-new-name-value = NAMN
help-new-name = Filens namn utan filändelse, till exempel stickcafe eller stod/ny-sida.
help-new-today = Datera filen som om i dag vore det här datumet (ÅÅÅÅ-MM-DD) [annars: i dag].

help-root = Webbplatsens mapp, med site.toml och content/ [annars: den här mappen].
help-drafts = Ta med sidor och inlägg som har `draft = true`.
help-today = Bygg som om i dag vore det här datumet (ÅÅÅÅ-MM-DD), för utdata som blir likadana varje gång.

help-recheck = Lista aktiviteterna vars uppgifter måste bekräftas med arrangören igen.

    Aldrig bekräftade (utan `checked`), försenade eller som ska bekräftas inom 30 dagar
    (`recheck_after_days` i site.toml, annars 180), de mest brådskande först, med vem man frågar.

    Exempel:
      omtanke recheck
      omtanke recheck --csv att-kontrollera.csv
help-recheck-csv = Skriv listan som CSV till FIL (för ett kalkylblad eller ett massutskick).
