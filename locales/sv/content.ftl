# Vad som kan bli fel i webbplatsens egna filer: site.toml, TOML-filerna för aktiviteter och
# platser, sidhuvudet (inledningen mellan +++) i sidor och inlägg, datafilerna och bygget av dem.
# Varje id finns också i locales/en/content.ftl; testet i src/messages/mod.rs håller dem lika.
# Nycklar, filnamn och exempel skrivs som de ska skrivas i filerna (ofta på engelska).

## src/config.rs: site.toml

config-no-title = site.toml saknar `title`
config-no-title-help = lägg till en rad som `title = "Omtanke Helsingborg"`
config-base-url-not-absolute = `base_url` "{ $url }" är inte en fullständig webbadress
config-base-url-not-absolute-help = skriv adressen som webbplatsen publiceras på, till exempel "https://omtanke.example.se"
config-no-base-url = site.toml saknar `base_url`
config-no-base-url-help = lägg till adressen som webbplatsen publiceras på, till exempel `base_url = "https://omtanke.example.se"`
# $why är ett av skälen config-suggest-url-… här nedanför.
config-suggest-url-bad = `suggest_url` "{ $url }" { $why }
config-suggest-url-bad-help = skriv hela adressen till kioskens inkorg på webben, med https:// eller http:// först, till exempel "https://forslag.omtanke.example.se/forslag"
config-suggest-url-spaces = har mellanslag i sig
config-suggest-url-no-scheme = börjar inte med https:// eller http://
config-suggest-url-incomplete = är inte en fullständig webbadress
config-suggest-url-no-host = har inget servernamn (som forslag.example.se) efter //
config-suggest-url-credentials = innehåller ett användarnamn eller lösenord, som alla besökare skulle kunna se
config-suggest-url-unencrypted = börjar med http:// fast webbplatsen publiceras på https://, så invånarnas kontaktuppgifter skulle skickas okrypterade
config-unknown-timezone = okänd tidszon "{ $zone }"
config-unknown-timezone-help = använd ett namn från tidszonsdatabasen, till exempel "Europe/Stockholm"
config-unknown-theme = okänt tema "{ $theme }"
config-unknown-theme-help = det inbyggda temat heter "omtanke"; vill du ändra utseendet, lägg egna mallar under themes/omtanke/

## src/toml_doc.rs: TOML i alla filer

# $detail är TOML-läsarens egen beskrivning (på engelska).
toml-invalid = det här är inte giltig TOML: { $detail }
toml-invalid-help = kontrollera citattecknen runt text, `=` mellan nyckel och värde, och hakparenteserna
# $field är nyckeln inom bakåtfnuttar, till exempel `title`.
toml-missing-field = nyckeln { $field } måste finnas men saknas
# $message är TOML-läsarens egen beskrivning (på engelska).
toml-date-hint = { $message } — skriv datum utan citattecken som ÅÅÅÅ-MM-DD, till exempel 2026-12-24
# Ersätter TOML-läsarens "invalid type: "; $detail är resten av dess beskrivning (på engelska).
toml-wrong-kind = fel sorts värde: { $detail }
toml-unknown-key = okänd nyckel `{ $key }`
toml-unknown-key-did-you-mean = menade du `{ $near }`?
toml-unknown-key-valid-keys = nycklar som går att använda här: { $keys }

## src/build.rs: att skriva webbplatsen

build-clash-copy = { $file } skulle skrivas till { $path }, som en annan fil redan använder
build-clash-generated = en fil som webbplatsen skapar skulle skrivas till { $path }, som en annan fil redan använder
build-clash-help = byt namn på filen, så att den inte får samma adress som en sida som webbplatsen skapar
build-refusing-to-replace = den här mappen ersätts inte: den innehåller själva webbplatsen; välj en annan mapp att bygga till, till exempel public/

## src/output/pages.rs: mallar

page-unknown-template = det finns ingen mall som heter "{ $name }"
page-unknown-template-help = använd "page.html" eller "section.html", eller lägg till mallen under themes/omtanke/templates/

## src/content/mod.rs: webbplatsen som helhet

content-no-site-toml = det finns ingen site.toml i { $root }
content-no-site-toml-help = kör omtanke i webbplatsens mapp, eller ange --root med mappen där site.toml och content/ finns
content-no-content-folder = det finns ingen mapp content/
content-no-content-folder-help = skapa mappen content/ bredvid site.toml och lägg webbplatsens sidor där
content-cannot-walk-folder = mappen går inte att gå igenom
content-name-no-letters-help = byt namn så att det har minst en bokstav
content-file-not-utf8 = filen är inte sparad som UTF-8-text
content-file-unreadable = filen går inte att läsa: { $error }
content-file-utf8-help = spara den som UTF-8-text
content-no-place = det finns ingen plats som heter "{ $place }"
content-no-place-did-you-mean = menade du "{ $near }"? Platserna är filerna i content/platser/
content-no-place-create = skapa filen content/platser/{ $place }.toml
content-no-place-create-or-use = skapa filen content/platser/{ $place }.toml, eller använd någon av: { $places }
content-easy-read-orphan = den här lättlästa versionen har ingen sida { $page } att höra till
content-easy-read-orphan-help = ge den samma namn som sidan den gör lättläst: tips.lattlast.md bredvid tips.md
content-place-address-taken = den här platsens adress skulle bli /platser/{ $id }/, som content/platser/{ $first }.toml redan har
content-place-address-taken-help = byt namn på en av de två filerna, eller ge en av dem `slug = "…"`
# $what är page (sida), alias (gammal adress), activity (aktivitet) eller post (inlägg).
content-built-in-address =
    { $what ->
        [page] den här sidan
        [alias] den här gamla adressen (alias)
        [activity] den här aktiviteten
       *[post] det här inlägget
    } skulle skrivas till { $url }, som webbplatsen bygger själv
content-built-in-address-help = flytta filen eller byt namn på den; för att ge { $url } en rubrik och en inledning, skriv { $index }_index.md
content-address-of-place =
    { $what ->
        [page] den här sidan
        [alias] den här gamla adressen (alias)
        [activity] den här aktiviteten
       *[post] det här inlägget
    } vill ha adressen { $url }, som platsfilen content/platser/{ $place }.toml redan har
content-address-of-place-help = byt namn på eller flytta en av de två filerna
content-address-taken =
    { $what ->
        [page] den här sidan
        [alias] den här gamla adressen (alias)
        [activity] den här aktiviteten
       *[post] det här inlägget
    } vill ha adressen { $url }, som { $file } redan har
content-address-taken-help = byt namn på eller flytta en av de två filerna, eller ta bort den gamla adressen (alias) som finns två gånger

## src/content/csv_lines.rs: datafiler

content-csv-wrong-header = första raden är inte den rubrikrad som filen ska börja med

## src/content/frontmatter.rs: sidhuvudet mellan +++

content-no-front-matter = filen börjar inte med ett sidhuvud (inledningen mellan två rader med +++)
content-no-front-matter-help = börja filen med en rad `+++`, sedan `title = "…"`, sedan ännu en rad `+++`
content-front-matter-unclosed = sidhuvudet (inledningen mellan +++) avslutas aldrig
content-front-matter-unclosed-help = lägg till en rad `+++` efter sidhuvudets sista rad, före texten

## src/content/slug.rs: namn och adresser

slug-name-no-letters = namnet "{ $name }" har inga bokstäver eller siffror att göra en webbadress av
slug-name-no-letters-help = byt namn så att det har minst en bokstav, till exempel "traff.toml", eller skriv `slug = "traff"` i filen
slug-not-usable = `slug` "{ $slug }" kan inte användas i en webbadress som det är skrivet
slug-not-usable-help = skriv `slug = "{ $suggestion }"` (små bokstäver a–z, siffror och -)
slug-empty = `slug` är tomt
slug-empty-help = skriv ett ord med små bokstäver a–z, siffror och -, till exempel `slug = "traff"`, eller ta bort raden

## src/content/dates.rs: datum

dates-not-a-date = `{ $key }` = { $value } är inte ett datum
dates-not-a-date-help = skriv datum som ÅÅÅÅ-MM-DD utan citattecken, till exempel 2026-12-24

## src/content/page.rs: sidor

page-section-slug = ett avsnitts adress är namnet på dess mapp
page-section-slug-help = byt namn på mappen, eller ta bort `slug` från _index.md
page-no-title = sidan saknar `title`
page-no-title-help = lägg till `title = "…"` i sidhuvudet (inledningen mellan +++); det blir sidans rubrik
# $why är ett av skälen page-alias-… här nedanför.
page-bad-alias = den gamla adressen (alias) "{ $alias }" { $why }
page-bad-alias-help = skriv en gammal adress till den här sidan som en sökväg på webbplatsen, till exempel "/gammal-sida/" eller "/gammal.html"
page-alias-no-slash = börjar inte med `/`
page-alias-not-plain = måste vara en vanlig sökväg på webbplatsen, utan https://, ? eller #
page-alias-dots = får inte innehålla delarna `.` eller `..`
page-alias-home = skulle ersätta startsidan

## src/content/activity.rs: aktiviteter

activity-reserved-id = en aktivitet kan inte heta "{ $id }": /aktiviteter/{ $id }/ används redan för listor över aktiviteter
activity-reserved-id-help = byt namn på filen, till exempel till "{ $id }-traff.toml"
activity-missing = aktiviteten saknar `{ $key }`
activity-missing-help = lägg till `{ $key } = "{ $example }"`
activity-interest-no-letters = ett intresse måste innehålla bokstäver
activity-interest-no-letters-help = skriv ett intresse som ett ord, till exempel "fika"
activity-place-wrong-kind = `place` måste vara id:t för en plats eller en tabell med platsens uppgifter
activity-place-wrong-kind-help = skriv id:t (namnet) på en fil i content/platser/, till exempel place = "at-soder"
activity-unknown-language = okänt språk "{ $language }"
activity-language-did-you-mean = menade du "{ $code }"? Språk skrivs som koder enligt ISO 639-1
activity-language-help = skriv språk som koder enligt ISO 639-1, till exempel "sv", "en", "ar"
activity-image-no-alt = `image` har ingen `image_alt`
activity-image-no-alt-help = beskriv bilden för den som inte kan se den: image_alt = "Två personer fikar vid ett bord"
activity-image-not-beside = bilden "{ $image }" ligger inte bredvid den här filen
activity-image-not-beside-help = lägg bilden i { $folder } och skriv bara dess filnamn
activity-capacity-invalid = `capacity` = { $capacity } är inte ett antal platser
activity-capacity-invalid-help = skriv hur många som kan komma, till exempel capacity = 12
activity-booking-no-capacity = `[booking]` saknar `capacity`
activity-booking-no-capacity-help = lägg till en rad som capacity = 12
activity-opens-out-of-range = `opens_days_before` = { $days } är för litet eller för stort
activity-opens-out-of-range-help = skriv ett antal dagar från 0 till 365, till exempel 14
activity-schedule-no-kind = det här [[schedule]] anger varken `weekly`, `monthly` eller `dates`
activity-schedule-many-kinds = det här [[schedule]] har mer än en av `weekly`, `monthly` och `dates`
activity-schedule-kind-help = använd exakt en: weekly = ["thu"], monthly = "first tue" eller dates = [2026-12-05]; skriv ett [[schedule]] till för ett annat mönster
activity-not-a-weekday = "{ $day }" är ingen veckodag
activity-not-a-weekday-help = skriv veckodagar som mon, tue, wed, thu, fri, sat eller sun (måndag till söndag)
activity-weekly-empty = `weekly` anger inga dagar
activity-weekly-empty-help = skriv till exempel weekly = ["thu"]
activity-not-monthly = "{ $rule }" är ingen regel för en dag i månaden
activity-not-monthly-help = skriv first, second, third, fourth eller last (första, andra, tredje, fjärde eller sista) och sedan en veckodag: monthly = "last fri"
activity-dates-empty = `dates` anger inga datum
activity-dates-empty-help = skriv till exempel dates = [2026-12-05, 2026-12-12]
# $key är start eller end.
activity-schedule-no-time = det här [[schedule]] saknar tiden `{ $key }`
activity-schedule-no-time-help = lägg till en rad som { $key } = "{ $example }"
activity-not-a-time = "{ $time }" är ingen tid på dygnet
activity-not-a-time-help = skriv tiden med 24 timmar som TT:MM, från 00:00 till 23:59, till exempel "09:30"
activity-ends-before-start = aktiviteten slutar ({ $end }) innan den börjar ({ $start })
activity-ends-before-start-help = `end` måste vara senare samma dag än `start`
activity-until-before-from = `until` ({ $until }) är före `from` ({ $from })
activity-until-before-from-help = `until` är det sista datumet då aktiviteten äger rum; det måste vara samma dag som `from` eller senare

## src/content/place.rs: platser

place-inline-invalid = platsen som står direkt i aktiviteten är inte rätt skriven: { $detail }
place-missing = platsen saknar `{ $key }`
place-missing-help = lägg till `{ $key } = "{ $example }"`
place-out-of-range = `{ $key }` = { $value } är för litet eller för stort
place-out-of-range-help = skriv grader med decimaler, till exempel lat = 56.03, lon = 12.70
place-unknown-accessibility = okänd tillgänglighetsuppgift "{ $feature }"
place-accessibility-did-you-mean = menade du "{ $near }"?
place-accessibility-known = tillgänglighetsuppgifter som går att använda: { $features }

## src/content/post.rs: inlägg på anslagstavlan

post-no-title = inlägget saknar `title`
post-no-title-help = lägg till `title = "Boule i parken"`
post-no-date = inlägget saknar `date`
post-no-date-help = lägg till dagen då det skrevs, till exempel `date = 2026-11-20`
post-author-full-name = författaren "{ $author }" är mer än ett förnamn
post-author-full-name-help = invånarnas fullständiga namn publiceras inte: skriv bara ett förnamn eller smeknamn, till exempel "Anna"
post-no-author = inlägget saknar `author`
post-no-author-help = lägg till invånarens förnamn eller smeknamn, till exempel `author = "Anna"`
post-unknown-funding-status = okänd status "{ $status }" för ansökan om pengar
post-funding-did-you-mean = menade du "{ $near }"?
post-funding-status-help = skriv "applied" (ansökt), "granted" (beviljad) eller "declined" (avslagen)
post-requested-negative = `requested` är ett negativt tal
post-requested-negative-help = skriv beloppet i kronor, till exempel requested = 2500

## src/content/visits.rs: antal besök (content/data/besok/)

visits-header-help = filen börjar med raden `{ $header }`, så som omtanke-kiosk export-stats skriver den
visits-wrong-field-count = den här raden har { $fields } fält, inte 4
visits-bad-date = den här raden har "{ $value }", som inte är ett datum ÅÅÅÅ-MM-DD
visits-bad-hour = den här raden har timmen "{ $hour }"; timmar är 0 till 23
visits-bad-count = den här raden har ett antal som inte är ett heltal från 0 och uppåt
visits-more-first-visits = den här raden har fler första besök än besök
visits-bad-line-help = skriv datum,timme,besök,första besök, till exempel `2026-11-26,12,8,2` (timmen får vara tom)

## src/content/evaluation.rs: resultat från ensamhetsskalan (content/data/utvardering/)

evaluation-header-help = filen börjar med raden `{ $header }`
evaluation-bad-line = den här raden är inte en månad följd av sju tal
evaluation-bad-line-help = skriv till exempel `2026-10,14,2.9,1.4,1.5,5,7,2`

config-recheck-out-of-range = `recheck_after_days` = { $days } är inte ett antal dagar från 1 till 3650
config-recheck-out-of-range-help = skriv hur många dagar en uppgifts `checked`-datum gäller, till exempel `recheck_after_days = 180` (ett halvår)

## Uppehåll, inställda och flyttade träffar (content/changes.rs)
changes-unknown-status = okänd status "{ $status }"
changes-status-did-you-mean = menade du "{ $status }"? Status är "active" (som vanligt, standard) eller "paused" (uppehåll)
changes-status-help = status är "active" (som vanligt, standard) eller "paused" (uppehåll)
changes-until-without-pause = `paused_until` utan status = "paused"
changes-until-without-pause-help = skriv status = "paused" för ett uppehåll, eller ta bort paused_until när aktiviteten är igång igen
changes-no-date = det här saknar datumet `{ $key }`
changes-no-date-help = lägg till en rad som { $key } = 2026-12-10
changes-not-a-meeting = { $date } är ingen dag då aktiviteten träffas
changes-not-a-meeting-help = en inställd eller flyttad träff måste vara en dag som [[schedule]] ger; kontrollera datum och veckodag
changes-day-twice = { $date } är inställd eller flyttad två gånger
changes-day-twice-help = ha bara en [[cancelled]] eller [[moved]] för varje dag
changes-moved-one-time = en flyttad träff behöver både `start` och `end`, eller ingen av dem
changes-moved-one-time-help = skriv båda, till exempel start = "10:00" och end = "12:00", eller ingen för att behålla de vanliga tiderna
changes-moved-nowhere = träffen flyttas till den dag den redan har
changes-moved-nowhere-help = skriv en annan dag i `to`, eller nya tider med `start` och `end`

config-unknown-when-unchecked = `when_unchecked` = "{ $value }" är varken "notice" eller "hide"
config-unknown-when-unchecked-help = skriv when_unchecked = "notice" (aktiviteter som inte har kontrollerats står kvar med en upplysning; standard) eller "hide" (de försvinner ur alla listor, flöden och kalendrar, men deras sidor finns kvar)

config-booking-url-bad = `booking_url` = "{ $url }" kan inte ta emot anmälningsformuläret: { $why }
config-booking-url-bad-help = skriv hela adressen till kioskens inkorg, till exempel booking_url = "https://forslag.omtanke.example/anmalan"

snackebord-no-questions = snackebordet har inga frågor
snackebord-no-questions-help = skriv frågorna som en lista: questions = ["Vad gjorde dig glad den här veckan?", "…"]
snackebord-translation-count = översättningen [{ $lang }] har { $count } frågor, men originalet har { $expected }
snackebord-translation-count-help = varje fråga behöver sin översättning, i samma ordning
snackebord-question-length = en fråga måste ha text och högst { $max } tecken
snackebord-question-length-help = korta frågor får plats på ett bordskort i stor stil

organizer-no-name = arrangören saknar `name`
organizer-no-name-help = skriv arrangörens namn: name = "Föreningen Huset"
organizer-website = "{ $website }" är ingen webbadress
organizer-website-help = skriv hela adressen, med https:// först
organizer-logo-no-alt = `logo` har ingen `logo_alt`
organizer-logo-no-alt-help = beskriv logotypen för den som inte kan se den: logo_alt = "Husets logotyp"
organizer-logo-not-beside = logotypen "{ $logo }" ligger inte bredvid den här filen
organizer-logo-not-beside-help = lägg bilden i content/arrangorer/ och skriv bara dess filnamn
check-organizer-free-text = "{ $name }" står som arrangör på { $count } aktiviteter
check-organizer-free-text-help = gör en fil för arrangören, content/arrangorer/{ $id }.toml med name = "{ $name }", och skriv organizer = "{ $id }" i aktiviteterna: då får arrangören en egen sida

accessibility-status = `status` måste vara "fully", "partly" eller "not"
accessibility-status-help = skriv hur väl webbplatsen uppfyller lagen: status = "partly" (delvis förenlig)
accessibility-no-date = bedömningen saknar datum
accessibility-no-date-help = skriv dagen för den senaste bedömningen: assessed = 2026-12-07
accessibility-no-method = det står inte hur webbplatsen har granskats
accessibility-no-method-help = skriv hur, med vad och av vem: method = "Egen granskning med …"
accessibility-criterion = "{ $criterion }" är inget WCAG-kriterium
accessibility-criterion-help = skriv kriteriets nummer, till exempel criterion = "1.4.3"
accessibility-fully-with-problems = en webbplats med kända brister är inte "helt förenlig"
accessibility-fully-with-problems-help = skriv status = "partly" så länge det finns brister i listan
check-accessibility-old = den senaste tillgänglighetsbedömningen gjordes { $assessed }, för mer än ett år sedan
check-accessibility-old-help = granska webbplatsen igen och skriv den nya dagen i assessed
check-accessibility-no-page = det finns uppgifter för en tillgänglighetsredogörelse men ingen sida för den
check-accessibility-no-page-help = skapa content/om/tillganglighet.md med en rubrik och några rader om vem som står bakom webbplatsen; redogörelsen skrivs där
check-privacy-missing = webbplatsen har formulär som samlar in personuppgifter, men site.toml säger inte vem som är personuppgiftsansvarig
check-privacy-missing-help = lägg till [privacy] med controller = "…" (och organization_number, address, email, dpo_email, legal_basis); integritetsmeddelandena visar dem
