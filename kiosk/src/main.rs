//! `omtanke-kiosk`: the pratcafé's touch-screen daemon and its operator commands.

mod app;
mod auth;
mod board_export;
mod config;
mod db;
mod exports;
mod help;
mod inbox_pull;
mod limits;
mod login;
mod maintenance;
mod news;
mod occurrences;
mod records;
mod sms;
mod suggestion_form;
mod survey;
mod survey_forms;
mod survey_results;
mod systemd;
mod templates;
mod validate;
mod web;

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use omtanke::msg;

use app::App;
use config::Config;
use db::Db;

/// The pratcafé kiosk: anonymous check-ins and bookings, served on this machine only.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Configuration file [default: none; built-in defaults].
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The site folder with site.toml and content/ (overrides the file).
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,
    /// The database file (overrides the file).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Address to listen on, e.g. 127.0.0.1:8080 (overrides the file).
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// The language of messages and help: sv or en [default: the site's language].
    #[arg(long, global = true, value_name = "sv|en", value_parser = ["sv", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Set the staff password, read from standard input.
    ///
    /// Example:
    ///   printf '%s\n' 'ett långt lösenord' | omtanke-kiosk passwd --config /etc/omtanke-kiosk/kiosk.toml
    #[command(verbatim_doc_comment)]
    Passwd,
    /// Write check-in counts or bookings as CSV to standard output.
    ///
    /// Examples:
    ///   omtanke-kiosk export checkins --from 2026-01-01 --to 2026-12-31 > besok.csv
    ///   omtanke-kiosk export bookings --from 2026-11-01 --to 2026-11-30
    #[command(verbatim_doc_comment)]
    Export {
        /// What to export: checkins (per day), checkins-by-hour, or bookings.
        what: String,
        /// First date, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last date, YYYY-MM-DD.
        #[arg(long)]
        to: String,
    },
    /// Copy the database to FILE while the kiosk runs (an online backup).
    Backup {
        /// Where to write the copy.
        file: PathBuf,
    },
    /// Delete booking names and phone numbers older than the retention period now.
    Purge,
    /// Write the record of processing activities (GDPR article 30) for the municipality's
    /// register, from these settings and the site's [privacy], as Markdown (or CSV) to FILE or to
    /// standard output.
    ///
    /// Example:
    ///   omtanke-kiosk records register.md
    Records {
        /// The file to write; standard output without it.
        file: Option<PathBuf>,
        /// CSV for a spreadsheet instead of Markdown.
        #[arg(long)]
        csv: bool,
    },
    /// Write approved suggestions as bulletin-board files into DIR (the site's
    /// content/anslagstavla), ready to commit. Each is written once; contact details never are.
    ///
    /// Example:
    ///   omtanke-kiosk export-board /srv/omtanke/content/anslagstavla
    #[command(verbatim_doc_comment)]
    ExportBoard {
        /// The bulletin board's folder.
        dir: PathBuf,
    },
    /// Write the check-ins per hour (and first visits) as CSV for the website's statistics page:
    /// put the file in the site's content/data/besok/ as <place>.csv.
    ///
    /// Example:
    ///   omtanke-kiosk export-stats at-soder.csv --from 2026-01-01 --to 2026-12-31
    #[command(verbatim_doc_comment)]
    ExportStats {
        /// The CSV file to write.
        file: PathBuf,
        /// First date, YYYY-MM-DD [default: ten years ago, which covers every check-in].
        #[arg(long)]
        from: Option<String>,
        /// Last date, YYYY-MM-DD [default: today].
        #[arg(long)]
        to: Option<String>,
    },
    /// Write the survey's (the loneliness scale's) results per month as CSV for the website's
    /// evaluation page: put the file in the site's content/data/utvardering/ as <place>.csv.
    /// Months with fewer than 10 responses are left out.
    ///
    /// Example:
    ///   omtanke-kiosk export-survey at-soder.csv
    #[command(verbatim_doc_comment)]
    ExportSurvey {
        /// The CSV file to write.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    // The language first, so that --help and every message speak it: --lang, else the site's
    // (--content), else Swedish.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    omtanke::messages::set_language(&omtanke::messages::cli::language_of(&args, "--content"));
    let command = omtanke::messages::cli::localize(Cli::command(), &help::KIOSK);
    let matches = omtanke::messages::cli::matches_or_exit(command, args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .init();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e:#}", msg!("label-error"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref())?;
    let mut problems = config.sms.as_ref().map(|s| s.problems()).unwrap_or_default();
    if config
        .inbox_token
        .as_ref()
        .is_some_and(|t| t.trim().chars().count() < 32)
    {
        problems.push("inbox_token: write a random secret of at least 32 characters".into());
    }
    if let Some(inbox) = &config.inbox {
        if !inbox.url.starts_with("https://") && !config::is_loopback_http(&inbox.url) {
            problems.push(format!(
                "[inbox] url = \"{}\": the inbox must be reached over https://",
                inbox.url
            ));
        }
        if inbox.token.trim().chars().count() < 32 {
            problems.push("[inbox] token: the same secret as the inbox's inbox_token, at least 32 characters".into());
        }
    }
    if !problems.is_empty() {
        let file = cli
            .config
            .as_deref()
            .map_or("kiosk.toml".into(), |p| p.display().to_string());
        anyhow::bail!("{file}: {}", problems.join("; "));
    }
    if let Some(c) = cli.content {
        config.content = c;
    }
    if let Some(d) = cli.db {
        config.database = d;
    }
    if let Some(l) = cli.listen {
        config.listen = l;
    }
    let db = Db::open(&config.database)?;
    match cli.command {
        Some(Command::Passwd) => {
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            let password = input.lines().next().unwrap_or("").to_string();
            if let Some(why) = auth::weak_password(&password) {
                anyhow::bail!("{}", msg!("kiosk-weak-password", why = why));
            }
            db.set_password(&password)?;
            eprintln!("{}", msg!("kiosk-password-set"));
            Ok(())
        }
        Some(Command::Backup { file }) => {
            db.backup_to(&file)?;
            eprintln!("{}", msg!("kiosk-backup-written", file = file.display()));
            Ok(())
        }
        Some(Command::ExportStats { file, from, to }) => {
            let today = chrono::Local::now().date_naive();
            // Ten years back, the longest period there is: every check-in a café has kept.
            let start = (today - chrono::Days::new(3650)).to_string();
            let today = today.to_string();
            let (from, to) = validate::period(from.as_deref().unwrap_or(&start), to.as_deref().unwrap_or(&today))?;
            let csv = exports::stats_csv(&db, from, to)?;
            write_atomically(&file, &csv)?;
            eprintln!("{}", msg!("kiosk-stats-written", file = file.display()));
            Ok(())
        }
        Some(Command::ExportBoard { dir }) => {
            let written = board_export::export(&db, &dir)?;
            for f in &written {
                eprintln!("{}", msg!("kiosk-board-file-written", file = f.display()));
            }
            eprintln!(
                "{}",
                msg!("kiosk-board-written", suggestions = written.len(), dir = dir.display())
            );
            Ok(())
        }
        Some(Command::ExportSurvey { file }) => {
            let items = survey::Items::load(config.survey_items.as_deref())?;
            // Only months that have ended, in the site's time zone (see survey_results).
            let tz = occurrences::Catalog::new(&config.content).timezone();
            let current = chrono::Utc::now().with_timezone(&tz).format("%Y-%m").to_string();
            let months = survey_results::monthly(&items, &db.survey_responses_by_month()?, &current);
            let csv = survey_results::csv(&months);
            write_atomically(&file, &csv)?;
            eprintln!(
                "{}",
                msg!(
                    "kiosk-survey-written",
                    months = csv.lines().count() - 1,
                    file = file.display(),
                    minimum = survey::MIN_RESPONSES
                )
            );
            Ok(())
        }
        Some(Command::Records { file, csv }) => {
            // Who is responsible is the site's fact (`[privacy]` in its site.toml).
            let site_toml = config.content.join("site.toml");
            let privacy = std::fs::read_to_string(&site_toml).ok().and_then(|text| {
                let mut diags = vec![];
                omtanke::config::Config::parse(&omtanke::diagnostics::Source::new("site.toml", text), &mut diags)?
                    .privacy
            });
            let text = if csv {
                records::csv(&config, privacy.as_ref())
            } else {
                records::markdown(&config, privacy.as_ref(), chrono::Local::now().date_naive())
            };
            match file {
                Some(file) => write_atomically(&file, &text)?,
                None => print!("{text}"),
            }
            Ok(())
        }
        Some(Command::Purge) => {
            let app = App::new(config, db)?;
            let n = maintenance::purge(&app)?;
            eprintln!(
                "{}",
                msg!("kiosk-purged-bookings", bookings = n, days = app.config.retention_days)
            );
            let n = maintenance::purge_contacts(&app)?;
            eprintln!(
                "{}",
                msg!(
                    "kiosk-purged-contacts",
                    suggestions = n,
                    days = app.config.suggestion_contact_days
                )
            );
            Ok(())
        }
        Some(Command::Export { what, from, to }) => {
            let (from, to) = validate::period(&from, &to)?;
            let csv = exports::export_csv(&db, &what, from, to)?;
            print!("{csv}");
            Ok(())
        }
        None => serve(config, db),
    }
}

/// Writes an export whole or not at all, so a half-written file never reaches the site.
fn write_atomically(file: &std::path::Path, text: &str) -> anyhow::Result<()> {
    omtanke::build::write_file(file, text.as_bytes()).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}

fn serve(config: Config, db: Db) -> anyhow::Result<()> {
    let listen = config.listen;
    let app = App::new(config, db)?;
    sms::after_restart(&app);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, "listening");
        // Tests and scripts read this line to find the port: its form stays in every language.
        eprintln!("omtanke-kiosk listening on http://{addr}/");
        tokio::spawn(maintenance::run(app.clone()));
        tokio::spawn(sms::run(app.clone()));
        tokio::spawn(inbox_pull::run(app.clone()));
        tokio::spawn(systemd::watchdog(addr));
        systemd::ready();
        web::server::serve(app, listener, async {
            shutdown().await;
            systemd::stopping();
        })
        .await;
        tracing::info!("stopped");
        Ok(())
    })
}

/// Resolves on SIGTERM (systemd stopping the service) or Ctrl-C.
async fn shutdown() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("signal handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}
