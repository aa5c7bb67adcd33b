//! One error type for every refusal, carrying where the problem is.
//!
//! Readers know lines (text, markdown) or only rows (HTML); both are optional so
//! the message says exactly as much as the format allows and is rendered once,
//! here: `file:line: row N: what was expected`.

use std::fmt;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Error {
    /// The input's name as the user gave it; empty until [`Error::in_file`].
    pub file: String,
    /// 1-based line in the input, where the format has lines.
    pub line: Option<usize>,
    /// 1-based data row of the error table (the header is not counted).
    pub row: Option<usize>,
    pub message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            ..Error::default()
        }
    }

    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub fn at_row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }

    /// Names the file, unless a more precise name was already set.
    pub fn in_file(mut self, file: &str) -> Self {
        if self.file.is_empty() {
            self.file = file.to_owned();
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote the article's cells and paths: never raw escapes.
        let file = if self.file.is_empty() {
            "<input>".to_owned()
        } else {
            crate::controls::for_terminal(&self.file)
        };
        match self.line {
            Some(line) => write!(f, "{file}:{line}: ")?,
            None => write!(f, "{file}: ")?,
        }
        if let Some(row) = self.row {
            write!(f, "row {row}: ")?;
        }
        f.write_str(&crate::controls::for_terminal(&self.message))
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
