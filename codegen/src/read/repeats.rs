//! Repeated codes, which real tables have: the same row word for word in
//! several per-endpoint tables (one entry, its other sections noted), an
//! HTTP status with a message per row (keyed by code and message), the same
//! number meaning different things under different headings (keyed by
//! section and code). The key is chosen here, from the article's `key`
//! setting or, without one, from what tells the rows apart, with a warning
//! that names the guess and the setting that pins it. Only when no key makes
//! the entries unique is the article refused, naming the rows.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::{Code, KeyChoice, KeyPart};
use crate::read::article::ArticleRow;

/// An entry with the table rows that list it word for word, its own first.
type Listed = (ArticleRow, Vec<usize>);

/// The entries of `rows` (each with the table row it was read from),
/// identical repeats folded into one, and the entries of every code still
/// listed more than once keyed by the part that tells them apart.
pub(crate) fn resolve(
    rows: Vec<(ArticleRow, usize)>,
    setting: Option<KeyChoice>,
    warnings: &mut Vec<String>,
) -> Result<Vec<ArticleRow>> {
    let (mut rows, repeated) = fold_identical(rows, warnings);
    if repeated.is_empty() {
        // Not an error (a code listed once is its own entry under every
        // key), but a setting that does nothing should not pass unnoticed.
        if let Some(setting) = setting.filter(|s| s.part().is_some()) {
            warnings.push(format!(
                "key = \"{setting}\" is set, but no code is listed more than once: every entry is keyed by its code, so the setting changes nothing",
                setting = setting.as_str()
            ));
        }
    } else {
        let part = match setting {
            Some(setting) => pinned(setting, &repeated, &rows)?,
            None => {
                let (part, warning) = guessed(&repeated, &rows)?;
                warnings.push(warning);
                part
            }
        };
        for index in repeated.iter().flatten() {
            rows[*index].0.keyed_by = Some(part);
        }
    }
    Ok(rows.into_iter().map(|(row, _)| row).collect())
}

/// An error at the later of two entries whose code repeats, naming both.
fn repeat(rows: &[Listed], (first, second): (usize, usize), expected: &str) -> Error {
    let (row, numbers) = &rows[second];
    let line = rows[first].0.line;
    let at = line.map_or(String::new(), |l| format!(" (line {l})"));
    Error::new(format!(
        "code {} appears twice: first in row {}{at}; {expected}",
        row.key(),
        rows[first].1[0]
    ))
    .at_line(row.line)
    .at_row(numbers[0])
}

/// Folds each row that repeats an earlier one word for word (code,
/// sub-code, every cell) into it, noting the sections it is also listed in,
/// with one warning per folded entry. Gives the entries kept, and the
/// entries (indices) of each (code, sub-code) still listed more than once,
/// in the order the codes first appear.
fn fold_identical(
    rows: Vec<(ArticleRow, usize)>,
    warnings: &mut Vec<String>,
) -> (Vec<Listed>, Vec<Vec<usize>>) {
    let mut kept: Vec<Listed> = Vec::new();
    // Only entries of one code can be identical, so rows are grouped by code
    // and their cells compared only within a group: a table that repeats no
    // code has no cell text hashed or compared.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<(Code, Option<Code>), usize> = HashMap::new();
    for (row, number) in rows {
        let next = groups.len();
        let group = *group_of
            .entry((row.code.clone(), row.subcode.clone()))
            .or_insert(next);
        if group == next {
            groups.push(Vec::new());
        }
        match groups[group]
            .iter()
            .find(|&&i| same_cells(&kept[i].0, &row))
        {
            Some(&at) => {
                let (entry, numbers) = &mut kept[at];
                if let Some(section) = row.section
                    && entry.section.as_ref() != Some(&section)
                    && !entry.other_sections.contains(&section)
                {
                    entry.other_sections.push(section);
                }
                numbers.push(number);
            }
            None => {
                groups[group].push(kept.len());
                kept.push((row, vec![number]));
            }
        }
    }
    warnings.extend(kept.iter().filter(|(_, n)| n.len() > 1).map(fold_warning));
    groups.retain(|g| g.len() > 1);
    (kept, groups)
}

/// Whether two entries of one code say the same in every cell.
fn same_cells(a: &ArticleRow, b: &ArticleRow) -> bool {
    (&a.description, &a.solution, &a.cause, &a.extra)
        == (&b.description, &b.solution, &b.cause, &b.extra)
}

/// The warning for an entry that rows were folded into: its rows and its
/// sections.
fn fold_warning((entry, numbers): &Listed) -> String {
    let rows: Vec<String> = numbers.iter().map(usize::to_string).collect();
    let sections: Vec<String> = entry
        .section
        .iter()
        .chain(&entry.other_sections)
        .map(|s| format!("\"{s}\""))
        .collect();
    let (under, noted) = if sections.len() > 1 {
        let under = format!(" under {}", sections.join(", "));
        (under, ", its sections noted")
    } else {
        (String::new(), "")
    };
    format!(
        "code {} is listed word for word in rows {}{under}: read as one entry{noted}",
        entry.key(),
        rows.join(", ")
    )
}

/// The first pair of entries, over every group, that `part` does not tell
/// apart.
fn first_clash(part: KeyPart, repeated: &[Vec<usize>], rows: &[Listed]) -> Option<(usize, usize)> {
    let value = |i: usize| match part {
        KeyPart::Message => Some(rows[i].0.description.as_str()),
        KeyPart::Section => rows[i].0.section.as_deref(),
    };
    repeated.iter().find_map(|group| {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        group.iter().find_map(|&index| match value(index) {
            Some(value) => seen.insert(value, index).map(|first| (first, index)),
            // A row with no section is told apart by none: named with the
            // group's first (or, being the first, with its second).
            None => Some((group[0], index.max(group[1]))),
        })
    })
}

/// The part the article's setting names, if it tells every repeat apart.
fn pinned(setting: KeyChoice, repeated: &[Vec<usize>], rows: &[Listed]) -> Result<KeyPart> {
    let Some(part) = setting.part() else {
        let pair = (repeated[0][0], repeated[0][1]);
        let works: Vec<String> = [KeyPart::Message, KeyPart::Section]
            .into_iter()
            .filter(|p| first_clash(*p, repeated, rows).is_none())
            .map(|p| format!("key = \"{}\"", KeyChoice::of(p)))
            .collect();
        let hint = match works.is_empty() {
            true => String::new(),
            false => format!(" ({} would read them)", works.join(" or ")),
        };
        return Err(repeat(
            rows,
            pair,
            &format!("the configuration's key needs each code (and sub-code) once{hint}"),
        ));
    };
    let Some(pair) = first_clash(part, repeated, rows) else {
        return Ok(part);
    };
    let what = match part {
        KeyPart::Message => "message (description)",
        KeyPart::Section => "section (heading)",
    };
    let key = KeyChoice::of(part);
    Err(repeat(
        rows,
        pair,
        &format!("the configuration's key = \"{key}\" needs a different {what} for each"),
    ))
}

/// The part that tells every repeat apart: the section when each repeat
/// sits under headings of its own (per-endpoint tables), else the message;
/// and the warning for the guess: which codes repeat (the first few, with
/// their rows), the choice, and the setting that pins it (and the other
/// one, where it works too).
fn guessed(repeated: &[Vec<usize>], rows: &[Listed]) -> Result<(KeyPart, String)> {
    const SHOWN: usize = 5;
    let by_section = first_clash(KeyPart::Section, repeated, rows);
    let by_message = first_clash(KeyPart::Message, repeated, rows);
    let (part, also) = match (by_section, by_message) {
        (None, None) => (KeyPart::Section, Some(KeyPart::Message)),
        (None, Some(_)) => (KeyPart::Section, None),
        (Some(_), None) => (KeyPart::Message, None),
        (Some(_), Some(pair)) => {
            return Err(repeat(
                rows,
                pair,
                "neither their message nor their section tells the rows apart: expected each code (and sub-code) once, or rows of one code that differ in description or heading",
            ));
        }
    };
    let shown: Vec<String> = repeated
        .iter()
        .take(SHOWN)
        .map(|group| {
            let numbers: Vec<String> = group.iter().map(|i| rows[*i].1[0].to_string()).collect();
            format!("{} (rows {})", rows[group[0]].0.key(), numbers.join(", "))
        })
        .collect();
    let more = match repeated.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let also = also.map_or(String::new(), |other| {
        let key = KeyChoice::of(other);
        format!(" (key = \"{key}\" would also tell them apart)")
    });
    let warning = format!(
        "codes listed more than once: {}{more}; their entries are keyed by {}, a guess: pin it with key = \"{}\" under [columns] in the article's configuration{also}",
        shown.join(", "),
        part.describe(),
        KeyChoice::of(part)
    );
    Ok((part, warning))
}
