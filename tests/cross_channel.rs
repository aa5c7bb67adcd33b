//! Issue 23's cross-channel example, compiled and run: in a copy of this
//! workspace's crates and TikTok's article, a second channel (Wren, a
//! made-up vendor: `tests/articles/wren-messaging.md`) is added with `cargo
//! xtask add` and configured as a maintainer would (names, categories, one
//! of its own mapped to a shared one, its envelope); then
//! `tests/cross_channel/main.rs` handles both channels' responses with one
//! `fn decide(&dyn ChannelError) -> Decision` and asserts each decision.

use std::fs;

use workspace_tests::{add_article, copy_dir, root, run_program};

/// What the maintainer writes after `add`: Wren's names, categories and
/// envelope (a Graph-style `{"error": {...}}` under 4xx and 5xx, the
/// payload as the whole body of a success).
const WREN_CONFIG: &str = r#"[vendor]
name = "Wren"
type_doc = "A Wren Messaging API error code, as Wren sends it."
code_type = "u32"

[envelope]
code = "/error/code"
message = "/error/message"
request_id = "/error/trace_id"
data = ""
success = "no_code"
error_statuses = [[400, 599]]

[[category]]
name = "throttle"
doc = "Wren is limiting this app's calls."
action = "backoff"
shared = "rate_limit"

[[category]]
name = "authentication"
doc = "The access token is not valid any more."
action = "reauthorize"

[[category]]
name = "invalid_request"
doc = "The request is wrong."
action = "fix_request"

[[category]]
name = "policy"
doc = "Wren will not deliver this message."
action = "escalate"

[[category]]
name = "server"
doc = "Wren failed on its side."
action = "retry"

[codes.2]
name = "TemporaryProblem"
category = "server"

[codes.4]
name = "TooManyCalls"
category = "throttle"

[codes.100]
name = "BadParameter"
category = "invalid_request"

[codes.190]
name = "TokenExpired"
category = "authentication"

[codes.551]
name = "RecipientUnavailable"
category = "policy"
"#;

#[test]
fn one_policy_decides_for_tiktok_and_an_added_channel() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let crates = ["crates/channel-errors", "crates/tiktok-messaging-errors"];
    for part in ["docs", "tests/fixtures"].iter().chain(&crates) {
        copy_dir(&root().join(part), &dir.join(part));
    }
    // The versions this workspace already downloaded, so `--offline` builds.
    fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"2\"\nmembers = {crates:?}\n"),
    )
    .unwrap();
    add_article(dir, "wren-messaging", "wren-messaging.md", "wren-errors");
    fs::write(dir.join("docs/wren-messaging.toml"), WREN_CONFIG).unwrap();
    xtask::regen::run_all(dir, &Default::default()).expect("both articles generate");
    let cargo_toml = fs::read_to_string(dir.join("crates/wren-errors/Cargo.toml")).unwrap();
    assert!(
        cargo_toml.contains(
            "channel-errors = { path = \"../channel-errors\", version = \"0.1\", default-features = false }"
        ),
        "{cargo_toml}"
    );
    let stdout = run_program(
        dir,
        "tiktok-messaging-errors = { path = \"../crates/tiktok-messaging-errors\", features = [\"json\"] }\n\
         wren-errors = { path = \"../crates/wren-errors\", features = [\"json\"] }\n\
         channel-errors = { path = \"../crates/channel-errors\" }\n\
         serde = { version = \"1\", features = [\"derive\"] }\n",
        include_str!("cross_channel/main.rs"),
        "cross-channel",
    );
    assert!(
        stdout.contains("one policy held for every channel"),
        "{stdout}"
    );
}
