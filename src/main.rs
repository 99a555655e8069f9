//! The `omtanke` command line: parsing and dispatch only.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use omtanke::build::{self, BuildOptions};
use omtanke::check::{self, CheckOptions};
use omtanke::diagnostics;
use omtanke::error::Error;
use omtanke::messages;
use omtanke::new;

/// Omtanke: builds the Omtanke Helsingborg website from Markdown pages and TOML activity files.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and help: sv or en [default: the site's language].
    #[arg(long, global = true, value_name = "sv|en", value_parser = ["sv", "en"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    ///
    /// Examples:
    ///   omtanke build
    ///   omtanke build --root ../min-sajt --output /tmp/sajt --drafts
    #[command(verbatim_doc_comment)]
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Folder to write the site to [default: ROOT/public].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Publish under another address than site.toml's base_url.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Build the site and serve it on 127.0.0.1 for previewing.
    ///
    /// Examples:
    ///   omtanke serve
    ///   omtanke serve --port 8000 --open
    #[command(verbatim_doc_comment)]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the web browser.
        #[arg(long)]
        open: bool,
        /// Preview under another address than site.toml's base_url, such as a sub-path:
        /// --base-url http://127.0.0.1:1111/undermapp
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Check the site without writing anything; exit 1 if there are errors.
    ///
    /// Checks everything `build` checks, plus links and #anchors that lead nowhere, missing
    /// pictures, link texts such as "klicka här", pictures without alt text, skipped heading
    /// levels, activities with no coming dates (errors) and places no activity uses (warnings).
    /// Exit status 1 if there are errors, 0 if there are only warnings.
    ///
    /// Examples:
    ///   omtanke check
    ///   omtanke check --root ../min-sajt --today 2026-11-26
    ///   omtanke check --external        # also try every http(s) link (needs the internet)
    #[command(verbatim_doc_comment)]
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Also ask other sites whether linked pages exist (10 s timeout; failures are warnings).
        #[arg(long)]
        external: bool,
    },
    /// List the activities whose facts must be confirmed with the organizer again.
    ///
    /// Never confirmed (no `checked`), overdue, or due within 30 days (`recheck_after_days` in
    /// site.toml, 180 by default), the most urgent first, with whom to ask.
    ///
    /// Examples:
    ///   omtanke recheck
    ///   omtanke recheck --csv att-kontrollera.csv
    #[command(verbatim_doc_comment)]
    Recheck {
        #[command(flatten)]
        site: SiteArgs,
        /// Write the list as CSV to FILE (for a spreadsheet or a mail merge).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Create a new activity, page or bulletin-board post to fill in.
    ///
    /// The file has every field, with example values that build as they are and a comment in
    /// Swedish explaining each line.
    ///
    /// NAME becomes the address: lowercase letters a-z, digits and -. A page's NAME may have
    /// folders. Existing files are never overwritten.
    ///
    /// Examples:
    ///   omtanke new activity stickcafe       # content/aktiviteter/stickcafe.toml
    ///   omtanke new page stod/ny-sida        # content/stod/ny-sida.md, at /stod/ny-sida/
    ///   omtanke new post boule               # content/anslagstavla/boule.md
    #[command(verbatim_doc_comment)]
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: NewKind,
        /// The file's name without extension, e.g. stickcafe or stod/ny-sida.
        name: String,
        /// The site's folder, with site.toml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Date the new file as if today were this date (YYYY-MM-DD) [default: today].
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
}

/// The kinds of file `omtanke new` makes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum NewKind {
    /// An activity: content/aktiviteter/NAME.toml.
    Activity,
    /// A page: content/NAME.md.
    Page,
    /// A bulletin-board post: content/anslagstavla/NAME.md.
    Post,
}

#[derive(Args)]
struct SiteArgs {
    /// The site's folder, with site.toml and content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Include pages and posts marked `draft = true`.
    #[arg(long)]
    drafts: bool,
    /// Build as if today were this date (YYYY-MM-DD), for reproducible output.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
}

impl SiteArgs {
    fn options(&self, output: Option<PathBuf>, base_url: Option<String>) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output,
            base_url,
            drafts: self.drafts,
            today: self.today,
        }
    }
}

fn main() -> ExitCode {
    // The language first, so that --help and every message speak it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    messages::set_language(&messages::cli::language_of(&args, "--root"));
    let command = messages::cli::localize(Cli::command(), &messages::cli::OMTANKE);
    let matches = messages::cli::matches_or_exit(command, args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Build { site, output, base_url } => {
            run_build(&site.options(output, base_url)).map_or(ExitCode::FAILURE, |_| ExitCode::SUCCESS)
        }
        Command::Check { site, external } => run_check(&CheckOptions {
            build: site.options(None, None),
            external,
        }),
        Command::Recheck { site, csv } => run_recheck(&site.options(None, None), csv.as_deref()),
        Command::New {
            kind,
            name,
            root,
            today,
        } => run_new(
            &root,
            kind,
            &name,
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
        ),
        Command::Serve {
            site,
            port,
            open,
            base_url,
        } => {
            let opts = site.options(None, base_url);
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("tokio runtime");
            // The site is built into memory; a site with errors is still served, showing them.
            let served = runtime.block_on(omtanke::serve::serve(opts, port, |addr| {
                eprintln!(
                    "{}",
                    omtanke::msg!("serve-listening", address = format!("http://{addr}/"))
                );
                if open {
                    let _ = std::process::Command::new("xdg-open")
                        .arg(format!("http://{addr}/"))
                        .spawn();
                }
            }));
            match served {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!(
                        "{}: {}",
                        omtanke::msg!("label-error"),
                        omtanke::msg!("serve-cannot-listen", port = port, reason = e.to_string())
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn run_check(opts: &CheckOptions) -> ExitCode {
    let diags = match check::check(opts) {
        Ok(d) => d,
        Err(Error::Content(d)) => d,
        Err(e) => {
            eprintln!("{}: {e}", omtanke::msg!("label-error"));
            return ExitCode::FAILURE;
        }
    };
    diagnostics::print(&diags);
    eprintln!("{}", check::summary(&diags));
    if check::has_errors(&diags) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_recheck(opts: &BuildOptions, csv: Option<&std::path::Path>) -> ExitCode {
    let loaded = omtanke::content::Site::load(
        &opts.root,
        &omtanke::content::LoadOptions {
            drafts: opts.drafts,
            today: opts.today,
        },
    );
    let site = match loaded {
        Ok(site) => site,
        Err(e) => {
            report(&e);
            return ExitCode::FAILURE;
        }
    };
    let list = omtanke::recheck::due(&site);
    if let Some(file) = csv {
        if let Err(e) = build::write_file(file, omtanke::recheck::csv(&list).as_bytes()) {
            eprintln!("{}: {}: {e}", omtanke::msg!("label-error"), file.display());
            return ExitCode::FAILURE;
        }
        eprintln!(
            "{}",
            omtanke::msg!("recheck-wrote", count = list.len(), file = file.display())
        );
    } else if list.is_empty() {
        println!(
            "{}",
            omtanke::msg!("recheck-nothing", days = site.config.recheck_after_days)
        );
    } else {
        for due in &list {
            println!("{}", omtanke::recheck::line(due));
        }
    }
    ExitCode::SUCCESS
}

fn run_new(root: &std::path::Path, kind: NewKind, name: &str, today: NaiveDate) -> ExitCode {
    let kind = match kind {
        NewKind::Activity => new::Kind::Activity,
        NewKind::Page => new::Kind::Page,
        NewKind::Post => new::Kind::Post,
    };
    match new::create(root, kind, name, today) {
        Ok(c) => {
            let shown = if root == std::path::Path::new(".") {
                c.path
            } else {
                root.join(&c.path)
            };
            println!("{}", omtanke::msg!("created-file", path = shown.display()));
            if let Some(note) = c.note {
                println!("{}", omtanke::msg!("created-note", note = note));
            }
            println!("{}", omtanke::msg!("created-next", url = c.url));
            ExitCode::SUCCESS
        }
        Err(e @ new::NewError::BadName { .. }) => {
            eprintln!("{}: {e}", omtanke::msg!("label-error"));
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("{}: {e}", omtanke::msg!("label-error"));
            ExitCode::FAILURE
        }
    }
}

/// Shows a spinner on a terminal when a build takes longer than a second, so a long build does
/// not look like a hung one; it is never drawn when stderr is not a terminal.
fn spinner_after_a_second() -> (std::sync::mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let handle = std::thread::spawn(move || {
        if !std::io::stderr().is_terminal() || wait.recv_timeout(std::time::Duration::from_secs(1)).is_ok() {
            return;
        }
        let bar = indicatif::ProgressBar::new_spinner().with_message(omtanke::msg!("progress-building"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        let _ = wait.recv();
        bar.finish_and_clear();
    });
    (done, handle)
}

fn run_build(opts: &BuildOptions) -> Option<build::BuildReport> {
    let started = Instant::now();
    let (done, spinner) = spinner_after_a_second();
    let result = build::build(opts);
    let _ = done.send(());
    let _ = spinner.join();
    match result {
        Ok(r) => {
            diagnostics::print(&r.warnings);
            eprintln!(
                "{}",
                omtanke::msg!(
                    "summary-built",
                    files = r.files,
                    output = r.output.display(),
                    ms = started.elapsed().as_millis() as u64
                )
            );
            Some(r)
        }
        Err(e) => {
            report(&e);
            None
        }
    }
}

fn report(e: &Error) {
    match e {
        Error::Content(diags) => {
            diagnostics::print(diags);
            let n = diags
                .iter()
                .filter(|d| d.severity == diagnostics::Severity::Error)
                .count();
            eprintln!("{}", omtanke::msg!("summary-build-failed", errors = n));
        }
        other => eprintln!(
            "{}: {}",
            omtanke::msg!("label-error"),
            omtanke::msg!("summary-build-failed-other", reason = other.to_string())
        ),
    }
}
