//! QR codes as inline SVG, for what people print (referral cards, posters, table cards): a phone
//! camera turns the paper back into the page's address. The `qrcode` crate encodes; the drawing
//! is one `<path>` of horizontal runs, a few kilobytes, with the quiet zone the standard asks for.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin on each side (ISO/IEC 18004 asks for four).
const QUIET: usize = 4;

/// An inline `<svg>` of a QR code for the absolute URL `url`, labelled for screen readers with
/// `label`; none when the URL is too long for any QR code.
pub fn svg(url: &str, label: &str) -> Option<String> {
    // A QR code's bytes carry no character set, and readers guess (zbar reads UTF-8 "ö" as
    // Shift JIS): a URL with Swedish letters is encoded as ASCII, as browsers send it.
    let text = url::Url::parse(url).map_or_else(|_| url.to_string(), String::from);
    // Medium error correction survives a crease or a coffee ring on a card.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    let mut path = String::with_capacity(width * width);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        r##"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" aria-label="{}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##,
        escape(label)
    ))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_one_path_with_a_quiet_zone_and_a_label() {
        let svg = svg("https://example.org/omtanke/aktiviteter/fika/", "QR-kod till \"Fika\"").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(svg.contains("aria-label=\"QR-kod till &quot;Fika&quot;\""));
        // No dark module in the quiet zone: every run starts at 4 or more.
        let d = svg.split(" d=\"").nth(1).unwrap();
        assert!(d.split('M').skip(1).all(|m| {
            let mut xy = m.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
            let (x, y): (usize, usize) = (xy.next().unwrap().parse().unwrap(), xy.next().unwrap().parse().unwrap());
            x >= QUIET && y >= QUIET
        }));
    }

    #[test]
    fn text_too_long_for_a_code_gives_none() {
        assert!(svg(&format!("https://example.org/{}", "x".repeat(5000)), "").is_none());
    }
}
