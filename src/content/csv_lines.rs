//! The small CSV files under `content/data/`: a fixed header line, then comma-separated fields.
//! Only the reading of lines with their positions lives here; each kind of file checks its own
//! fields, so every message still names the file and line.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Source};

/// The data lines after a header: each line's byte span (for messages) and its trimmed fields.
/// Blank lines are skipped. When the first line is not `header`, that is reported with `help`
/// and `None` is returned.
pub fn lines<'a>(
    src: &'a Source,
    header: &str,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(Range<usize>, Vec<&'a str>)>> {
    let mut lines = src.text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim().trim_start_matches('\u{feff}') != header {
        diags.push(
            Diagnostic::error(
                src,
                Some(0..first.trim_end().len()),
                crate::msg!("content-csv-wrong-header"),
            )
            .help(help.to_string()),
        );
        return None;
    }
    let mut offset = first.len();
    let mut out = vec![];
    for line in lines {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let text = line.trim();
        if !text.is_empty() {
            out.push((span, text.split(',').map(str::trim).collect()));
        }
    }
    Some(out)
}
