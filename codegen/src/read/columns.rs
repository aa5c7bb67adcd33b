//! Which column of a table plays which part (code, sub-code, description,
//! solution, cause; the rest are extras): from the pins, then from the
//! header's words (`read::vocabulary`), and, where those do not tell,
//! from the cells themselves (`read::content`).

pub(crate) use crate::read::roles::{ROLES, Role};

use crate::error::Result;
use crate::read::pins::{ColumnPin, ColumnPins, same_header};
use crate::read::vocabulary::{role_of, words};

/// Which column plays which part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pub(crate) code: usize,
    pub(crate) subcode: Option<usize>,
    pub(crate) description: usize,
    pub(crate) solution: Option<usize>,
    pub(crate) cause: Option<usize>,
    pub(crate) extra: Vec<(usize, String)>,
}

/// The column of each role, indexed by `Role as usize`, as found so far.
pub(crate) type Roles = [Option<usize>; 5];

/// Maps header cells to roles by pins and words; the error says what is
/// missing or ambiguous.
pub fn columns(header: &[String], pins: &ColumnPins) -> Result<ColumnMap, String> {
    let mut roles = pinned_roles(header, pins)?;
    detect_roles(header, pins, &mut roles)?;
    column_map(header, roles)
}

/// The map, once a code and a description column are found; the columns
/// left over are extra columns. Extra columns are keyed by header: an empty
/// or repeated header would merge columns and lose their text, so each gets
/// a name of its own.
pub(crate) fn column_map(header: &[String], roles: Roles) -> Result<ColumnMap, String> {
    let mut extra: Vec<(usize, String)> = Vec::new();
    for index in (0..header.len()).filter(|index| !roles.contains(&Some(*index))) {
        let taken = |name: &String| extra.iter().any(|(_, n)| n == name);
        let mut name = header[index].clone();
        if name.trim().is_empty() {
            name = format!("Column {}", index + 1);
        }
        if taken(&name) {
            name = (2..)
                .map(|n| format!("{name} ({n})"))
                .find(|candidate| !taken(candidate) && !header.contains(candidate))
                .unwrap_or(name);
        }
        extra.push((index, name));
    }
    let [code, subcode, description, solution, cause] = roles;
    let (Some(code), Some(description)) = (code, description) else {
        let missing: Vec<&str> = [Role::Code, Role::Description]
            .into_iter()
            .filter(|role| roles[*role as usize].is_none())
            .map(Role::label)
            .collect();
        return Err(format!("no {} column", missing.join(", no ")));
    };
    Ok(ColumnMap {
        code,
        subcode,
        description,
        solution,
        cause,
        extra,
    })
}

/// The pinned columns; a pin the table lacks makes it not the error table,
/// and so do two pins on one column.
pub(crate) fn pinned_roles(header: &[String], pins: &ColumnPins) -> Result<Roles, String> {
    let mut roles: Roles = [None; 5];
    for (role, pin) in ROLES
        .iter()
        .filter_map(|role| Some((*role, role.pin(pins)?)))
    {
        let label = role.label();
        let Some(index) = pin.index_in(header) else {
            let missing = match pin {
                ColumnPin::Header(text) => format!("\"{text}\""),
                ColumnPin::Position(n) => format!("{n}: the table has {}", header.len()),
            };
            return Err(format!(
                "no column {missing} (pinned as the {label} column)"
            ));
        };
        if let Some(other) = ROLES.iter().find(|r| roles[**r as usize] == Some(index)) {
            return Err(format!(
                "column {} is pinned as both the {} and the {label} column",
                index + 1,
                other.label()
            ));
        }
        roles[role as usize] = Some(index);
    }
    Ok(roles)
}

/// The unpinned roles, found from the header's words.
pub(crate) fn detect_roles(
    header: &[String],
    pins: &ColumnPins,
    roles: &mut Roles,
) -> Result<(), String> {
    let pinned = *roles;
    let unpinned = header.iter().enumerate();
    for (index, cell) in unpinned.filter(|(index, _)| !pinned.contains(&Some(*index))) {
        if let Some(role) = role_of(cell).filter(|r| r.pin(pins).is_none()) {
            take_role(header, &mut roles[role as usize], role, index)?;
        }
    }
    Ok(())
}

/// Gives column `index` the role in `slot` unless a column already has it:
/// two code columns cannot both be the key; of a second description
/// (`Message` beside `Description`) or solution, one is left an extra
/// column (a column named "description" is the description).
fn take_role(
    header: &[String],
    slot: &mut Option<usize>,
    role: Role,
    index: usize,
) -> Result<(), String> {
    let cell = &header[index];
    let Some(previous) = *slot else {
        *slot = Some(index);
        return Ok(());
    };
    if role == Role::Code || role == Role::Subcode {
        let n = index + 1;
        return Err(format!(
            "columns \"{}\" and \"{cell}\" both look like the {} column (pin one: {} {n}, or {} = {n} in the article's [columns])",
            header[previous],
            role.label(),
            role.flag(),
            role.setting()
        ));
    }
    let named_description = |h: &str| words(h).iter().any(|w| w == "description");
    if role == Role::Description && named_description(cell) && !named_description(&header[previous])
    {
        *slot = Some(index);
    }
    Ok(())
}

/// Whether a header cell names the code column, honouring a header pin,
/// for readers that must find the header before they know its width (a
/// position pin says nothing about one cell: the words decide).
pub fn names_code(cell: &str, pins: &ColumnPins) -> bool {
    match &pins.code {
        Some(ColumnPin::Header(pin)) => same_header(cell, pin),
        _ => role_of(cell.trim()) == Some(Role::Code),
    }
}

/// Whether a cell names any part of an error table (code, description, ...).
pub fn is_role_header(cell: &str) -> bool {
    role_of(cell).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn cols(cells: &[&str]) -> Result<ColumnMap, String> {
        columns(&header(cells), &ColumnPins::default())
    }

    fn pin(text: &str) -> Option<ColumnPin> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn columns_are_found_by_meaning() {
        let c = cols(&["Solution", "Notes", "Error message", "Code"]).unwrap();
        assert_eq!((c.code, c.description, c.solution), (3, 2, Some(0)));
        assert_eq!(c.extra, vec![(1, "Notes".to_string())]);
        let c = cols(&["错误码", "错误信息", "解决方法"]).unwrap();
        assert_eq!((c.code, c.description, c.solution), (0, 1, Some(2)));
        let c = cols(&["Mã lỗi", "Mô tả"]).unwrap();
        assert_eq!((c.code, c.description, c.solution), (0, 1, None));
        let c = cols(&["Código", "Descripción", "Solución", "Causa"]).unwrap();
        assert_eq!((c.solution, c.cause), (Some(2), Some(3)));
    }

    #[test]
    fn solution_is_optional_and_a_second_description_is_kept() {
        let c = cols(&["Error", "Description"]).unwrap();
        assert_eq!(c.solution, None);
        let c = cols(&["Code", "Message", "Description", "HTTP status code"]).unwrap();
        assert_eq!(c.description, 2);
        assert_eq!(
            c.extra,
            vec![
                (1, "Message".to_string()),
                (3, "HTTP status code".to_string())
            ]
        );
        let c = cols(&[
            "Error code",
            "Error sub-code",
            "Description",
            "Cause",
            "Fix",
        ])
        .unwrap();
        assert_eq!(
            (c.subcode, c.cause, c.solution),
            (Some(1), Some(3), Some(4))
        );
    }

    #[test]
    fn missing_and_ambiguous_columns_are_named() {
        let err = cols(&["Key", "Type", "Description"]).unwrap_err();
        assert!(err.starts_with("no code"), "{err}");
        let err = cols(&["Code", "Error code", "Description"]).unwrap_err();
        assert!(
            err.contains("\"Code\" and \"Error code\" both look like the code"),
            "{err}"
        );
        assert!(
            err.contains("(pin one: --code-column 2, or code = 2 in"),
            "{err}"
        );
    }

    #[test]
    fn pins_override_detection() {
        let pins = ColumnPins {
            code: pin("error  CODE"),
            description: pin("Notes"),
            ..ColumnPins::default()
        };
        let c = columns(&header(&["Code", "Error code", "Notes"]), &pins).unwrap();
        assert_eq!((c.code, c.description), (1, 2));
        assert_eq!(c.extra, vec![(0, "Code".to_string())]);
        let err = columns(&header(&["Code", "Description"]), &pins).unwrap_err();
        assert!(err.contains("no column \"error  CODE\""), "{err}");
        // By position: the header's words do not matter.
        let pins = ColumnPins {
            code: pin("2"),
            description: pin("3"),
            ..ColumnPins::default()
        };
        let c = columns(&header(&["Param", "Type", "Notes"]), &pins).unwrap();
        assert_eq!((c.code, c.description), (1, 2));
        let err = columns(&header(&["A", "B"]), &pins).unwrap_err();
        assert!(
            err.starts_with("no column 3: the table has 2 (pinned as the description"),
            "{err}"
        );
    }

    #[test]
    fn pinned_roles_come_first_and_a_missing_pin_refuses_the_table() {
        let pins = ColumnPins {
            solution: pin("notes"),
            ..ColumnPins::default()
        };
        let roles = pinned_roles(&header(&["Code", "Notes"]), &pins).unwrap();
        assert_eq!(roles, [None, None, None, Some(1), None]);
        let err = pinned_roles(&header(&["Code"]), &pins).unwrap_err();
        assert!(
            err.starts_with("no column \"notes\" (pinned as the solution"),
            "{err}"
        );
        let twice = ColumnPins {
            code: pin("1"),
            description: pin("code"),
            ..ColumnPins::default()
        };
        let err = pinned_roles(&header(&["Code", "Notes"]), &twice).unwrap_err();
        assert!(
            err.starts_with("column 1 is pinned as both the code"),
            "{err}"
        );
    }

    #[test]
    fn detected_roles_leave_the_other_columns_extra() {
        let pins = ColumnPins {
            solution: pin("Notes"),
            ..ColumnPins::default()
        };
        let head = header(&["Notes", "Code", "Fix", "Owner", "Description"]);
        let mut roles = pinned_roles(&head, &pins).unwrap();
        detect_roles(&head, &pins, &mut roles).unwrap();
        assert_eq!(roles, [Some(1), None, Some(4), Some(0), None]);
        // "Fix" would be the solution, but the pin says otherwise.
        let extra = column_map(&head, roles).unwrap().extra;
        assert_eq!(extra, [(2, "Fix".to_string()), (3, "Owner".to_string())]);
    }

    #[test]
    fn a_role_taken_twice_is_ambiguous_or_kept_extra() {
        let head = header(&["Code", "Error code", "Message", "Description", "Notes"]);
        let mut slot = Some(0);
        let err = take_role(&head, &mut slot, Role::Code, 1).unwrap_err();
        assert!(err.contains("both look like the code"), "{err}");
        let mut slot = None;
        assert_eq!(take_role(&head, &mut slot, Role::Description, 2), Ok(()));
        assert_eq!(slot, Some(2));
        assert_eq!(take_role(&head, &mut slot, Role::Description, 3), Ok(()));
        assert_eq!(slot, Some(3), "the column named description wins");
        assert_eq!(take_role(&head, &mut slot, Role::Description, 4), Ok(()));
        assert_eq!(slot, Some(3), "\"Notes\" is left an extra column");
    }

    #[test]
    fn extra_columns_get_names_of_their_own() {
        let head = header(&["Code", "", "Note", "Note", "Note (2)", "Description"]);
        let extra = column_map(&head, [Some(0), None, Some(5), None, None])
            .unwrap()
            .extra;
        let names: Vec<&str> = extra.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Column 2", "Note", "Note (3)", "Note (2)"]);
    }

    #[test]
    fn a_column_map_needs_a_code_and_a_description() {
        assert_eq!(cols(&["Code", "Description"]).map(|c| c.code), Ok(0));
        let err = cols(&["Solution"]).unwrap_err();
        assert!(
            err.starts_with("no code (")
                && err.contains("), no description (")
                && err.ends_with(") column"),
            "{err}"
        );
    }

    #[test]
    fn the_code_header_is_found_in_any_listed_language_and_by_a_header_pin() {
        let none = ColumnPins::default();
        assert!(names_code("에러 코드", &none) && names_code(" Fehlercode ", &none));
        assert!(!names_code("Param", &none));
        let by_header = ColumnPins {
            code: pin("Param"),
            ..ColumnPins::default()
        };
        assert!(names_code("param", &by_header) && !names_code("Code", &by_header));
        let by_position = ColumnPins {
            code: pin("1"),
            ..ColumnPins::default()
        };
        assert!(names_code("Code", &by_position) && !names_code("Param", &by_position));
        assert!(is_role_header("Mô tả") && !is_role_header("Tham số"));
    }
}
