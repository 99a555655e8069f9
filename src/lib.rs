//! Omtanke: a static site generator for the Omtanke Helsingborg site.
//!
//! The pipeline runs one way: [`content::Site::load`] reads and validates everything into an
//! immutable [`content::Site`]; [`output`] turns it into a list of files; [`build`] writes them
//! into a fresh folder and swaps it in only when everything succeeded.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod error;
pub mod markdown;
pub mod messages;
pub mod new;
pub mod output;
pub mod recheck;
pub mod render;
pub mod schedule;
#[cfg(feature = "serve")]
pub mod serve;
pub mod suggestion;
pub mod toml_doc;
pub mod vocabulary;

pub use error::{Error, Result};
