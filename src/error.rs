//! The errors the library returns to its callers.

use std::path::PathBuf;

use crate::diagnostics::Diagnostic;

/// Why a site could not be loaded or built.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content has problems an editor must fix; every one found is listed.
    #[error("{}", crate::msg!("error-content", errors = .0.iter().filter(|d| d.severity == crate::diagnostics::Severity::Error).count()))]
    Content(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A template of the theme (or a site's override) failed.
    #[error("{}", crate::msg!("error-template", detail = .0.as_str()))]
    Template(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
