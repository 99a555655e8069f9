//! The `omtanke` command line: parsing and dispatch only.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use omtanke::build::{self, BuildOptions};
use omtanke::diagnostics;
use omtanke::error::Error;

/// Omtanke: builds the Omtanke Helsingborg website from Markdown pages and TOML activity files.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    },
    /// Check the content without writing anything; exit 1 if there are errors.
    ///
    /// Example:
    ///   omtanke check --root .
    #[command(verbatim_doc_comment)]
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
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
    let cli = Cli::parse();
    match cli.command {
        Command::Build { site, output, base_url } => {
            run_build(&site.options(output, base_url)).map_or(ExitCode::FAILURE, |_| ExitCode::SUCCESS)
        }
        Command::Check { site } => match build::render(&site.options(None, None)) {
            Ok((s, files)) => {
                diagnostics::print(&s.warnings);
                eprintln!("No errors: {} pages and files would be written.", files.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                report(&e);
                ExitCode::FAILURE
            }
        },
        Command::Serve { site, port, open } => {
            let opts = site.options(None, None);
            let Some(report) = run_build(&opts) else {
                return ExitCode::FAILURE;
            };
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("tokio runtime");
            let served = runtime.block_on(omtanke::serve::serve_dir(report.output, port, |addr| {
                eprintln!("Serving the site at http://{addr}/ — press Ctrl-C to stop.");
                if open {
                    let _ = std::process::Command::new("xdg-open")
                        .arg(format!("http://{addr}/"))
                        .spawn();
                }
            }));
            match served {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot serve on port {port}: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn run_build(opts: &BuildOptions) -> Option<build::BuildReport> {
    let started = Instant::now();
    match build::build(opts) {
        Ok(r) => {
            diagnostics::print(&r.warnings);
            eprintln!(
                "Built {} files into {} in {} ms.",
                r.files,
                r.output.display(),
                started.elapsed().as_millis()
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
            eprintln!("{n} error{} found; nothing was written.", if n == 1 { "" } else { "s" });
        }
        other => eprintln!("error: {other}; nothing was written."),
    }
}
