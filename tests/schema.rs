//! Every fixture matches the JSON Schema regen writes beside it from the
//! model's types, and so does every release baseline, schema 2 ones too:
//! another language can make its types from the schema and read them all.

use workspace_tests::root;

fn json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn problems(schema: &serde_json::Value, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("the schema is a valid schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn fixtures_and_baselines_match_their_schema() {
    for entry in xtask::manifest(&root()).unwrap().articles {
        let schema = json(&entry.fixture_schema());
        for path in [&entry.fixture, &entry.released] {
            let found = problems(&schema, &json(path));
            assert!(found.is_empty(), "{path}: {found:#?}");
        }
    }
}

/// A change that breaks a fixture.
type Break = fn(&mut serde_json::Value);

#[test]
fn the_schema_refuses_what_the_model_refuses() {
    let entry = xtask::manifest(&root()).unwrap().articles.remove(0);
    let schema = json(&entry.fixture_schema());
    let fixture = json(&entry.fixture);
    let broken: [(&str, Break); 4] = [
        ("an unknown field", |f| f["colour"] = "red".into()),
        ("an unknown action", |f| {
            f["errors"][0]["action"] = "panic".into()
        }),
        ("a code that is neither number nor text", |f| {
            f["errors"][0]["code"] = serde_json::json!([1])
        }),
        ("an entry without a name", |f| {
            f["errors"][0].as_object_mut().unwrap().remove("name");
        }),
    ];
    for (what, edit) in broken {
        let mut instance = fixture.clone();
        edit(&mut instance);
        assert!(!problems(&schema, &instance).is_empty(), "{what}");
        assert!(
            serde_json::from_value::<codegen::Catalog>(instance).is_err(),
            "{what}: the model refuses it too"
        );
    }
}
