//! The Atom feeds, read back by feedparser (installed by .ci/run).

mod common;

use common::{build, fixture, python_check, read, repo, stderr};

fn feedparser(out: &std::path::Path, base: &str, news: usize, posts: usize) {
    let (news, posts) = (news.to_string(), posts.to_string());
    python_check(
        "check_feeds.py",
        &[out.as_os_str(), base.as_ref(), news.as_ref(), posts.as_ref()],
    );
}

#[test]
fn news_and_board_feeds_parse() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    let o = build(&repo(), &real, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // As many entries as the content has news and posts (editors add and remove them).
    let count = |folder: &str| {
        std::fs::read_dir(repo().join("content").join(folder))
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
                    .filter(|e| !e.file_name().to_string_lossy().starts_with("_index"))
                    .filter(|e| !std::fs::read_to_string(e.path()).unwrap().contains("draft = true"))
                    .count()
            })
            .unwrap_or(0)
    };
    feedparser(
        &real,
        "https://omtanke.helsingborg.example",
        count("nyheter"),
        count("anslagstavla"),
    );

    let good = tmp.path().join("good");
    assert!(build(&fixture("good"), &good, "2026-11-26", &[]).status.success());
    feedparser(&good, "https://test.example.se", 1, 1);
    let board = read(&good, "anslagstavla/atom.xml");
    assert!(board.contains("<author><name>Anna</name></author>"), "{board}");
    assert!(
        board.contains("&amp;lt;script&amp;gt;"),
        "the resident's script stays text, escaped once more for XML"
    );
}
