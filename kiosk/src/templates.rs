//! The kiosk's page templates, compiled into the binary.

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The loaded templates.
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// Loads the embedded templates.
    pub fn load() -> anyhow::Result<Templates> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        // The website theme's components (its form field) first: the kiosk's pages use them.
        let mut files = omtanke::render::templates::components();
        files.extend(TEMPLATES.files().map(|f| {
            (
                f.path().to_string_lossy().into_owned(),
                String::from_utf8_lossy(f.contents()).into_owned(),
            )
        }));
        tera.add_raw_templates(files)
            .map_err(|e| anyhow::anyhow!("templates: {e}"))?;
        Ok(Templates { tera })
    }

    /// Renders a page; a template error becomes a plain error page rather than a crash.
    pub fn render(&self, name: &str, ctx: &Context) -> String {
        self.tera.render(name, ctx).unwrap_or_else(|e| {
            tracing::error!(template = name, error = %e, "template failed");
            "<!DOCTYPE html><html lang=\"sv\"><title>Fel</title><h1>Något gick fel</h1><p><a href=\"/\">Tillbaka</a></p></html>".into()
        })
    }
}
