//! The parts a column of an error table can play, and how the user names
//! each: its examples in messages, its `[columns]` setting and its flag.

use crate::read::pins::{self, ColumnPin, ColumnPins};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Code,
    Subcode,
    Description,
    Solution,
    Cause,
}

pub(crate) const ROLES: [Role; 5] = [
    Role::Code,
    Role::Subcode,
    Role::Description,
    Role::Solution,
    Role::Cause,
];

impl Role {
    /// The role as messages name it, with header words that name it.
    pub(crate) fn label(self) -> &'static str {
        [
            "code (\"Error code\", \"Code\", \"Error\", \"Status code\", \"错误码\", \"Mã lỗi\", …)",
            "sub-code (\"Error sub-code\", \"Subcode\", …)",
            "description (\"Description\", \"Message\", \"Meaning\", \"설명\", …)",
            "solution (\"Solution\", \"Action\", \"How to fix\", \"Solución\", …)",
            "cause (\"Cause\", \"Possible reason\", \"原因\", …)",
        ][self as usize]
    }

    /// The role's setting in the configuration's `[columns]` (`code`).
    pub(crate) fn setting(self) -> &'static str {
        pins::SETTINGS[self as usize]
    }

    /// The command-line flag that pins the role (`--code-column`).
    pub(crate) fn flag(self) -> String {
        format!("--{}-column", self.setting())
    }

    pub(crate) fn pin(self, pins: &ColumnPins) -> Option<&ColumnPin> {
        pins.settings()[self as usize].1
    }
}
