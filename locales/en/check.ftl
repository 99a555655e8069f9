# What `omtanke check` says about a site's content (src/check/). Each id is also in
# locales/sv/check.ftl; src/messages/mod.rs's test keeps the two in step.

## Activities with nothing to come (src/check/activities.rs)

check-activity-ended = the activity has no coming dates: the last one was { $last }
check-activity-ended-help = add new dates to its [[schedule]]; or, if it has ended, write `until = { $last }` in the [[schedule]] so the site shows it as ended
check-activity-far-away = the activity's first date, { $first }, is more than a year away
check-activity-no-date = the activity has no date in the coming year
check-activity-no-date-help = check `from` and the dates of its [[schedule]]; an activity is listed as coming only when it has a date

## Places no activity uses (src/check/places.rs)

check-place-unused = no activity takes place at "{ $name }"
check-place-unused-help = use it in an activity with place = "{ $id }", or remove the file if the place is no longer used

## Heading levels (src/check/headings.rs)

check-heading-h1 = a `#` heading (h1) in the text: the title is the page's only h1
check-heading-h1-help = start the text's headings at `##` (h2)
check-heading-first = the text's first heading is h{ $level }, but it must be h2, as the title is the h1
check-heading-skip = the heading skips a level: h{ $level } after h{ $previous }
# $hashes is the heading's `#` signs (`###`), $level its level.
check-heading-level-help = write `{ $hashes }` (h{ $level }), or add the heading levels in between

## Link texts and alt texts (src/check/text.rs)

check-image-no-alt = the picture has no alt text
check-image-no-alt-help = describe the picture for people who cannot see it: ![Två personer fikar vid ett bord](fika.jpg); a picture that is only decoration: ![](mönster.svg "dekorativ")
check-link-no-text = the link has no text
check-link-no-text-image-help = the picture in the link is its text: describe where the link leads in the picture's alt text
check-link-no-text-help = write what the link leads to between the brackets: [Tips till dig som känner dig ensam](/stod/tips/)
check-link-vague = the link text "{ $text }" does not say where the link leads
check-link-vague-help = screen readers list links by their text alone; name what the reader will find, e.g. [Läs mer om pratcaféet](…)

## Links and pictures that lead nowhere (src/check/links.rs)

check-link-no-address = the link has no address
check-link-no-address-help = write where it leads between the parentheses: [Tips](/stod/tips/)
check-link-no-page = the link leads nowhere: this site has no page { $path }
check-link-page-file-help = link to the page's address, not its file: write "{ $page }" instead of "{ $written }"
check-link-page-did-you-mean = did you mean "{ $path }"?
check-link-page-help = check the address: content/stod/tips.md is the page /stod/tips/
check-link-no-anchor = the link leads nowhere: { $page } has no anchor #{ $anchor }
check-link-no-anchor-here = the link leads nowhere: this page has no anchor #{ $anchor }
check-link-anchor-did-you-mean = did you mean #{ $anchor }?
check-link-no-anchor-help = link to one of its headings: a heading's anchor is its text in lowercase, with - between the words (## Bra råd → #bra-rad)
check-image-no-file = the picture has no file name
check-image-no-file-help = write the picture's file between the parentheses: ![Två personer fikar](fika.jpg)
check-image-missing = there is no picture { $path }
# $page is the page's address, $path where a browser looks for the picture, $published the address to write.
check-image-beside-page-help = the file is beside the page's file, but on the page { $page } a browser looks for it at { $path }; write "{ $published }"
check-image-did-you-mean = did you mean "{ $path }"?
check-image-missing-help = put the picture beside the page's file in { $folder } and link to its address on the site

## Links to other sites, with --external (src/check/external.rs)

# $why is check-external-why-status or check-external-why-unreachable.
check-external-failed = the external link { $url } { $why }
check-external-failed-help = open the address in a browser; if the page has moved, link to its new address
check-external-why-status = answers HTTP { $status }
check-external-why-unreachable = cannot be reached: { $error }

check-recheck-soon = the activity's facts were last checked on { $checked } and must be checked again by { $due } ({ $days ->
    [one] 1 day left
   *[other] { $days } days left
})
check-recheck-overdue = the activity's facts were last checked on { $checked }, more than { $days } days ago: its page tells visitors to contact the organizer first
check-recheck-overdue-hidden = the activity's facts were last checked on { $checked }, more than { $days } days ago: with when_unchecked = "hide" it is left out of every list, feed and calendar (its page stays)
check-recheck-help = confirm the facts with the organizer, then write `checked = { $today }`; `omtanke recheck` lists everything that is due
check-place-recheck-soon = the place's facts were last checked on { $checked } and must be checked again by { $due } ({ $days ->
    [one] 1 day left
   *[other] { $days } days left
})
check-place-recheck-overdue = the place's facts were last checked on { $checked }, more than { $days } days ago: its page tells visitors to ask first
check-organizer-recheck-soon = the organizer's facts were last checked on { $checked } and must be checked again by { $due } ({ $days ->
    [one] 1 day left
   *[other] { $days } days left
})
check-organizer-recheck-overdue = the organizer's facts were last checked on { $checked }, more than { $days } days ago: its page tells visitors to ask first
check-pause-over = the pause ended on { $until }: the activity is shown as usual again
check-pause-over-help = remove status, paused_until and status_note from the file, or give a later paused_until if the pause goes on
