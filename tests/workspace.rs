//! The workspace-level tests, one module per concern, linked into one test
//! binary. Shared helpers live in the `workspace_tests` library (`support.rs`).

mod add_articles;
mod add_keyed;
mod api_notes;
mod atomic_runs;
mod bad_input;
mod columns;
mod crlf;
mod cross_channel;
mod doc_update;
mod drift;
mod drift_mutations;
mod drift_workflow;
mod fetch;
mod gaps;
mod hostile_text;
mod package_home;
mod readers_agree;
mod repeated_codes;
mod row_loss;
mod schema;
mod shapes;
mod update_loop;
