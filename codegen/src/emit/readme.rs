//! The generated crate's README names its source: the article, where it is
//! published, and the sha256 of the capture the code was generated from. The
//! README is otherwise hand-written, so only the block between two markers is
//! generated (as rust-analyzer regenerates marked regions of its docs).

use crate::error::{Error, Result};
use crate::model::Catalog;

pub const BEGIN: &str = "<!-- @generated source: begin -->";
pub const END: &str = "<!-- @generated source: end -->";

/// Markdown-escapes a title for use as link text.
fn link_text(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escape = matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>');
            escape.then_some('\\').into_iter().chain([c])
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// The block's text, markers included.
pub fn source_block(catalog: &Catalog) -> String {
    let url = catalog.article.url.replace(['<', '>', ' '], "");
    format!(
        "{BEGIN}\n<!-- Written by `cargo xtask regen`: edit the manifest (docs/sources.toml), not this block. -->\nGenerated from the article [{title}](<{url}>), as captured in `{path}` (sha256 `{sha}`).\n{END}",
        title = link_text(&catalog.article.title),
        path = catalog.source.path,
        sha = catalog.source.sha256,
    )
}

/// `readme` with its source block replaced; an error if the markers are
/// missing or out of order, so a hand edit cannot silently drop the block.
pub fn with_source_block(path: &str, readme: &str, catalog: &Catalog) -> Result<String> {
    let missing = || {
        Error::new(format!(
            "no source block: expected a line `{BEGIN}`, later a line `{END}` (regen writes the article's URL and the capture's sha256 between them)"
        ))
        .in_file(path)
    };
    let start = readme.find(BEGIN).ok_or_else(missing)?;
    let end = readme[start..].find(END).ok_or_else(missing)? + start + END.len();
    let (before, after) = (&readme[..start], &readme[end..]);
    Ok(format!("{before}{}{after}", source_block(catalog)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_link_text() {
        assert_eq!(link_text("A [b] *c*\n"), "A \\[b\\] \\*c\\*");
    }
}
