//! The bulletin board's suggestion form as a contract between the published site and the kiosk
//! daemon's web inbox (`suggest_url` in site.toml): the names of the form's fields, how long each
//! may be, and where the daemon sends a resident after a suggestion has been received.
//!
//! The site's form (`board.html`, see [`crate::output`]) takes its names and lengths from here,
//! so the daemon can check a posted form against the same numbers instead of copies of them.

use crate::config::Config;

/// One text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The `name` the value is posted under.
    pub name: &'static str,
    /// The most characters the browser lets a resident type (`maxlength`).
    pub max_chars: usize,
    /// Whether the form cannot be sent without it.
    pub required: bool,
}

/// What the resident wants to do with others.
pub const TITLE: Field = Field {
    name: "titel",
    max_chars: 80,
    required: true,
};
/// The suggestion in the resident's own words.
pub const DESCRIPTION: Field = Field {
    name: "beskrivning",
    max_chars: 1500,
    required: true,
};
/// When, in the resident's words ("onsdagar efter lunch").
pub const WHEN: Field = Field {
    name: "nar",
    max_chars: 120,
    required: false,
};
/// Where, in the resident's words.
pub const WHERE: Field = Field {
    name: "var",
    max_chars: 120,
    required: false,
};
/// First name or nickname: the only thing about the resident that is published.
pub const AUTHOR: Field = Field {
    name: "namn",
    max_chars: 40,
    required: true,
};
/// Phone or e-mail for staff; never published or exported.
pub const CONTACT: Field = Field {
    name: "kontakt",
    max_chars: 120,
    required: false,
};

/// Every text field, in the order the form shows them.
pub const FIELDS: [Field; 6] = [TITLE, DESCRIPTION, WHEN, WHERE, AUTHOR, CONTACT];

/// Checkboxes, repeated once per chosen interest; each value is an interest word as written in
/// the site's content ("samtal").
pub const INTEREST: &str = "intresse";

/// The most interests one suggestion may have; the daemon refuses more.
pub const MAX_INTERESTS: usize = 5;

/// The honeypot: a field people never see or reach. A form that arrives with anything in it was
/// filled in by a program.
pub const HONEYPOT: &str = "webbplats";

/// Hidden field with the language code of the page the form was sent from (`sv`, `en`).
pub const LANGUAGE: &str = "sprak";

/// The site path of the thank-you page in the default language; another language's is below its
/// prefix (`/en/anslagstavla/tack/`). It exists only when `suggest_url` is set.
pub const THANKS_PATH: &str = "/anslagstavla/tack/";

/// The absolute address of the thank-you page for a suggestion sent from a page in `lang`, for
/// the daemon's redirect after a successful post. A language the site does not have gets the
/// default language's page.
pub fn thanks_url(config: &Config, lang: &str) -> String {
    if lang == config.language || !config.languages.contains_key(lang) {
        config.absolute(THANKS_PATH)
    } else {
        config.absolute(&format!("/{lang}{THANKS_PATH}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Source;

    #[test]
    fn the_thank_you_page_is_in_the_language_of_the_form() {
        let src = Source::new(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://example.se/\"\n[languages.en]\ntitle = \"T\"\n",
        );
        let config = Config::parse(&src, &mut vec![]).expect("valid site.toml");
        assert_eq!(thanks_url(&config, "sv"), "https://example.se/anslagstavla/tack/");
        assert_eq!(thanks_url(&config, "en"), "https://example.se/en/anslagstavla/tack/");
        assert_eq!(thanks_url(&config, "xx"), "https://example.se/anslagstavla/tack/");
    }
}
