//! Turning content into HTML: Markdown, the theme's templates, and the view models templates see.

pub mod chart;
pub mod i18n;
pub mod jsonld;
pub mod links;
pub mod qr;
pub mod templates;
pub mod view;
