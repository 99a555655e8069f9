//! Watching the site's files: content/, site.toml, static/ and the site's own theme files.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long to wait for a burst of saves (an editor writing a temporary file, then renaming it)
/// to settle before rebuilding.
const SETTLE: Duration = Duration::from_millis(40);

/// Starts watching `root`; batches of changed paths arrive on the returned channel. The watcher
/// stops when the returned watcher is dropped.
pub fn watch(root: &Path) -> notify::Result<(RecommendedWatcher, mpsc::Receiver<Vec<PathBuf>>)> {
    let (raw_tx, raw_rx) = mpsc::channel::<PathBuf>();
    let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let original = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
        let Ok(event) = result else { return };
        // Reading files (the rebuild itself does) is not a change.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let rel = path
                .strip_prefix(&base)
                .or_else(|_| path.strip_prefix(&original))
                .map(Path::to_path_buf);
            if let Ok(rel) = rel
                && !is_noise(&rel)
            {
                let _ = raw_tx.send(original.join(rel));
            }
        }
    })?;
    for dir in ["content", "static", "themes"] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    // Watching site.toml itself misses editors that replace the file; watch its folder instead.
    watcher.watch(root, RecursiveMode::NonRecursive)?;

    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(first) = raw_rx.recv() {
            let mut batch = vec![first];
            while let Ok(more) = raw_rx.recv_timeout(SETTLE) {
                batch.push(more);
            }
            batch.sort();
            batch.dedup();
            if tx.send(batch).is_err() {
                return;
            }
        }
    });
    Ok((watcher, rx))
}

/// Paths (relative to the site) that never change the site: anything outside content/, static/,
/// themes/ and site.toml, hidden files, and editors' swap and backup files.
fn is_noise(rel: &Path) -> bool {
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let first = rel.iter().next().and_then(|c| c.to_str()).unwrap_or("");
    let watched = matches!(first, "content" | "static" | "themes") || rel == Path::new("site.toml");
    let hidden = rel.iter().any(|c| c.to_str().is_some_and(|s| s.starts_with('.')));
    !watched
        || hidden
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_count() {
        assert!(!is_noise(Path::new("content/stod/tips.md")));
        assert!(!is_noise(Path::new("site.toml")));
        assert!(!is_noise(Path::new("themes/omtanke/templates/page.html")));
        assert!(is_noise(Path::new("README.md")));
        assert!(is_noise(Path::new("public/index.html")));
        assert!(is_noise(Path::new("content/stod/.tips.md.swp")));
        assert!(is_noise(Path::new("content/stod/tips.md~")));
    }
}
