//! Reading the QR codes of printed pages back with an independent decoder (zbar's `zbarimg`).

use std::path::Path;
use std::process::Command;

/// The QR code's SVG path, drawn as a black-and-white PGM image (8 pixels a module), as a
/// printer would put it on paper.
fn rasterise(svg: &str, file: &Path) {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a square viewBox");
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let scale = 8;
    let mut dark = vec![false; size * size];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        // "x yhWv1h-Wz"
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split('v').next().unwrap().parse().unwrap();
        for i in x..x + w {
            dark[y * size + i] = true;
        }
    }
    let px = size * scale;
    let mut pgm = format!("P5\n{px} {px}\n255\n").into_bytes();
    for row in 0..px {
        for col in 0..px {
            pgm.push(if dark[(row / scale) * size + col / scale] {
                0
            } else {
                255
            });
        }
    }
    std::fs::write(file, pgm).unwrap();
}

/// What zbarimg reads in the first QR code of a page.
pub fn decode(card: &str, tmp: &Path) -> String {
    let svg = card
        .split("<svg class=\"qr\"")
        .nth(1)
        .map(|rest| format!("<svg class=\"qr\"{}", rest.split("</svg>").next().unwrap()))
        .expect("the card has a QR code");
    let image = tmp.join("qr.pgm");
    rasterise(&svg, &image);
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&image)
        .output()
        .expect("zbarimg runs (Debian's zbar-tools; .ci/run installs it)");
    assert!(
        out.status.success(),
        "zbarimg: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}
