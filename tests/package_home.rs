//! Issue 23: the crate has no public home yet, so no manifest may name one
//! (a `repository` that does not exist sends users to a 404), and the
//! READMEs say how to depend on it meanwhile: by path, or on one's own fork.

use std::fs;

use workspace_tests::root;

#[test]
fn no_crate_names_a_repository_it_does_not_have() {
    let crates = root().join("crates");
    let mut checked = 0;
    for dir in fs::read_dir(&crates).unwrap() {
        let manifest = dir.unwrap().path().join("Cargo.toml");
        let Ok(text) = fs::read_to_string(&manifest) else {
            continue;
        };
        let file = manifest.to_string_lossy();
        let document = codegen::release::toml_document(&file, &text).unwrap();
        let package = document["package"].as_table().unwrap();
        assert!(
            !package.contains_key("repository") && !package.contains_key("homepage"),
            "{}: names a home the crate does not have",
            manifest.display()
        );
        checked += 1;
    }
    assert!(checked > 0, "no crate under {}", crates.display());
}

#[test]
fn the_readmes_say_how_to_depend_by_path_or_on_a_fork() {
    for readme in ["README.md", "crates/tiktok-messaging-errors/README.md"] {
        let text = fs::read_to_string(root().join(readme)).unwrap();
        assert!(
            !text.contains("github.com/tiktok-messaging-errors"),
            "{readme} names a repository that does not exist"
        );
        assert!(
            text.contains("tiktok-messaging-errors = { path = \"")
                && text.contains("tiktok-messaging-errors = { git = \"")
                && text.contains("fork"),
            "{readme}: a path dependency and a fork's git dependency"
        );
    }
}
