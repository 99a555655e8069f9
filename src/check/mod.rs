//! `omtanke check`: everything `build` validates, without writing anything, plus what a build
//! lets through but a visitor would stumble over.
//!
//! | Finding | Severity |
//! | --- | --- |
//! | a link to a site path with no page, or to a `#anchor` with no element | error |
//! | a picture whose file is not in the site | error |
//! | a link without text, or with only "klicka här", "läs mer", "here" … | error |
//! | a picture without alt text | error |
//! | a `#` (h1) heading in a text, or a heading that skips a level | error |
//! | an activity with no date in the coming year and no `until` | error |
//! | a place no activity uses | warning |
//! | with `--external`: an `http(s)` link that does not answer within 10 s | warning |
//!
//! Links are checked in the Markdown of pages, bulletin-board posts and activity descriptions,
//! against the files the build would write ([`crate::build::render`]) and the `id`s in their
//! HTML, and so are links and pictures in editors' raw HTML (residents' posts show HTML as text,
//! so theirs are not). Links in templates are not checked.

mod accessibility;
mod activities;
mod confirmation;
mod dest;
mod docs;
pub mod external;
mod headings;
mod links;
mod organizers;
mod pauses;
mod places;
mod privacy;
mod scan;
mod targets;
mod text;

use crate::build::{self, BuildOptions};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::error::Result;

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The site, as for a build (the output folder is not used).
    pub build: BuildOptions,
    /// Also ask other sites whether the pages linked to exist.
    pub external: bool,
}

/// Checks a site. A site that would not build comes back as the build's error; otherwise every
/// finding (errors and warnings, the build's warnings included) is returned, sorted by file and
/// position.
pub fn check(opts: &CheckOptions) -> Result<Vec<Diagnostic>> {
    let (site, files) = build::render(&opts.build)?;
    let targets = targets::Targets::new(&files);
    let mut diags = site.warnings.clone();
    let mut external = vec![];
    for doc in docs::collect(&site) {
        let mut found = scan::scan(&doc.text);
        if !doc.html {
            found.links.retain(|l| !l.raw_html);
        }
        links::check(
            &doc,
            &found.links,
            &targets,
            &site.config.base_url,
            &site.root,
            &mut diags,
            &mut external,
        );
        text::check(&doc, &found.links, &mut diags);
        headings::check(&doc, &found.headings, &mut diags);
    }
    activities::check(&site, &mut diags);
    confirmation::check(&site, &mut diags);
    confirmation::check_places(&site, &mut diags);
    confirmation::check_organizers(&site, &mut diags);
    pauses::check(&site, &mut diags);
    organizers::check(&site, &mut diags);
    accessibility::check(&site, &mut diags);
    privacy::check(&site, &mut diags);
    places::check(&site, &mut diags);
    // Without the feature (the kiosk's build) nobody can ask for it: the kiosk never checks.
    #[cfg(feature = "external-links")]
    if opts.external {
        external::check(external, &mut diags);
    }
    #[cfg(not(feature = "external-links"))]
    let _ = (external, opts.external);
    diagnostics::sort(&mut diags);
    Ok(diags)
}

/// Whether any finding is an error (the check then fails).
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// The closing line: "No errors, 2 warnings." or "3 errors, 1 warning."
pub fn summary(diags: &[Diagnostic]) -> String {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let errors = if errors == 0 {
        crate::msg!("summary-no-errors")
    } else {
        crate::msg!("summary-errors", errors = errors)
    };
    crate::msg!(
        "summary-line",
        errors = errors,
        warnings = crate::msg!("summary-warnings", warnings = warnings)
    )
}
