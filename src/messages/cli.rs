//! A command line in its readers' language: which language to speak (`--lang`, else the site's
//! `language` in site.toml, else Swedish) and `--help` in it. clap builds the help from the doc
//! comments of a program's `main.rs`; here each command's and option's text is replaced by its
//! message (`locales/*/help.ftl` for `omtanke`, `kiosk.ftl` for `omtanke-kiosk`), as a
//! program's [`Help`] lists them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Marks a help message id, so the catalogue test finds it.
#[macro_export]
macro_rules! help_id {
    ($id:literal) => {
        $id
    };
}

/// The texts of a program's help.
pub struct Help {
    /// The command (empty for the program), the option's id (empty for the command's own
    /// description) and the message.
    pub texts: &'static [(&'static str, &'static str, &'static str)],
    /// Options several commands share (clap's flattened arguments): the commands, and each
    /// option's id with its message.
    pub shared: (&'static [&'static str], &'static [(&'static str, &'static str)]),
    /// The names of values in the usage line and the argument list: command, option, message.
    pub value_names: &'static [(&'static str, &'static str, &'static str)],
}

/// The help of `omtanke`.
pub const OMTANKE: Help = Help {
    texts: HELP,
    shared: (&["build", "serve", "check", "recheck"], SITE_ARGS),
    value_names: VALUE_NAMES,
};

const HELP: &[(&str, &str, &str)] = &[
    ("", "", help_id!("help-about")),
    ("", "lang", help_id!("help-lang")),
    ("build", "", help_id!("help-build")),
    ("build", "output", help_id!("help-build-output")),
    ("build", "base_url", help_id!("help-build-base-url")),
    ("serve", "", help_id!("help-serve")),
    ("serve", "port", help_id!("help-serve-port")),
    ("serve", "open", help_id!("help-serve-open")),
    ("serve", "base_url", help_id!("help-serve-base-url")),
    ("check", "", help_id!("help-check")),
    ("check", "external", help_id!("help-check-external")),
    ("recheck", "", help_id!("help-recheck")),
    ("recheck", "csv", help_id!("help-recheck-csv")),
    ("new", "", help_id!("help-new")),
    ("new", "kind", help_id!("help-new-kind")),
    ("new", "name", help_id!("help-new-name")),
    ("new", "root", help_id!("help-root")),
    ("new", "today", help_id!("help-new-today")),
];

/// The names of values shown in the usage line and the list of arguments.
const VALUE_NAMES: &[(&str, &str, &str)] = &[
    ("new", "kind", help_id!("help-new-kind-value")),
    ("new", "name", help_id!("help-new-name-value")),
];

/// The options every site command has (`SiteArgs`), with their messages.
const SITE_ARGS: &[(&str, &str)] = &[
    ("root", help_id!("help-root")),
    ("drafts", help_id!("help-drafts")),
    ("today", help_id!("help-today")),
];

/// The language to speak for the command line `args` (the program's name first): `--lang`,
/// else `language` in site.toml in the folder given by `root_flag` (`--root`; the current
/// folder by default), else Swedish.
pub fn language_of(args: &[OsString], root_flag: &str) -> String {
    let root_equals = format!("{root_flag}=");
    let mut lang = None;
    let mut root = PathBuf::from(".");
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = rest.next() {
        if let Some(value) = arg.strip_prefix("--lang=") {
            lang = Some(value.to_string());
        } else if arg == "--lang" {
            lang = rest.next();
        } else if let Some(value) = arg.strip_prefix(root_equals.as_str()) {
            root = value.into();
        } else if arg == root_flag
            && let Some(value) = rest.next()
        {
            root = value.into();
        }
    }
    lang.or_else(|| site_language(&root)).unwrap_or_else(|| "sv".into())
}

/// `language` in the site's site.toml (Swedish when the file does not set it), if the file can
/// be read; its errors are reported later, in the language chosen here.
fn site_language(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("site.toml")).ok()?;
    let table: toml::Table = text.parse().ok()?;
    Some(
        table
            .get("language")
            .and_then(|l| l.as_str())
            .unwrap_or("sv")
            .to_string(),
    )
}

/// A program's help in the language spoken now.
pub fn localize(mut cmd: clap::Command, help: &Help) -> clap::Command {
    let text = |id: &str| super::text(id, &[]);
    // A description's first paragraph is its summary in the list of commands.
    let about = |id: &str| {
        let long = text(id);
        let short = long.split("\n\n").next().unwrap_or(&long).to_string();
        (short, long)
    };
    for (command, arg, id) in help.texts {
        cmd = match (*command, *arg) {
            ("", "") => {
                let (short, long) = about(id);
                cmd.about(short).long_about(long)
            }
            (command, "") => {
                let (short, long) = about(id);
                cmd.mut_subcommand(command, |c| c.about(short).long_about(long))
            }
            ("", arg) => {
                let help = text(id);
                cmd.mut_arg(arg, |a| a.help(help))
            }
            (command, arg) => {
                let help = text(id);
                cmd.mut_subcommand(command, |c| c.mut_arg(arg, |a| a.help(help)))
            }
        };
    }
    for (command, arg, id) in help.value_names {
        let name = text(id);
        cmd = cmd.mut_subcommand(command, |c| c.mut_arg(*arg, |a| a.value_name(name)));
    }
    for command in help.shared.0 {
        for (arg, id) in help.shared.1 {
            let help = text(id);
            cmd = cmd.mut_subcommand(command, |c| c.mut_arg(*arg, |a| a.help(help)));
        }
    }
    let headings = (
        text(help_id!("help-heading-commands")),
        text(help_id!("help-heading-options")),
        text(help_id!("help-heading-arguments")),
    );
    let template = text(help_id!("help-template"));
    let name = cmd.get_name().to_string();
    cmd.disable_help_subcommand(true)
        .pipe(|c| with_words(c, &headings, &template, &name))
}

/// Parses the command line `args` with `cmd`, or ends the program with clap's usage error in the
/// language spoken now (exit status 2), or with the help or version asked for. clap speaks only
/// English; the commonest mistakes are said here in the reader's language, anything rarer as
/// clap says it.
pub fn matches_or_exit(cmd: clap::Command, args: Vec<OsString>) -> clap::ArgMatches {
    let mut cmd = cmd;
    let name = cmd.get_name().to_string();
    match cmd.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(e) => match usage_error(&e, &name) {
            Some(text) if super::language() != "en" => {
                eprintln!("{text}");
                std::process::exit(2);
            }
            _ => e.exit(),
        },
    }
}

/// The usage error `e` of the program `name` in the language spoken now, when it is one of the
/// common kinds.
fn usage_error(e: &clap::Error, name: &str) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let value = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => crate::msg!("usage-unknown-argument", argument = value(ContextKind::InvalidArg)?),
        ErrorKind::InvalidSubcommand => {
            crate::msg!(
                "usage-unknown-command",
                command = value(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => crate::msg!(
            "usage-invalid-value",
            value = value(ContextKind::InvalidValue)?,
            argument = value(ContextKind::InvalidArg)?
        ),
        ErrorKind::MissingRequiredArgument => {
            crate::msg!("usage-missing-argument", arguments = value(ContextKind::InvalidArg)?)
        }
        _ => return None,
    };
    let mut text = format!("{}: {message}", crate::msg!("label-error"));
    if let Some(usage) = value(ContextKind::Usage) {
        let usage = usage.trim();
        let line = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        text.push_str(&format!("\n\n{} {line}", crate::msg!("usage-heading")));
    }
    text.push_str(&format!("\n\n{}", crate::msg!("usage-more-help", program = name)));
    Some(text)
}

/// Calls `f` on a value: keeps a chain of builder calls in reading order.
trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}

impl Pipe for clap::Command {}

/// The headings, the usage line and the built-in options' words of a command (`path` is how it
/// is typed: `omtanke build`) and all its subcommands.
fn with_words(cmd: clap::Command, headings: &(String, String, String), template: &str, path: &str) -> clap::Command {
    let text = |id: &str| super::text(id, &[]);
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let mut usage = format!("{path} [{}]", text(help_id!("help-usage-options")));
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string());
        usage.push_str(&format!(" <{name}>"));
    }
    if !names.is_empty() {
        usage.push_str(&format!(" <{}>", text(help_id!("help-usage-command"))));
    }
    let mut cmd = cmd
        .override_usage(usage)
        .subcommand_help_heading(headings.0.clone())
        .next_help_heading(headings.1.clone())
        .help_template(template.to_string())
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(text(help_id!("help-help"))),
        );
    for arg in cmd.get_arguments().map(|a| a.get_id().to_string()).collect::<Vec<_>>() {
        let positional = cmd
            .get_arguments()
            .find(|a| a.get_id() == arg.as_str())
            .is_some_and(clap::Arg::is_positional);
        let heading = if positional { &headings.2 } else { &headings.1 };
        // Defaults and choices are in the help texts, in words.
        cmd = cmd.mut_arg(arg, |a| {
            let a = a.help_heading(heading.clone());
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(text(help_id!("help-version")))
                .help_heading(headings.1.clone()),
        );
    }
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(name, |c| with_words(c, headings, template, &sub_path));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("omtanke")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_the_flag_then_the_site_then_swedish() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("site.toml"), "language = \"en\"\n").unwrap();
        let root = site.path().to_str().unwrap();
        let of = |a: &[&str]| language_of(&args(a), "--root");
        assert_eq!(of(&["build", "--root", root]), "en");
        assert_eq!(of(&["build", &format!("--root={root}")]), "en");
        assert_eq!(of(&["build", "--root", root, "--lang", "sv"]), "sv");
        assert_eq!(of(&["build", "--root", "/finns/inte"]), "sv");
        let kiosk = language_of(&args(&["--content", root]), "--content");
        assert_eq!(kiosk, "en", "the kiosk's flag");
        std::fs::write(site.path().join("site.toml"), "title = \"x\"\n").unwrap();
        assert_eq!(of(&["check", "--root", root]), "sv", "site.toml's default");
    }
}
