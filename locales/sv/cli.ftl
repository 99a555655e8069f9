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
