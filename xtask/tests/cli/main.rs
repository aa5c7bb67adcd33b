//! The command line's tests, linked into one test binary: `commands` (exit
//! codes, stdout and stderr as a user meets them) and `paths` (how path
//! arguments are resolved and recorded).

mod commands;
mod paths;
