//! `omtanke-kiosk --help` in its readers' language: which message (`locales/*/kiosk.ftl`)
//! replaces each command's and option's text (see `omtanke::messages::cli`).

use omtanke::help_id;
use omtanke::messages::cli::Help;

/// The kiosk's help texts.
pub const KIOSK: Help = Help {
    texts: &[
        ("", "", help_id!("kiosk-help-about")),
        ("", "config", help_id!("kiosk-help-config")),
        ("", "content", help_id!("kiosk-help-content")),
        ("", "db", help_id!("kiosk-help-db")),
        ("", "listen", help_id!("kiosk-help-listen")),
        ("", "lang", help_id!("kiosk-help-lang")),
        ("passwd", "", help_id!("kiosk-help-passwd")),
        ("export", "", help_id!("kiosk-help-export")),
        ("export", "what", help_id!("kiosk-help-export-what")),
        ("export", "from", help_id!("kiosk-help-export-from")),
        ("export", "to", help_id!("kiosk-help-export-to")),
        ("backup", "", help_id!("kiosk-help-backup")),
        ("backup", "file", help_id!("kiosk-help-backup-file")),
        ("purge", "", help_id!("kiosk-help-purge")),
        ("export-board", "", help_id!("kiosk-help-export-board")),
        ("export-board", "dir", help_id!("kiosk-help-export-board-dir")),
        ("export-stats", "", help_id!("kiosk-help-export-stats")),
        ("export-stats", "file", help_id!("kiosk-help-csv-file")),
        ("export-stats", "from", help_id!("kiosk-help-export-stats-from")),
        ("export-stats", "to", help_id!("kiosk-help-export-stats-to")),
        ("export-survey", "", help_id!("kiosk-help-export-survey")),
        ("export-survey", "file", help_id!("kiosk-help-csv-file")),
    ],
    shared: (&[], &[]),
    value_names: &[
        ("export", "what", help_id!("kiosk-help-value-what")),
        ("backup", "file", help_id!("kiosk-help-value-file")),
        ("export-board", "dir", help_id!("kiosk-help-value-dir")),
        ("export-stats", "file", help_id!("kiosk-help-value-file")),
        ("export-survey", "file", help_id!("kiosk-help-value-file")),
    ],
};
