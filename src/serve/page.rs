//! What the dev server adds to pages: the live-reload script, a notice while the content has
//! errors, and the error page itself.

use crate::diagnostics::{self, Diagnostic};

/// Listens for "reload" from the server and reloads the page; in serve mode only.
const RELOAD: &str = r#"<script>(function(){var s=new EventSource("/__omtanke/events");s.addEventListener("reload",function(){location.reload()});})();</script>"#;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a string");
    out
}

/// A page with the reload script and, while the content has errors, a notice at the top.
pub fn inject(page: &[u8], errors: &[&Diagnostic]) -> String {
    let page = String::from_utf8_lossy(page);
    let mut out = page.into_owned();
    if let Some(i) = out.rfind("</body>") {
        out.insert_str(i, RELOAD);
    } else {
        out.push_str(RELOAD);
    }
    if !errors.is_empty() {
        let first = escape(&errors[0].to_string());
        let notice = format!(
            r#"<div role="alert" style="background:#fdecea;color:#1d1d1b;border-bottom:4px solid #b3261e;padding:0.75rem 1rem;font:1rem/1.5 system-ui,sans-serif"><strong>Det finns fel i innehållet.</strong> Sidan visar den senaste fungerande versionen. {first}{}</div>"#,
            if errors.len() > 1 {
                format!(" (och {} till)", errors.len() - 1)
            } else {
                String::new()
            }
        );
        if let Some(i) = out.find("<body>") {
            out.insert_str(i + "<body>".len(), &notice);
        }
    }
    out
}

/// The page shown instead of a page whose file has errors.
pub fn errors(errors: &[&Diagnostic]) -> String {
    let items: String = errors
        .iter()
        .map(|d| format!("<li><pre>{}</pre></li>", escape(&diagnostics::render_plain(d))))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fel i innehållet</title>
<style>body{{font:1.1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1b}}h1{{color:#b3261e}}pre{{background:#f5f1ea;padding:1rem;overflow-x:auto;white-space:pre-wrap}}li{{list-style:none}}ul{{padding:0}}</style></head>
<body>
<main>
<h1>Fel i innehållet</h1>
<p>Sidan kan inte visas förrän felet är rättat. Rätta filen och spara den: sidan laddas om av sig själv.</p>
<ul>{items}</ul>
</main>
{RELOAD}
</body>
</html>
"#
    )
}
