//! Bar charts as SVG, drawn at build time so they need no JavaScript. Every chart is shown next
//! to a table with the same numbers, which is what screen readers read; the chart itself is one
//! image with a short description.

use std::fmt::Write;

/// A bar chart of `values` (none = suppressed, no bar) labelled with `labels`.
pub fn bars(description: &str, labels: &[String], values: &[Option<u64>]) -> String {
    let n = values.len().max(1);
    let (width, height, top, bottom) = (640.0_f64, 220.0_f64, 24.0_f64, 28.0_f64);
    let slot = width / n as f64;
    let bar = (slot * 0.7).max(2.0);
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(description),
        escape(description)
    );
    let _ = write!(
        svg,
        r##"<line x1="0" y1="{0}" x2="{width}" y2="{0}" stroke="#1d1d1b" stroke-width="1"/>"##,
        height - bottom
    );
    let label_every = (n / 16).max(1);
    for (i, (label, value)) in labels.iter().zip(values).enumerate() {
        let x = i as f64 * slot + (slot - bar) / 2.0;
        if let Some(v) = value {
            let h = (*v as f64 / max) * (height - top - bottom);
            let y = height - bottom - h;
            let _ = write!(
                svg,
                r##"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" fill="#0b5560"/>"##
            );
            if n <= 31 {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#1d1d1b">{v}</text>"##,
                    x + bar / 2.0,
                    y - 4.0
                );
            }
        }
        if i % label_every == 0 {
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#1d1d1b">{}</text>"##,
                x + bar / 2.0,
                height - bottom + 16.0,
                escape(label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_and_skip_suppressed_values() {
        let svg = bars(
            "Besök per timme",
            &["12".into(), "13".into(), "14".into()],
            &[Some(10), None, Some(5)],
        );
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(r#"role="img" aria-label="Besök per timme""#));
        assert!(svg.contains(">10</text>"));
    }
}
