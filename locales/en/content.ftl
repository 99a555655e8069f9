# What the site's own files can get wrong: site.toml, the TOML of activities and places, pages'
# and posts' front matter, the data files, and what building makes of them.
# Each id is also in locales/sv/content.ftl; the test in src/messages/mod.rs keeps the two in step.
# The library's unit tests and the integration tests compare this English word for word.

## src/config.rs: site.toml

config-no-title = site.toml has no `title`
config-no-title-help = add a line such as `title = "Omtanke Helsingborg"`
config-base-url-not-absolute = `base_url` "{ $url }" is not an absolute URL
config-base-url-not-absolute-help = write the address the site is published at, e.g. "https://omtanke.example.se"
config-no-base-url = site.toml has no `base_url`
config-no-base-url-help = add the address the site is published at, e.g. `base_url = "https://omtanke.example.se"`
# $why is one of the config-suggest-url-… reasons below.
config-suggest-url-bad = `suggest_url` "{ $url }" { $why }
config-suggest-url-bad-help = write the full address of the kiosk's web inbox, starting with https:// or http://, e.g. "https://forslag.omtanke.example.se/forslag"
config-suggest-url-spaces = has spaces in it
config-suggest-url-no-scheme = does not start with https:// or http://
config-suggest-url-incomplete = is not a complete web address
config-suggest-url-no-host = has no host name after the //
config-suggest-url-credentials = has a user name or password in it, which every visitor would see
config-suggest-url-unencrypted = is http:// on a site published at https://, so residents' contact details would travel unencrypted
config-unknown-timezone = unknown time zone "{ $zone }"
config-unknown-timezone-help = use a name from the time-zone database, e.g. "Europe/Stockholm"
config-unknown-theme = unknown theme "{ $theme }"
config-unknown-theme-help = the built-in theme is "omtanke"; override its templates under themes/omtanke/

## src/toml_doc.rs: TOML in every file

# $detail is the TOML reader's own (English) description.
toml-invalid = this is not valid TOML: { $detail }
toml-invalid-help = check quotes around text, `=` between key and value, and brackets
# $field is the key in backticks, e.g. `title`.
toml-missing-field = required field { $field } is missing
# $message is the TOML reader's own (English) description.
toml-date-hint = { $message } — write dates without quotes as YYYY-MM-DD, e.g. 2026-12-24
# Replaces the TOML reader's "invalid type: "; $detail is the rest of its description.
toml-wrong-kind = wrong kind of value: { $detail }
toml-unknown-key = unknown key `{ $key }`
toml-unknown-key-did-you-mean = did you mean `{ $near }`?
toml-unknown-key-valid-keys = valid keys here are: { $keys }

## src/build.rs: writing the site

build-clash-copy = { $file } would be written to { $path }, which another file already uses
build-clash-generated = a generated file would be written to { $path }, which another file already uses
build-clash-help = rename the file so that it does not share its address with a page the site generates
build-refusing-to-replace = refusing to replace this folder: it holds the site itself; choose an output folder such as public/

## src/output/pages.rs: templates

page-unknown-template = there is no template "{ $name }"
page-unknown-template-help = use "page.html" or "section.html", or add the template under themes/omtanke/templates/

## src/content/mod.rs: the site as a whole

content-no-site-toml = no site.toml in { $root }
content-no-site-toml-help = run omtanke in the site's folder, or pass --root with the folder that has site.toml and content/
content-no-content-folder = there is no content/ folder
content-no-content-folder-help = create content/ beside site.toml and put the site's pages there
content-cannot-walk-folder = cannot walk folder
content-name-no-letters-help = rename it with at least one letter
content-file-not-utf8 = the file is not UTF-8 text
content-file-unreadable = the file cannot be read: { $error }
content-file-utf8-help = save it as UTF-8 text
content-no-place = there is no place "{ $place }"
content-no-place-did-you-mean = did you mean "{ $near }"? Places are the files in content/platser/
content-no-place-create = create content/platser/{ $place }.toml
content-no-place-create-or-use = create content/platser/{ $place }.toml, or use one of: { $places }
content-easy-read-orphan = this easy-to-read version has no page { $page } to go with
content-easy-read-orphan-help = name it after the page it simplifies: tips.lattlast.md beside tips.md
content-place-address-taken = this place's address would be /platser/{ $id }/, which content/platser/{ $first }.toml already has
content-place-address-taken-help = rename one of the two files, or give one of them `slug = "…"`
# $what is page, alias, activity or post.
content-built-in-address = this { $what } would be written to { $url }, which the site builds itself
content-built-in-address-help = move or rename the file; to give { $url } a title and an introduction, write { $index }_index.md
content-address-of-place = this { $what } claims { $url }, which the place file content/platser/{ $place }.toml has
content-address-of-place-help = rename or move one of the two files
content-address-taken = this { $what } claims { $url }, which { $file } already has
content-address-taken-help = rename or move one of the two files, or remove the duplicate alias

## src/content/csv_lines.rs: data files

content-csv-wrong-header = the first line is not the expected header

## src/content/frontmatter.rs: the +++ front matter

content-no-front-matter = the file does not start with front matter
content-no-front-matter-help = begin the file with a line `+++`, then `title = "…"`, then another line `+++`
content-front-matter-unclosed = the front matter is never closed
content-front-matter-unclosed-help = add a line `+++` after the last front-matter line, before the text

## src/content/slug.rs: names and addresses

slug-name-no-letters = the name "{ $name }" has no letters or digits to make a web address from
slug-name-no-letters-help = rename it with at least one letter, e.g. "traff.toml", or set `slug = "traff"` in the file
slug-not-usable = `slug` "{ $slug }" cannot be used in a web address as it is
slug-not-usable-help = write `slug = "{ $suggestion }"` (lowercase a–z, digits and -)
slug-empty = `slug` is empty
slug-empty-help = write a word of lowercase a–z, digits and -, e.g. `slug = "traff"`, or remove the line

## src/content/dates.rs: dates

dates-not-a-date = `{ $key }` = { $value } is not a date
dates-not-a-date-help = write a date as YYYY-MM-DD without quotes, e.g. 2026-12-24

## src/content/page.rs: pages

page-section-slug = a section's address is its folder's name
page-section-slug-help = rename the folder, or remove `slug` from _index.md
page-no-title = the page has no `title`
page-no-title-help = add `title = "…"` to the front matter; it becomes the page's heading
# $why is one of the page-alias-… reasons below.
page-bad-alias = alias "{ $alias }" { $why }
page-bad-alias-help = write an old address of this page as a site path, e.g. "/gammal-sida/" or "/gammal.html"
page-alias-no-slash = does not start with `/`
page-alias-not-plain = must be a plain site path
page-alias-dots = may not contain `.` or `..` segments
page-alias-home = would replace the home page

## src/content/activity.rs: activities

activity-reserved-id = an activity cannot be called "{ $id }": /aktiviteter/{ $id }/ lists activities
activity-reserved-id-help = rename the file, e.g. to "{ $id }-traff.toml"
activity-missing = the activity has no `{ $key }`
activity-missing-help = add `{ $key } = "{ $example }"`
activity-interest-no-letters = an interest must contain letters
activity-interest-no-letters-help = write an interest as a word, e.g. "fika"
activity-place-wrong-kind = `place` must be a place id or a table
activity-place-wrong-kind-help = write the id of a file in content/platser/, e.g. place = "at-soder"
activity-unknown-language = unknown language "{ $language }"
activity-language-did-you-mean = did you mean "{ $code }"? Languages are written as ISO 639-1 codes
activity-language-help = write languages as ISO 639-1 codes, e.g. "sv", "en", "ar"
activity-image-no-alt = `image` has no `image_alt`
activity-image-no-alt-help = describe the picture for people who cannot see it: image_alt = "Två personer fikar vid ett bord"
activity-image-not-beside = image "{ $image }" is not beside this file
activity-image-not-beside-help = put the picture in { $folder } and write only its file name
activity-capacity-invalid = `capacity` = { $capacity } is not a number of places
activity-capacity-invalid-help = write how many people can come, e.g. capacity = 12
activity-booking-no-capacity = `[booking]` has no `capacity`
activity-booking-no-capacity-help = add e.g. capacity = 12
activity-opens-out-of-range = `opens_days_before` = { $days } is out of range
activity-opens-out-of-range-help = write a number of days from 0 to 365, e.g. 14
activity-schedule-no-kind = this [[schedule]] says neither `weekly`, `monthly` nor `dates`
activity-schedule-many-kinds = this [[schedule]] has more than one of `weekly`, `monthly` and `dates`
activity-schedule-kind-help = use exactly one: weekly = ["thu"], monthly = "first tue" or dates = [2026-12-05]; write a second [[schedule]] for another pattern
activity-not-a-weekday = "{ $day }" is not a weekday
activity-not-a-weekday-help = write weekdays as mon, tue, wed, thu, fri, sat or sun
activity-weekly-empty = `weekly` lists no days
activity-weekly-empty-help = write e.g. weekly = ["thu"]
activity-not-monthly = "{ $rule }" is not a monthly rule
activity-not-monthly-help = write first, second, third, fourth or last, then a weekday: monthly = "last fri"
activity-dates-empty = `dates` lists no dates
activity-dates-empty-help = write e.g. dates = [2026-12-05, 2026-12-12]
# $key is start or end.
activity-schedule-no-time = this [[schedule]] has no `{ $key }` time
activity-schedule-no-time-help = add e.g. { $key } = "{ $example }"
activity-not-a-time = "{ $time }" is not a time of day
activity-not-a-time-help = write a 24-hour time as HH:MM, from 00:00 to 23:59, e.g. "09:30"
activity-ends-before-start = the activity ends ({ $end }) before it starts ({ $start })
activity-ends-before-start-help = `end` must be later the same day than `start`
activity-until-before-from = `until` ({ $until }) is before `from` ({ $from })
activity-until-before-from-help = `until` is the last date the activity happens; it must be on or after `from`

## src/content/place.rs: places

place-inline-invalid = the inline place is not right: { $detail }
place-missing = the place has no `{ $key }`
place-missing-help = add `{ $key } = "{ $example }"`
place-out-of-range = `{ $key }` = { $value } is out of range
place-out-of-range-help = write decimal degrees, e.g. lat = 56.03, lon = 12.70
place-unknown-accessibility = unknown accessibility feature "{ $feature }"
place-accessibility-did-you-mean = did you mean "{ $near }"?
place-accessibility-known = known features are: { $features }

## src/content/post.rs: bulletin-board posts

post-no-title = the post has no `title`
post-no-title-help = add `title = "Boule i parken"`
post-no-date = the post has no `date`
post-no-date-help = add the day it was posted, e.g. `date = 2026-11-20`
post-author-full-name = author "{ $author }" is more than a first name
post-author-full-name-help = residents' full names are not published: write only a first name or nickname, e.g. "Anna"
post-no-author = the post has no `author`
post-no-author-help = add the resident's first name or nickname, e.g. `author = "Anna"`
post-unknown-funding-status = unknown funding status "{ $status }"
post-funding-did-you-mean = did you mean "{ $near }"?
post-funding-status-help = write "applied", "granted" or "declined"
post-requested-negative = `requested` is negative
post-requested-negative-help = write the amount in kronor, e.g. requested = 2500

## src/content/visits.rs: visit counts (content/data/besok/)

visits-header-help = the file starts with the line `{ $header }`, as omtanke-kiosk export-stats writes it
visits-wrong-field-count = this line has { $fields } fields, not 4
visits-bad-date = this line has "{ $value }", which is not a date YYYY-MM-DD
visits-bad-hour = this line has the hour "{ $hour }"; hours are 0 to 23
visits-bad-count = this line has a count that is not a whole number of 0 or more
visits-more-first-visits = this line has more first visits than visits
visits-bad-line-help = write date,hour,visits,first visits, e.g. `2026-11-26,12,8,2` (the hour may be empty)

## src/content/evaluation.rs: loneliness-scale results (content/data/utvardering/)

evaluation-header-help = the file starts with the line `{ $header }`
evaluation-bad-line = this line is not a month followed by seven numbers
evaluation-bad-line-help = write e.g. `2026-10,14,2.9,1.4,1.5,5,7,2`

config-recheck-out-of-range = `recheck_after_days` = { $days } is not a number of days from 1 to 3650
config-recheck-out-of-range-help = write how many days a listing's `checked` date holds, e.g. `recheck_after_days = 180` (half a year)

## Pauses, cancelled and moved meetings (content/changes.rs)
changes-unknown-status = unknown status "{ $status }"
changes-status-did-you-mean = did you mean "{ $status }"? A status is "active" (the default) or "paused"
changes-status-help = a status is "active" (the default) or "paused"
changes-until-without-pause = `paused_until` without status = "paused"
changes-until-without-pause-help = add status = "paused" for a break, or remove paused_until when the activity meets again
changes-no-date = this entry has no `{ $key }` date
changes-no-date-help = add e.g. { $key } = 2026-12-10
changes-not-a-meeting = { $date } is not a day this activity meets
changes-not-a-meeting-help = a cancelled or moved meeting must be a day the [[schedule]] gives; check the date and the weekday
changes-day-twice = { $date } is cancelled or moved twice
changes-day-twice-help = keep one [[cancelled]] or [[moved]] entry for each day
changes-moved-one-time = a moved meeting needs both `start` and `end`, or neither
changes-moved-one-time-help = write both, e.g. start = "10:00" and end = "12:00", or leave both out to keep the usual times
changes-moved-nowhere = the meeting is moved to the day it already has
changes-moved-nowhere-help = give another day in `to`, or new times with `start` and `end`

config-unknown-when-unchecked = `when_unchecked` = "{ $value }" is neither "notice" nor "hide"
config-unknown-when-unchecked-help = write when_unchecked = "notice" (unconfirmed activities stay, with a notice; the default) or "hide" (they leave every list, feed and calendar; their pages stay)

config-booking-url-bad = `booking_url` = "{ $url }" cannot receive the booking form: { $why }
config-booking-url-bad-help = write the full address of the kiosk's inbox, e.g. booking_url = "https://forslag.omtanke.example/anmalan"

snackebord-no-questions = the snackebord has no questions
snackebord-no-questions-help = write the questions as a list: questions = ["What made you happy this week?", "…"]
snackebord-translation-count = the translation [{ $lang }] has { $count } questions, but the original has { $expected }
snackebord-translation-count-help = every question needs its translation, in the same order
snackebord-question-length = a question must have text and at most { $max } characters
snackebord-question-length-help = short questions fit a table card in large type

organizer-no-name = the organizer has no `name`
organizer-no-name-help = write the organizer's name: name = "Föreningen Huset"
organizer-website = "{ $website }" is not a web address
organizer-website-help = write the whole address, starting with https://
organizer-logo-no-alt = `logo` has no `logo_alt`
organizer-logo-no-alt-help = describe the logo for those who cannot see it: logo_alt = "The Huset logo"
organizer-logo-not-beside = the logo "{ $logo }" is not beside this file
organizer-logo-not-beside-help = put the picture in content/arrangorer/ and write only its file name
check-organizer-free-text = "{ $name }" is the organizer of { $count } activities
check-organizer-free-text-help = make a file for the organizer, content/arrangorer/{ $id }.toml with name = "{ $name }", and write organizer = "{ $id }" in the activities: the organizer then gets a page of its own

accessibility-status = `status` must be "fully", "partly" or "not"
accessibility-status-help = write how well the site meets the law: status = "partly" (partly compliant)
accessibility-no-date = the assessment has no date
accessibility-no-date-help = write the day of the latest assessment: assessed = 2026-12-07
accessibility-no-method = it does not say how the site was assessed
accessibility-no-method-help = write how, with what and by whom: method = "Our own review with …"
accessibility-criterion = "{ $criterion }" is not a WCAG criterion
accessibility-criterion-help = write the criterion's number, for example criterion = "1.4.3"
accessibility-fully-with-problems = a site with known problems is not "fully" compliant
accessibility-fully-with-problems-help = write status = "partly" while the list has problems
check-accessibility-old = the latest accessibility assessment was made on { $assessed }, more than a year ago
check-accessibility-old-help = assess the site again and write the new day in assessed
check-accessibility-no-page = there are facts for an accessibility statement but no page for it
check-accessibility-no-page-help = create content/om/tillganglighet.md with a title and a few lines on who runs the site; the statement is written there
check-privacy-missing = the site has forms that collect personal data, but site.toml does not say who the controller is
check-privacy-missing-help = add [privacy] with controller = "…" (and organization_number, address, email, dpo_email, legal_basis); the privacy notices show them
