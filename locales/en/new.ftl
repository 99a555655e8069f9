# What `omtanke new` says (src/new.rs). Each id is also in locales/sv/new.ftl;
# src/messages/mod.rs's test keeps the two in step.

## Why no file was written

# $why is one of the new-name-… messages below.
new-bad-name = "{ $name }" { $why } — names are lowercase letters a–z, digits and -
new-bad-name-try = "{ $name }" { $why } — try "{ $suggestion }" (names are lowercase letters a–z, digits and -)
new-exists = { $path } already exists; nothing was written — choose another name, or edit that file
new-cannot-write = cannot write { $path }: { $error }

## Why a name cannot be used (after the name in quotes)

new-name-has-folder = cannot contain /: activities and posts have no folders
new-name-not-web-address = cannot be used in a web address
new-name-reserved = cannot be used: /aktiviteter/{ $name }/ lists activities
new-name-built-in = is an address the site already has (a folder's own page or a list the site builds)
new-name-activities-folder = is in a folder the site fills itself; use omtanke new activity
new-name-posts-folder = is in a folder the site fills itself; use omtanke new post
new-name-places-folder = is in a folder the site fills itself; use a place file in content/platser/

## What more the editor should know after a file is written

new-section-no-index = content/{ $dir }/ has no _index.md: write one to give the section /{ $dir }/ a title and an introduction
