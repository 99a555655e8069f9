# Vad `omtanke check` säger om webbplatsens innehåll (src/check/). Varje id finns också i
# locales/en/check.ftl; testet i src/messages/mod.rs håller dem lika.

## Aktiviteter utan något som kommer (src/check/activities.rs)

check-activity-ended = aktiviteten har inga kommande datum: det senaste var { $last }
check-activity-ended-help = lägg till nya datum i dess [[schedule]]; eller, om den har slutat, skriv `until = { $last }` i [[schedule]] så att webbplatsen visar att den är avslutad
check-activity-far-away = aktivitetens första datum, { $first }, ligger mer än ett år fram i tiden
check-activity-no-date = aktiviteten har inget datum under det kommande året
check-activity-no-date-help = kontrollera `from` och datumen i dess [[schedule]]; en aktivitet visas som kommande bara när den har ett datum

## Platser som ingen aktivitet använder (src/check/places.rs)

check-place-unused = ingen aktivitet äger rum på "{ $name }"
check-place-unused-help = använd platsen i en aktivitet med place = "{ $id }", eller ta bort filen om platsen inte används längre

## Rubriknivåer (src/check/headings.rs)

check-heading-h1 = en `#`-rubrik (h1) i texten: sidans titel är sidans enda h1
check-heading-h1-help = börja textens rubriker med `##` (h2)
check-heading-first = textens första rubrik är h{ $level }, men den måste vara h2, eftersom titeln är h1
check-heading-skip = rubriken hoppar över en nivå: h{ $level } efter h{ $previous }
# $hashes är rubrikens `#`-tecken (`###`), $level dess nivå.
check-heading-level-help = skriv `{ $hashes }` (h{ $level }), eller lägg till rubriknivåerna som saknas emellan

## Länktexter och alt-texter (src/check/text.rs)

check-image-no-alt = bilden har ingen alt-text (en beskrivning av bilden)
check-image-no-alt-help = beskriv bilden för den som inte kan se den: ![Två personer fikar vid ett bord](fika.jpg); en bild som bara är dekoration: ![](mönster.svg "dekorativ")
check-link-no-text = länken har ingen text
check-link-no-text-image-help = bilden i länken är länkens text: beskriv i bildens alt-text vart länken leder
check-link-no-text-help = skriv vad länken leder till mellan hakparenteserna: [Tips till dig som känner dig ensam](/stod/tips/)
check-link-vague = länktexten "{ $text }" säger inte vart länken leder
check-link-vague-help = skärmläsare visar länkar i en lista med bara länktexten; skriv vad läsaren hittar, till exempel [Läs mer om pratcaféet](…)

## Länkar och bilder som inte leder någonstans (src/check/links.rs)

check-link-no-address = länken har ingen adress
check-link-no-address-help = skriv vart länken leder mellan parenteserna: [Tips](/stod/tips/)
check-link-no-page = länken leder ingenstans: webbplatsen har ingen sida { $path }
check-link-page-file-help = länka till sidans adress, inte till dess fil: skriv "{ $page }" i stället för "{ $written }"
check-link-page-did-you-mean = menade du "{ $path }"?
check-link-page-help = kontrollera adressen: content/stod/tips.md blir sidan /stod/tips/
check-link-no-anchor = länken leder ingenstans: { $page } har inget ankare #{ $anchor }
check-link-no-anchor-here = länken leder ingenstans: den här sidan har inget ankare #{ $anchor }
check-link-anchor-did-you-mean = menade du #{ $anchor }?
check-link-no-anchor-help = länka till en av sidans rubriker: en rubriks ankare är rubrikens text med små bokstäver och - mellan orden (## Bra råd → #bra-rad)
check-image-no-file = bilden har inget filnamn
check-image-no-file-help = skriv bildens filnamn mellan parenteserna: ![Två personer fikar](fika.jpg)
check-image-missing = det finns ingen bild { $path }
# $page är sidans adress, $path där webbläsaren letar efter bilden, $published adressen att skriva.
check-image-beside-page-help = filen ligger bredvid sidans fil, men på sidan { $page } letar webbläsaren efter den på { $path }; skriv "{ $published }"
check-image-did-you-mean = menade du "{ $path }"?
check-image-missing-help = lägg bilden bredvid sidans fil i { $folder } och länka till bildens adress på webbplatsen

## Länkar till andra webbplatser, med --external (src/check/external.rs)

# $why är check-external-why-status eller check-external-why-unreachable.
check-external-failed = den externa länken { $url } { $why }
check-external-failed-help = öppna adressen i en webbläsare; om sidan har flyttat, länka till dess nya adress
check-external-why-status = svarar med HTTP { $status }
check-external-why-unreachable = går inte att nå: { $error }

check-recheck-soon = aktivitetens uppgifter kontrollerades senast { $checked } och måste kontrolleras igen senast { $due } ({ $days ->
    [one] 1 dag kvar
   *[other] { $days } dagar kvar
})
check-recheck-overdue = aktivitetens uppgifter kontrollerades senast { $checked }, för mer än { $days } dagar sedan: sidan ber besökarna kontakta arrangören först
check-recheck-overdue-hidden = aktivitetens uppgifter kontrollerades senast { $checked }, för mer än { $days } dagar sedan: med when_unchecked = "hide" syns den inte i någon lista, något flöde eller någon kalender (sidan finns kvar)
check-recheck-help = bekräfta uppgifterna med arrangören och skriv sedan `checked = { $today }`; `omtanke recheck` listar allt som behöver kontrolleras
check-place-recheck-soon = platsens uppgifter kontrollerades senast { $checked } och måste kontrolleras igen senast { $due } ({ $days ->
    [one] 1 dag kvar
   *[other] { $days } dagar kvar
})
check-place-recheck-overdue = platsens uppgifter kontrollerades senast { $checked }, för mer än { $days } dagar sedan: sidan ber besökarna fråga först
check-organizer-recheck-soon = arrangörens uppgifter kontrollerades senast { $checked } och måste kontrolleras igen senast { $due } ({ $days ->
    [one] 1 dag kvar
   *[other] { $days } dagar kvar
})
check-organizer-recheck-overdue = arrangörens uppgifter kontrollerades senast { $checked }, för mer än { $days } dagar sedan: sidan ber besökarna fråga först
check-pause-over = uppehållet slutade { $until }: aktiviteten visas som vanligt igen
check-pause-over-help = ta bort status, paused_until och status_note ur filen, eller skriv ett senare paused_until om uppehållet fortsätter
