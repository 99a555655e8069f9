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

summary-built = Built { $files } files into { $output } in { $ms } ms.
summary-build-failed = { $errors ->
    [one] 1 error found; nothing was written.
   *[other] { $errors } errors found; nothing was written.
}
summary-build-failed-other = { $reason }; nothing was written.
progress-building = Building the site …

created-file = Wrote { $path }.
created-note = Note: { $note }.
created-next = Next: open it, change the example values (the comments explain each line), then run
      omtanke check
    and see it at { $url } with
      omtanke serve

serve-listening = Serving the site at { $address } — changes show at once. Press Ctrl-C to stop.
serve-cannot-listen = cannot serve on port { $port }: { $reason }
serve-built = Built the site ({ $files } files) in { $ms } ms.
serve-updated = Updated { $pages } in { $ms } ms.
serve-failed = The site has errors; the last working version is shown until they are fixed.

error-content = { $errors ->
    [one] 1 content error
   *[other] { $errors } content errors
}
error-template = template error: { $detail }

usage-unknown-argument = unexpected argument '{ $argument }' found
usage-unknown-command = unrecognized subcommand '{ $command }'
usage-invalid-value = invalid value '{ $value }' for '{ $argument }'
usage-missing-argument = the following required arguments were not provided: { $arguments }
usage-more-help = For more information, try '{ $program } --help'.
usage-heading = Usage:

recheck-never = never checked
recheck-overdue = last checked { $checked }, { $days ->
    [one] 1 day overdue
   *[other] { $days } days overdue
}
recheck-soon = last checked { $checked }, { $days ->
    [one] due in 1 day
   *[other] due in { $days } days
}
recheck-ask = ask { $who }
recheck-nothing = Every listing was checked within the last { $days } days; nothing is due in the coming 30 days.
recheck-wrote = Wrote { $count ->
    [one] 1 listing
   *[other] { $count } listings
} to { $file }.
