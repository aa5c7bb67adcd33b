//! The `|`-ended form when no cell names the code column: a table with no
//! header row (its first row is data), or with a header whose words name
//! nothing (`Param | Type | Notes`). Nothing marks where a row ends, so the
//! width is the period at which codes recur: the narrowest width at which
//! the first cell of every row (or the column the code pin names) holds a
//! code and the cells show an error table, by the same content rules
//! `read::content` applies to every form. Anchoring the rows at their code
//! keeps a shifted reading out (a breadcrumb's `|`s before the table, or a
//! capture cut mid-row, would otherwise fit with the codes in the last
//! column); a cut last row is then refused by `pipe_rows`.

use super::{MAX_COLUMNS, Segment, is_short_label, labels, looks_like_code, pipe_rows};
use crate::error::Result;
use crate::read::content;
use crate::read::normalize::{cell_from_lines, collapse};
use crate::read::pins::{ColumnPin, ColumnPins};
use crate::read::table::RawTable;

/// Cells whose code could start the table, tried in order: bounds the
/// search in a page of many short `|`-ended cells that are no table.
const MAX_STARTS: usize = 64;

/// Rows looked at to tell the width; `table::select` then reads them all.
const SAMPLE_ROWS: usize = 8;

/// The tables of the first run of cells that reads as an error table by its
/// content, if any.
pub(super) fn tables(cells: &[Segment<'_>], pins: &ColumnPins) -> Result<Option<Vec<RawTable>>> {
    let anchor = match pins.code {
        Some(ColumnPin::Position(n)) => n.saturating_sub(1),
        _ => 0,
    };
    let found = (0..cells.len())
        .filter(|&start| {
            cells
                .get(start + anchor)
                .is_some_and(|c| looks_like_code(cell_text(c, anchor == 0)))
        })
        .take(MAX_STARTS)
        .find_map(|start| {
            // Only widths with room for the code cell at `anchor`.
            ((anchor + 1).max(2)..=MAX_COLUMNS.max(anchor + 1))
                .find_map(|width| layout(cells, start, width, anchor, pins))
        });
    found
        .map(|(at, header, first_is_row)| pipe_rows(cells, at, header, first_is_row))
        .transpose()
}

/// Where the table whose first row starts at `cells[start]`, `width` cells
/// a row, starts, what heads it and whether that is its first row, if every
/// sampled row holds a code at `anchor` and the cells show the columns:
/// labels before the first row, or the first row itself, which
/// `table::select` then reads as a row, as it does a headerless TSV's.
fn layout(
    cells: &[Segment<'_>],
    start: usize,
    width: usize,
    anchor: usize,
    pins: &ColumnPins,
) -> Option<(usize, Vec<String>, bool)> {
    let rows: Vec<Vec<String>> = cells[start..]
        .chunks_exact(width)
        .take(SAMPLE_ROWS)
        .enumerate()
        .map(|(n, row)| row_cells(row, n == 0))
        .collect();
    if rows.len() < 2 || !rows.iter().all(|row| looks_like_code(&row[anchor])) {
        return None;
    }
    let body: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
    if let Some(at) = start
        .checked_sub(width)
        .filter(|&at| are_labels(&cells[at..start]))
    {
        let header = labels(&cells[at..start]);
        let guess = content::guess(&header, &body, pins).ok()?;
        return (!guess.header_is_row).then_some((at, header, false));
    }
    let guess = content::guess(&rows[0], &body[1..], pins).ok()?;
    guess.header_is_row.then(|| (start, rows[0].clone(), true))
}

/// A row's cells as text; the first cell of the first row shares its
/// segment with the prose before the table, so only its last line is the
/// cell.
fn row_cells(row: &[Segment<'_>], first_row: bool) -> Vec<String> {
    row.iter()
        .enumerate()
        .map(|(i, cell)| cell_from_lines(cell_text(cell, first_row && i == 0)))
        .collect()
}

fn cell_text<'a>(cell: &'a Segment<'_>, last_line_only: bool) -> &'a str {
    if last_line_only {
        cell.last_line()
    } else {
        cell.text
    }
}

/// Header labels of the `|`-ended form: each a short line of its own (the
/// first perhaps after the intro prose), so a breadcrumb's `Home | Docs |`
/// on one line is not a header.
fn are_labels(cells: &[Segment<'_>]) -> bool {
    let first = collapse(cells[0].last_line());
    !first.is_empty()
        && is_short_label(&first)
        && cells[1..]
            .iter()
            .all(|c| c.is_header_like() && c.text.trim_matches([' ', '\t']).starts_with('\n'))
}

#[cfg(test)]
mod tests {
    use super::super::segments;
    use super::*;

    fn read(text: &str, pins: &ColumnPins) -> Option<Vec<RawTable>> {
        tables(&segments(text), pins).unwrap()
    }

    #[test]
    fn the_width_is_the_narrowest_at_which_codes_start_every_row() {
        let text =
            "Home | Docs | Errors\nIntro.\n1 |\nOne. |\nFix one. |\n2 |\nTwo. |\nFix two. |\n";
        let [table] = &read(text, &ColumnPins::default()).unwrap()[..] else {
            panic!("one table")
        };
        // The breadcrumb's cells are before the first row, not a header.
        assert_eq!(table.header, ["1", "One.", "Fix one."]);
        assert_eq!((table.line, table.rows.len()), (Some(3), 1));
    }

    #[test]
    fn labels_each_on_a_line_of_their_own_are_a_header() {
        let text = "Param |\nType |\n1 |\nOne. |\n2 |\nTwo. |\n";
        let tables = read(text, &ColumnPins::default()).unwrap();
        assert_eq!(tables[0].header, ["Param", "Type"]);
        assert_eq!(tables[0].rows.len(), 2);
        // On one line, as a breadcrumb's are, they are not.
        let text = "Param | Type |\n1 |\nOne. |\n2 |\nTwo. |\n";
        assert_eq!(
            read(text, &ColumnPins::default()).unwrap()[0].header,
            ["1", "One."]
        );
    }

    #[test]
    fn cells_that_show_no_codes_beside_prose_are_no_table() {
        let pins = ColumnPins::default();
        assert!(read("Home |\nDocs |\nErrors |\n", &pins).is_none());
        assert!(read("1 |\n2 |\n3 |\n4 |\n", &pins).is_none(), "no prose");
        assert!(
            read("1 |\nOne. |\n", &pins).is_none(),
            "one row tells nothing"
        );
    }
}
