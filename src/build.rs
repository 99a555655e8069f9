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
            let message = match &f.body {
                Body::Copy(p) => crate::msg!("build-clash-copy", file = p.display(), path = &f.path),
                _ => crate::msg!("build-clash-generated", path = &f.path),
            };
            Diagnostic::file_error(Path::new(&f.path), message).help(crate::msg!("build-clash-help"))
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
            std::io::Error::other(crate::msg!("build-refusing-to-replace")),
        ));
    }
    Ok(())
}

/// Writes one file whole or not at all: beside it first (`.NAME.partial`), onto the disk, then
/// renamed into place, so a reader (a web host, a spreadsheet, the site's build) never meets a
/// half-written file. For the reports the programs write: `omtanke recheck --csv`, the kiosk's
/// exports.
pub fn write_file(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = file.with_file_name(format!(".{name}.partial"));
    let mut out = std::fs::File::create(&tmp)?;
    out.write_all(bytes)?;
    out.sync_all()?;
    std::fs::rename(&tmp, file)
}

/// Writes all files into a fresh folder beside `out`, then swaps it in. On any failure the fresh
/// folder is removed and `out` is left exactly as it was.
///
/// The output it replaces is kept beside it as `.NAME.spare` (e.g. `.public.spare`), and the next
/// build reuses that folder for its new tree instead of creating one from nothing: it only
/// changes what differs, so a rebuild creates and deletes hardly any files or folders. (Creating
/// and deleting some 20,000 inodes per build of a large site was most of its time on ext4.)
/// Unchanged files are hard links to the live output's, so the spare costs little disk space; a
/// file is never written through such a link, only replaced, so the live output is never touched.
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
    let spare = parent.join(format!(".{name}.spare"));
    // Claiming the spare by renaming it makes it ours alone, even with two builds at once.
    let written = if fs::rename(&spare, &tmp).is_ok() {
        sync_tree(&tmp, files, out)
    } else {
        write_all(&tmp, files, out)
    };
    let result = written.and_then(|()| swap_in(&tmp, out, &spare));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Writes `files` below `dir`. A generated file whose bytes are the same as the file at its path in
/// the previous output `prev` is hard-linked to it instead of written again: the new tree stays
/// complete and separate (the previous one is removed after the swap, which then only drops a
/// link), but most files of a rebuild cost no new inode, no data blocks and no freeing of the old
/// ones, which on ext4 is most of the time of writing a large site.
fn write_all(dir: &Path, files: &[OutputFile], prev: &Path) -> Result<()> {
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
            Body::Bytes(b) => write_or_link(&target, b, &prev.join(&f.path)),
            Body::Embedded(b) => write_or_link(&target, b, &prev.join(&f.path)),
            Body::Copy(src) => fs::copy(src, &target).map(|_| ()),
        }
        .map_err(|e| match &f.body {
            Body::Copy(src) => Error::io(src, e),
            _ => Error::io(&target, e),
        })
    })
}

/// Hard-links `target` to `old` when `old` is a regular file with exactly `bytes`, else writes it.
fn write_or_link(target: &Path, bytes: &[u8], old: &Path) -> std::io::Result<()> {
    if same_bytes(old, bytes) && fs::hard_link(old, target).is_ok() {
        return Ok(());
    }
    fs::write(target, bytes)
}

fn same_bytes(file: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(file).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(file).is_ok_and(|b| b == bytes)
}

/// Turns `dir`, an earlier output (the spare), into exactly `files`: removes what is not wanted,
/// adds missing folders, and replaces every file whose bytes differ. A file that is already the
/// live output's file (the same inode) with the right bytes is left alone; one that differs is
/// removed first and then written or linked, so nothing is ever written through a hard link.
fn sync_tree(dir: &Path, files: &[OutputFile], prev: &Path) -> Result<()> {
    let wanted: HashSet<PathBuf> = files.iter().map(|f| dir.join(&f.path)).collect();
    let mut wanted_dirs: HashSet<PathBuf> = HashSet::new();
    for f in &wanted {
        let mut p = f.parent();
        while let Some(d) = p.filter(|d| d.starts_with(dir) && *d != dir) {
            if !wanted_dirs.insert(d.to_path_buf()) {
                break;
            }
            p = d.parent();
        }
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        let (path, kind) = (entry.path(), entry.file_type());
        let keep = if kind.is_dir() {
            wanted_dirs.contains(path)
        } else {
            kind.is_file() && wanted.contains(path)
        };
        if !keep {
            if kind.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            }
            .map_err(|e| Error::io(path, e))?;
        }
    }
    let mut dirs: Vec<&PathBuf> = wanted_dirs.iter().collect();
    dirs.sort();
    for d in dirs {
        if !d.is_dir() {
            fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
        }
    }
    files.par_iter().try_for_each(|f| {
        let target = dir.join(&f.path);
        let old = prev.join(&f.path);
        let result = match &f.body {
            Body::Bytes(b) => replace(&target, b, &old),
            Body::Embedded(b) => replace(&target, b, &old),
            Body::Copy(src) => remove_if_present(&target).and_then(|()| fs::copy(src, &target).map(|_| ())),
        };
        result.map_err(|e| match &f.body {
            Body::Copy(src) => Error::io(src, e),
            _ => Error::io(&target, e),
        })
    })
}

/// Makes `target` a file with `bytes`, linked to `old` (the live output's) where that has them.
fn replace(target: &Path, bytes: &[u8], old: &Path) -> std::io::Result<()> {
    if same_inode(target, old) && same_bytes(old, bytes) {
        return Ok(());
    }
    remove_if_present(target)?;
    write_or_link(target, bytes, old)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Puts `new` in the place of `out`; the previous output becomes the spare for the next build.
fn swap_in(new: &Path, out: &Path, spare: &Path) -> Result<()> {
    if !out.exists() {
        return fs::rename(new, out).map_err(|e| Error::io(out, e));
    }
    if exchange(new, out).is_ok() {
        // `new` now holds the previous output.
        keep_as_spare(new, spare);
        return Ok(());
    }
    let old = new.with_extension("old");
    fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = fs::rename(new, out) {
        let _ = fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    keep_as_spare(&old, spare);
    Ok(())
}

/// Keeps the previous output for the next build to reuse; removes it if that is not possible.
fn keep_as_spare(old: &Path, spare: &Path) {
    if fs::rename(old, spare).is_err() {
        let _ = fs::remove_dir_all(old);
    }
}

/// Swaps two paths in one step where the system can (Linux `renameat2` with `RENAME_EXCHANGE`),
/// so no reader ever sees the output folder missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<OutputFile> {
        list.iter()
            .map(|(p, b)| OutputFile::bytes(*p, b.as_bytes().to_vec()))
            .collect()
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                let body = if e.file_type().is_file() {
                    fs::read_to_string(e.path()).unwrap()
                } else {
                    "/".into()
                };
                (rel, body)
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn rebuilds_through_the_spare_give_exactly_the_new_files_and_never_touch_the_live_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let builds = [
            files(&[
                ("index.html", "hem"),
                ("a/index.html", "a"),
                ("b/c/index.html", "c"),
                ("x.css", "x"),
            ]),
            files(&[("index.html", "hem 2"), ("a/index.html", "a"), ("b/index.html", "b")]),
            files(&[
                ("index.html", "hem 2"),
                ("a", "a is a file now"),
                ("b/c/index.html", "c"),
            ]),
            files(&[
                ("index.html", "hem 3"),
                ("a/index.html", "a"),
                ("b/c/index.html", "c 2"),
            ]),
        ];
        for (i, set) in builds.iter().enumerate() {
            let before = out.exists().then(|| tree(&out));
            write_atomically(&out, set).unwrap();
            let mut expected: Vec<(String, String)> = set
                .iter()
                .map(|f| match &f.body {
                    Body::Bytes(b) => (f.path.clone(), String::from_utf8(b.clone()).unwrap()),
                    _ => unreachable!(),
                })
                .collect();
            for f in set {
                let mut p = Path::new(&f.path).parent();
                while let Some(d) = p.filter(|d| !d.as_os_str().is_empty()) {
                    expected.push((d.to_string_lossy().into_owned(), "/".into()));
                    p = d.parent();
                }
            }
            expected.sort();
            expected.dedup();
            assert_eq!(tree(&out), expected, "build {i}");
            if let Some(before) = before {
                assert_eq!(
                    tree(&tmp.path().join(".public.spare")),
                    before,
                    "the spare is the previous output"
                );
            }
        }
        let names: Vec<String> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| n == "public" || n == ".public.spare"), "{names:?}");
    }
}
