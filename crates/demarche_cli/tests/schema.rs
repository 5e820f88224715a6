//! `demarche schema --json [--out DIR]` writes a JSON Schema per file of the format;
//! `--to-json` and `--to-ron` convert a file to its JSON form and back; wrong uses are refused.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const FIXTURE: &str = "crates/demarche_sim/tests/fixtures/two_rivers";

#[test]
fn the_schemas_are_printed_or_written_one_per_file() {
    let printed = run(&["schema", "--json"]);
    assert!(printed.status.success(), "{}", text(&printed.stderr));
    let all: Value = serde_json::from_slice(&printed.stdout).expect("one JSON object");
    let names: Vec<&String> = all.as_object().expect("an object").keys().collect();
    for name in [
        "scenario.schema.json",
        "actions.schema.json",
        "injects.schema.json",
    ] {
        assert!(
            names.iter().any(|n| *n == name),
            "{name} missing: {names:?}"
        );
    }

    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("schemas");
    let written = run(&["schema", "--json", "--out", out.to_str().unwrap()]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .expect("the folder was made")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), names.len(), "{files:?}");
    for file in &files {
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(file)).expect("readable"))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(schema, all[file.as_str()], "{file}");
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{file}"
        );
    }
    // Written again over itself: the same files.
    let again = run(&["schema", "--json", "--out", out.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again.stderr));
}

#[test]
fn a_file_converts_to_its_json_form_and_back() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let actions = format!("{FIXTURE}/actions.ron");
    let json = run(&["schema", "--to-json", &actions]);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let value: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert!(value.as_array().is_some_and(|a| !a.is_empty()));
    let json_path = dir.path().join("actions.json");
    std::fs::write(&json_path, &json.stdout).expect("written");

    let ron = run(&["schema", "--to-ron", json_path.to_str().unwrap()]);
    assert!(ron.status.success(), "{}", text(&ron.stderr));
    let ron_path = dir.path().join("back.ron");
    std::fs::write(&ron_path, &ron.stdout).expect("written");
    let again = run(&[
        "schema",
        "--to-json",
        ron_path.to_str().unwrap(),
        "--as",
        "actions.ron",
    ]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let again: Value = serde_json::from_slice(&again.stdout).expect("JSON");
    assert_eq!(again, value);
}

#[test]
fn wrong_uses_are_refused() {
    // Nothing to do, or `--out` without `--json`: a usage error.
    assert_eq!(run(&["schema"]).status.code(), Some(2));
    assert_eq!(
        run(&["schema", "--out", "somewhere"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["schema", "--json", "--as", "actions.ron"])
            .status
            .code(),
        Some(2)
    );
    // `--out` naming a file.
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("written");
    let refused = run(&["schema", "--json", "--out", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("not a folder"));
    // A file that is not of the format, and a file of another kind than `--as` says.
    let unknown = run(&["schema", "--to-json", "README.md"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        text(&unknown.stderr).contains("--as"),
        "{}",
        text(&unknown.stderr)
    );
    let ladder = format!("{FIXTURE}/ladder.ron");
    let wrong = run(&["schema", "--to-json", &ladder, "--as", "actions.ron"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("not a valid `actions.ron`"),
        "{}",
        text(&wrong.stderr)
    );
}
