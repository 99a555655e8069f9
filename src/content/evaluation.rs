//! Loneliness-scale results per month (`content/data/utvardering/*.csv`), as the kiosk's staff
//! export writes them: only aggregates, never a single answer.
//!
//! ```text
//! manad,svar,medel_total,medel_emotionell,medel_social,inte_ensam,mattligt_ensam,mycket_ensam
//! 2026-10,14,2.9,1.4,1.5,5,7,2
//! ```

use serde::Serialize;

use super::csv_lines;
use crate::diagnostics::{Diagnostic, Source};

/// The folder below `content/` with the result files.
pub const FOLDER: &str = "data/utvardering";

/// Months with fewer responses than this are never shown.
pub const MIN_RESPONSES: u32 = 10;

/// The files' header, which the kiosk's `export-survey` writes.
pub const HEADER: &str = "manad,svar,medel_total,medel_emotionell,medel_social,inte_ensam,mattligt_ensam,mycket_ensam";

/// One month's aggregates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Month {
    /// `2026-10`.
    pub month: String,
    /// Responses.
    pub responses: u32,
    /// Mean total score (0–6).
    pub mean_total: f64,
    /// Mean emotional score (0–3).
    pub mean_emotional: f64,
    /// Mean social score (0–3).
    pub mean_social: f64,
    /// Responses in the bands not lonely, moderately lonely, severely lonely.
    pub bands: [u32; 3],
}

/// Parses a result file; months under [`MIN_RESPONSES`] are left out, and bad lines reported.
pub fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Vec<Month> {
    let mut out = vec![];
    let help = crate::msg!("evaluation-header-help", header = HEADER);
    let Some(lines) = csv_lines::lines(src, HEADER, &help, diags) else {
        return out;
    };
    for (span, f) in lines {
        let month_ok = f
            .first()
            .is_some_and(|m| chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").is_ok());
        let nums: Option<Vec<f64>> = (f.len() == 8)
            .then(|| f[1..].iter().map(|v| v.parse::<f64>().ok()).collect())
            .flatten();
        let (Some(n), true) = (nums, month_ok) else {
            diags.push(
                Diagnostic::error(src, Some(span), crate::msg!("evaluation-bad-line"))
                    .help(crate::msg!("evaluation-bad-line-help")),
            );
            continue;
        };
        let responses = n[0] as u32;
        if responses < MIN_RESPONSES {
            continue;
        }
        out.push(Month {
            month: f[0].to_string(),
            responses,
            mean_total: n[1],
            mean_emotional: n[2],
            mean_social: n[3],
            bands: [n[4] as u32, n[5] as u32, n[6] as u32],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_months_are_left_out_and_bad_lines_named() {
        let src = Source::new(
            "content/data/utvardering/pratcafe.csv",
            "manad,svar,medel_total,medel_emotionell,medel_social,inte_ensam,mattligt_ensam,mycket_ensam\n2026-09,9,3.0,1.5,1.5,3,4,2\n2026-10,10,2.5,1.2,1.3,4,5,1\n2026-13,12,1,1,1,1,1,1\n",
        );
        let mut diags = vec![];
        let months = parse(&src, &mut diags);
        assert_eq!(months.len(), 1, "nine responses are not enough to show");
        assert_eq!(months[0].month, "2026-10");
        assert_eq!(months[0].bands, [4, 5, 1]);
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0]
                .to_string()
                .starts_with("content/data/utvardering/pratcafe.csv:4:1: error:"),
            "{}",
            diags[0]
        );
    }
}
