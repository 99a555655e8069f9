# The command line's own words: labels of messages, summaries, what it says it did.
# Each id is also in locales/sv/cli.ftl; src/messages.rs's test keeps the two in step.

label-error = error
label-warning = warning
label-help = help
label-in-file = in { $path }

summary-no-errors = No errors
summary-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
summary-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
summary-line = { $errors }, { $warnings }.
