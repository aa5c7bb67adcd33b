//! What every reader hands on, apart from `table`, which picks among the
//! tables, so that what reads rows (`furniture`) and what picks tables both
//! import it without importing each other.

/// A table as a reader saw it, before anyone decided what its columns mean.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTable {
    pub header: Vec<String>,
    /// Line of the header, where the format has lines.
    pub line: Option<usize>,
    pub rows: Vec<RawRow>,
    /// Something about the header that makes the table unreadable if chosen.
    pub problem: Option<String>,
    /// The heading the table sits under, if any.
    pub section: Option<String>,
    /// What the reader had to repair in the table (a GFM row padded or cut
    /// to the header's width), each naming its line: passed on to
    /// [`Article::warnings`](crate::read::Article::warnings) when the table is read.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawRow {
    pub cells: Vec<String>,
    pub line: Option<usize>,
    /// Something that makes the row unreadable (merged cells, say).
    pub problem: Option<String>,
    /// One cell across the whole table (an HTML `colspan` as wide as the
    /// header), its text the only cell: a group title or a note, never an
    /// entry (see `read::furniture`).
    pub across: bool,
    /// In the table's footer (HTML `<tfoot>`): an entry only if its code
    /// cell holds a code.
    pub footer: bool,
}

/// A header as the errors show it: `"Code" | "Description"`.
pub(crate) fn show_header(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}
