# Vad `omtanke new` säger (src/new.rs). Varje id finns också i locales/en/new.ftl;
# testet i src/messages/mod.rs håller dem lika.

## Varför ingen fil skrevs

# $why är ett av new-name-…-meddelandena nedan.
new-bad-name = "{ $name }" { $why } — ett namn består av små bokstäver a–z, siffror och -
new-bad-name-try = "{ $name }" { $why } — prova "{ $suggestion }" (ett namn består av små bokstäver a–z, siffror och -)
new-exists = { $path } finns redan; ingenting skrevs — välj ett annat namn, eller redigera den filen
new-cannot-write = kan inte skriva { $path }: { $error }

## Varför ett namn inte kan användas (efter namnet inom citattecken)

new-name-has-folder = kan inte innehålla /: aktiviteter och inlägg har inga mappar
new-name-not-web-address = kan inte användas i en webbadress
new-name-reserved = kan inte användas: /aktiviteter/{ $name }/ listar aktiviteter
new-name-built-in = är en adress som webbplatsen redan har (en mapps egen sida eller en lista som webbplatsen gör själv)
new-name-activities-folder = ligger i en mapp som webbplatsen fyller själv; använd omtanke new activity
new-name-posts-folder = ligger i en mapp som webbplatsen fyller själv; använd omtanke new post
new-name-places-folder = ligger i en mapp som webbplatsen fyller själv; skriv en platsfil i content/platser/ i stället

## Vad redaktören mer behöver veta när en fil har skrivits

new-section-no-index = content/{ $dir }/ har ingen _index.md: skriv en för att ge avsnittet /{ $dir }/ en titel och en inledning
