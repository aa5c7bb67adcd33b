//! The command line's tests, linked into one test binary: `commands` (exit
//! codes, stdout and stderr as a user meets them), `paths` (how path
//! arguments are resolved and recorded) and `pins` (the column flags).

mod commands;
mod paths;
mod pins;
