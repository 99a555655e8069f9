//! `omtanke build`: load, render, and write the site so that the output folder is replaced in one
//! step and only when everything succeeded.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::content::{LoadOptions, Site};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::output::{self, Body, OutputFile};
use crate::render::templates::Theme;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (with `site.toml` and `content/`).
    pub root: PathBuf,
    /// Where to write; `root/public` when not given.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.toml (for previews on another host).
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// "Today", fixed for reproducible builds; the current date when not given.
    pub today: Option<NaiveDate>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The folder written.
    pub output: PathBuf,
    /// Number of files written.
    pub files: usize,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
}

impl BuildOptions {
    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// Loads and renders the site without writing anything.
pub fn render(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>)> {
    let mut site = Site::load(
        &opts.root,
        &LoadOptions {
            drafts: opts.drafts,
            today: opts.today,
        },
    )?;
    if let Some(url) = &opts.base_url {
        site.config.base_url = url.trim_end_matches('/').to_string();
    }
    let theme = Theme::load(&opts.root)?;
    let files = output::render_site(&site, &theme)?;
    check_unique(&files)?;
    Ok((site, files))
}

/// Builds the site into its output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let out = opts.output_dir();
    guard_output(&opts.root, &out)?;
    let (site, files) = render(opts)?;
    write_atomically(&out, &files)?;
    Ok(BuildReport {
        output: out,
        files: files.len(),
        warnings: site.warnings,
    })
}

fn check_unique(files: &[OutputFile]) -> Result<()> {
    let mut seen = HashSet::new();
    let clashes: Vec<Diagnostic> = files
        .iter()
        .filter(|f| !seen.insert(f.path.as_str()))
        .map(|f| {
            let what = match &f.body {
                Body::Copy(p) => p.display().to_string(),
                _ => "a generated file".to_string(),
            };
            Diagnostic::file_error(
                Path::new(&f.path),
                format!("{what} would be written to {}, which another file already uses", f.path),
            )
            .help("rename the file so that it does not share its address with a page the site generates")
        })
        .collect();
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(clashes))
    }
}

/// Refuses output folders whose replacement would destroy the site itself.
fn guard_output(root: &Path, out: &Path) -> Result<()> {
    let abs =
        |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    let (root, out_abs) = (abs(root), abs(out));
    let unsafe_target =
        root.starts_with(&out_abs) || out_abs.join("site.toml").exists() || out_abs.join("content").is_dir();
    if unsafe_target {
        return Err(Error::io(
            out,
            std::io::Error::other(
                "refusing to replace this folder: it holds the site itself; choose an output folder such as public/",
            ),
        ));
    }
    Ok(())
}

/// Writes all files into a fresh folder beside `out`, then swaps it in. On any failure the fresh
/// folder is removed and `out` is left exactly as it was.
pub fn write_atomically(out: &Path, files: &[OutputFile]) -> Result<()> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let name = out
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let tmp = parent.join(format!(".{name}.new-{}-{stamp}", std::process::id()));
    let result = write_all(&tmp, files).and_then(|()| swap_in(&tmp, out));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<()> {
    fs::create_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
    }
    files.par_iter().try_for_each(|f| {
        let target = dir.join(&f.path);
        match &f.body {
            Body::Bytes(b) => fs::write(&target, b),
            Body::Embedded(b) => fs::write(&target, b),
            Body::Copy(src) => fs::copy(src, &target).map(|_| ()),
        }
        .map_err(|e| match &f.body {
            Body::Copy(src) => Error::io(src, e),
            _ => Error::io(&target, e),
        })
    })
}

fn swap_in(new: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        return fs::rename(new, out).map_err(|e| Error::io(out, e));
    }
    if exchange(new, out).is_ok() {
        // `new` now holds the previous output.
        let _ = fs::remove_dir_all(new);
        return Ok(());
    }
    let old = new.with_extension("old");
    fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = fs::rename(new, out) {
        let _ = fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two paths in one step where the system can (Linux `renameat2` with `RENAME_EXCHANGE`),
/// so no reader ever sees the output folder missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths; the call only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}
