//! Bar charts as SVG, drawn on the server so they need no JavaScript: the site's statistics and
//! evaluation pages and the kiosk's staff overview draw them here. Every chart is shown next to a
//! table with the same numbers, which is what screen readers read; the chart itself is one image
//! with a short description.
//!
//! Colours and sizes are presentation attributes, so a chart looks right on a page without any
//! style sheet; the classes (`chart-bar`, `chart-bar-current`, `chart-value`, `chart-label`,
//! `chart-label-current`, `chart-axis`) let a page's CSS restyle it.

use std::fmt::Write;

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The text under the bar (an hour, a weekday, a month).
    pub label: String,
    /// The number; `None` draws no bar and no number (a value suppressed for privacy).
    pub value: Option<u64>,
    /// Highlighted: the hour or day it is now.
    pub current: bool,
}

impl Bar {
    /// A bar that is not highlighted.
    pub fn new(label: impl Into<String>, value: Option<u64>) -> Bar {
        Bar {
            label: label.into(),
            value,
            current: false,
        }
    }
}

/// The size a chart is drawn at: its coordinate box and the size of its text in the same units.
/// Margins, how many labels fit and where they stand all follow from these.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width of the drawing.
    pub width: u32,
    /// Height of the drawing.
    pub height: u32,
    /// Height of the numbers and labels.
    pub font: u32,
}

/// For a web page read at arm's length (the site's statistics and evaluation).
pub const PAGE: Size = Size {
    width: 640,
    height: 220,
    font: 11,
};

/// For a touch screen read standing up (the kiosk's staff overview): large text.
pub const SCREEN: Size = Size {
    width: 720,
    height: 260,
    font: 22,
};

const INK: &str = "#1d1d1b";
const BAR: &str = "#0b5560";
const BAR_CURRENT: &str = "#e3a33b";

/// A bar chart of `bars`, described by `description` (its accessible name).
pub fn bars(description: &str, bars: &[Bar], size: Size) -> String {
    let (width, height, font) = (f64::from(size.width), f64::from(size.height), f64::from(size.font));
    // Room above the bars for their numbers, below for the labels, and at the sides so that the
    // outermost labels (half as wide as the longest, about) are not cut off.
    let longest_label = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(1);
    let (top, bottom) = (font * 1.6, font * 2.0);
    let side = (font * 0.6).max(longest_label as f64 * 0.3 * font);
    let plot = height - top - bottom;
    let baseline = top + plot;
    let n = bars.len().max(1);
    let slot = (width - 2.0 * side) / n as f64;
    let w = (slot * 0.7).min(font * 3.3);
    let max = bars.iter().filter_map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    // Text is about 0.6 of its height wide per character; a label or number goes under or
    // over every bar while they fit side by side with a little room, labels otherwise under
    // every n-th bar, numbers not at all (the table has them).
    let room = |chars: usize| (chars as f64 * 0.6 + 0.4) * font;
    let fits = |chars: usize| (((width - 2.0 * side) / room(chars)) as usize).max(1);
    let step = n.div_ceil(fits(longest_label));
    let longest_value = bars.iter().filter_map(|b| b.value).map(|v| v.to_string().len()).max();
    let show_values = n <= fits(longest_value.unwrap_or(1));

    let description = escape(description);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-label="{description}" viewBox="0 0 {} {}" width="{}" height="{}" preserveAspectRatio="xMinYMin meet" font-family="system-ui, 'Noto Sans', Arial, sans-serif" font-size="{}" xmlns="http://www.w3.org/2000/svg"><title>{description}</title>"#,
        size.width, size.height, size.width, size.height, size.font
    );
    let _ = write!(
        svg,
        r#"<line class="chart-axis" x1="0" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="{}"/>"#,
        tenths(baseline),
        size.width,
        tenths(baseline),
        (font / 11.0).max(1.0)
    );
    for (i, bar) in bars.iter().enumerate() {
        let cx = side + slot * i as f64 + slot / 2.0;
        let current = if bar.current { " chart-bar-current" } else { "" };
        if let Some(value) = bar.value.filter(|v| *v > 0) {
            let h = (value as f64 / max * plot).max(2.0);
            let _ = write!(
                svg,
                r#"<rect class="chart-bar{current}" x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>"#,
                tenths(cx - w / 2.0),
                tenths(baseline - h),
                tenths(w),
                tenths(h),
                if bar.current { BAR_CURRENT } else { BAR }
            );
            if show_values {
                let _ = write!(
                    svg,
                    r#"<text class="chart-value" x="{}" y="{}" text-anchor="middle" font-weight="700" fill="{INK}">{value}</text>"#,
                    tenths(cx),
                    tenths(baseline - h - font * 0.4),
                );
            }
        }
        if i % step == 0 {
            let (class, weight) = if bar.current {
                (" chart-label-current", r#" font-weight="700""#)
            } else {
                ("", "")
            };
            let _ = write!(
                svg,
                r#"<text class="chart-label{class}" x="{}" y="{}" text-anchor="middle"{weight} fill="{INK}">{}</text>"#,
                tenths(cx),
                tenths(baseline + font * 1.4),
                escape(&bar.label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Coordinates to a tenth of a unit, which keeps the SVG short.
fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
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

    fn numbers(svg: &str, class: &str) -> Vec<String> {
        svg.split(&format!(r#"class="{class}""#))
            .skip(1)
            .map(|rest| {
                let start = rest.find('>').unwrap() + 1;
                rest[start..rest.find("</text>").unwrap()].to_string()
            })
            .collect()
    }

    #[test]
    fn bars_scale_and_skip_suppressed_and_empty_values() {
        let svg = bars(
            "Besök per timme",
            &[
                Bar::new("12", Some(10)),
                Bar::new("13", None),
                Bar::new("14", Some(5)),
                Bar::new("15", Some(0)),
            ],
            PAGE,
        );
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(r#"role="img" aria-label="Besök per timme""#));
        assert_eq!(numbers(&svg, "chart-value"), ["10", "5"]);
        assert_eq!(numbers(&svg, "chart-label"), ["12", "13", "14", "15"]);
        // The larger value has the taller bar, and both stand on the same baseline.
        let heights: Vec<f64> = svg
            .split(r#"height=""#)
            .skip(2)
            .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
            .collect();
        assert!(
            heights[0] > heights[1] * 1.9 && heights[0] < heights[1] * 2.1,
            "{heights:?}"
        );
    }

    #[test]
    fn the_current_bar_is_highlighted() {
        let mut now = Bar::new("14", Some(3));
        now.current = true;
        let svg = bars("Besök i dag", &[Bar::new("13", Some(2)), now], SCREEN);
        assert_eq!(svg.matches("chart-bar-current").count(), 1);
        assert!(svg.contains(&format!(r#"fill="{BAR_CURRENT}""#)));
        assert_eq!(numbers(&svg, "chart-label chart-label-current"), ["14"]);
    }

    #[test]
    fn many_bars_label_every_nth_and_drop_numbers() {
        let many: Vec<Bar> = (1..=31).map(|d| Bar::new(d.to_string(), Some(d))).collect();
        let svg = bars("Besök per dag", &many, SCREEN);
        assert!(numbers(&svg, "chart-value").is_empty());
        let odd: Vec<String> = (1..=31).step_by(2).map(|d| d.to_string()).collect();
        assert_eq!(numbers(&svg, "chart-label"), odd);
        // On a page, with smaller text, every day gets its label and its number.
        let svg = bars("Besök per dag", &many, PAGE);
        assert_eq!(numbers(&svg, "chart-label").len(), 31);
        assert_eq!(numbers(&svg, "chart-value").len(), 31);
        // Long labels (months with their year) leave room between them.
        let months: Vec<Bar> = (1..=12).map(|m| Bar::new(format!("mars 20{m:02}"), Some(m))).collect();
        assert_eq!(numbers(&bars("Per månad", &months, SCREEN), "chart-label").len(), 4);
    }

    #[test]
    fn text_is_escaped() {
        let svg = bars("A < B & \"C\"", &[Bar::new("<b>", Some(1))], PAGE);
        assert!(svg.contains("A &lt; B &amp; &quot;C&quot;"));
        assert!(svg.contains("&lt;b&gt;"));
        assert!(!svg.contains("<b>"));
    }
}
