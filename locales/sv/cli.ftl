# Kommandoradens egna ord: etiketter på meddelanden, sammanfattningar, vad den säger att den gjort.
# Varje id finns också i locales/en/cli.ftl; testet i src/messages.rs håller dem lika.

label-error = fel
label-warning = varning
label-help = tips
label-in-file = i { $path }

summary-no-errors = Inga fel
summary-errors = { $errors } fel
summary-warnings = { $warnings ->
    [one] 1 varning
   *[other] { $warnings } varningar
}
summary-line = { $errors }, { $warnings }.

summary-built = Byggde { $files } filer till { $output } på { $ms } ms.
summary-build-failed = { $errors } fel hittades; ingenting skrevs.
summary-build-failed-other = { $reason }; ingenting skrevs.
progress-building = Bygger webbplatsen …

created-file = Skrev { $path }.
created-note = Obs: { $note }.
created-next = Nästa steg: öppna filen, byt ut exemplen (kommentarerna förklarar varje rad) och kör sedan
      omtanke check
    och se den på { $url } med
      omtanke serve

serve-listening = Webbplatsen visas på { $address } — ändringar syns direkt. Tryck Ctrl-C för att sluta.
serve-cannot-listen = kan inte visa webbplatsen på port { $port }: { $reason }
serve-built = Byggde webbplatsen ({ $files } filer) på { $ms } ms.
serve-updated = Uppdaterade { $pages } på { $ms } ms.
serve-failed = Webbplatsen har fel; den senaste fungerande versionen visas tills de är rättade.

error-content = { $errors } fel i innehållet
error-template = fel i en mall: { $detail }

usage-unknown-argument = okänt val '{ $argument }'
usage-unknown-command = okänt kommando '{ $command }'
usage-invalid-value = ogiltigt värde '{ $value }' för '{ $argument }'
usage-missing-argument = det här saknas: { $arguments }
usage-more-help = Mer hjälp: { $program } --help
usage-heading = Användning:

recheck-never = aldrig kontrollerad
recheck-overdue = kontrollerades { $checked }, { $days ->
    [one] 1 dag för sent
   *[other] { $days } dagar för sent
}
recheck-soon = kontrollerades { $checked }, { $days ->
    [one] ska kontrolleras om 1 dag
   *[other] ska kontrolleras om { $days } dagar
}
recheck-ask = fråga { $who }
recheck-nothing = Alla uppgifter är kontrollerade de senaste { $days } dagarna; ingenting behöver kontrolleras de kommande 30 dagarna.
recheck-wrote = Skrev { $count ->
    [one] 1 uppgift
   *[other] { $count } uppgifter
} till { $file }.
