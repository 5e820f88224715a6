//! The JSON Schemas of the scenario format (`demarche schema --json`): each is a valid draft-07
//! schema; the JSON form of every file of the fixture, of each bundled scenario and of the bundled
//! inject files passes its schema; broken values (a wrong variant, a missing required field, a
//! number out of range, an unknown field, a malformed date) fail it.

mod common;

use std::path::{Path, PathBuf};

use demarche_sim::scenario::json_schema::{FileSchema, file_schemas};
use demarche_sim::scenario::schema::{FileFormat, formats, inject_format};
use serde_json::{Value, json};

/// The schemas, compiled by an independent validator (`boon`), which also checks each against
/// the draft-07 metaschema.
struct Compiled {
    schemas: boon::Schemas,
    index: Vec<(&'static str, boon::SchemaIndex)>,
}

impl Compiled {
    fn new() -> Compiled {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let mut index = Vec::new();
        for FileSchema { file, name, schema } in file_schemas() {
            let url = format!("file:///schemas/{name}");
            compiler
                .add_resource(&url, schema)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let i = compiler
                .compile(&url, &mut schemas)
                .unwrap_or_else(|e| panic!("{name} is not a valid JSON Schema: {e:#}"));
            index.push((file, i));
        }
        Compiled { schemas, index }
    }

    /// Whether a JSON value passes the schema of a file, or the validator's message.
    fn check(&self, file: &str, value: &Value) -> Result<(), String> {
        let (_, i) = self
            .index
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap_or_else(|| panic!("no schema for {file}"));
        self.schemas
            .validate(value, *i)
            .map_err(|e| format!("{e:#}"))
    }
}

fn format_of(file: &str) -> FileFormat {
    formats()
        .into_iter()
        .chain([inject_format()])
        .find(|f| f.file == file)
        .unwrap_or_else(|| panic!("no format for {file}"))
}

/// A file's JSON form, read as the loader reads it.
fn json_form(format: &FileFormat, path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (format.to_json)(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn scenario_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(common::bundled_root())
        .expect("the scenarios folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|dir| dir.join("scenario.ron").is_file())
        .collect();
    dirs.sort();
    dirs.insert(0, common::fixture_dir());
    dirs
}

#[test]
fn every_schema_is_valid_json_schema() {
    let compiled = Compiled::new();
    assert_eq!(compiled.index.len(), formats().len() + 1);
    // And explicitly against the draft-07 metaschema, as plain JSON text.
    let mut schemas = boon::Schemas::new();
    let meta = boon::Compiler::new()
        .compile("http://json-schema.org/draft-07/schema", &mut schemas)
        .expect("the draft-07 metaschema");
    for FileSchema { name, schema, .. } in file_schemas() {
        let text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
        let reparsed: Value = serde_json::from_str(&text).expect("its text parses back");
        assert_eq!(reparsed, schema, "{name}");
        if let Err(e) = schemas.validate(&reparsed, meta) {
            panic!("{name} does not match the draft-07 metaschema: {e:#}");
        }
    }
}

#[test]
fn every_file_of_the_fixture_and_the_bundled_scenarios_passes_its_schema() {
    let compiled = Compiled::new();
    let mut checked = 0;
    for dir in scenario_dirs() {
        for format in formats() {
            let path = dir.join(format.file);
            if !path.is_file() {
                continue;
            }
            let value = json_form(&format, &path);
            if let Err(why) = compiled.check(format.file, &value) {
                panic!("{} fails its schema:\n{why}", path.display());
            }
            checked += 1;
        }
        let injects = dir.join("injects");
        if let Ok(entries) = std::fs::read_dir(&injects) {
            for entry in entries {
                let path = entry.expect("an entry").path();
                let value = json_form(&inject_format(), &path);
                if let Err(why) = compiled.check("injects.ron", &value) {
                    panic!("{} fails the inject schema:\n{why}", path.display());
                }
                checked += 1;
            }
        }
    }
    // The fixture alone has 21 files; the 2022 scenario 19 and an inject file.
    assert!(checked >= 40, "only {checked} files checked");
}

/// The fixture's `actions.ron` as JSON, and its first action.
fn actions() -> Value {
    json_form(
        &format_of("actions.ron"),
        &common::fixture_dir().join("actions.ron"),
    )
}

/// Applies a change to the first item of a list file's JSON form and says whether the schema
/// still accepts it.
fn broken(
    compiled: &Compiled,
    file: &str,
    list: &Value,
    change: impl FnOnce(&mut Value),
) -> Result<(), String> {
    let mut list = list.clone();
    change(&mut list[0]);
    compiled.check(file, &list)
}

#[test]
fn broken_values_fail_their_schema() {
    let compiled = Compiled::new();
    let actions = actions();
    assert!(compiled.check("actions.ron", &actions).is_ok());
    // A wrong enumeration variant.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["category"] = json!("Diplomacy");
    });
    assert!(e.is_err(), "a wrong category passed");
    // A wrong variant of a tagged enumeration, deep inside: `Tenson(2)`.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["effects"] = json!([{ "Tenson": 2 }]);
    });
    assert!(e.is_err(), "a wrong effect passed");
    // A missing required field.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a.as_object_mut().map(|o| o.remove("effects"));
    });
    assert!(e.is_err(), "an action without effects passed");
    // A number out of its declared range, at the top and inside an effect.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["capital"] = json!(150);
    });
    assert!(e.is_err(), "capital 150 passed");
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["effects"] = json!([{ "Tension": 500 }]);
    });
    assert!(e.is_err(), "Tension(500) passed");
    // A whole number given a fraction, and one over its declared range.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["rung"] = json!(1.5);
    });
    assert!(e.is_err(), "rung 1.5 passed");
    // An unknown (misspelt) field where the loader refuses unknown fields.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["capitol"] = json!(1);
    });
    assert!(e.is_err(), "a misspelt field passed");
    // Blank text where text must not be blank.
    let e = broken(&compiled, "actions.ron", &actions, |a| {
        a["name"] = json!("  ");
    });
    assert!(e.is_err(), "a blank name passed");
    // A malformed date, and a hostility level out of the MID range.
    let scenario = json_form(
        &format_of("scenario.ron"),
        &common::fixture_dir().join("scenario.ron"),
    );
    let mut bad = scenario.clone();
    bad["calendar"]["start"] = json!("2022-13-01");
    assert!(
        compiled.check("scenario.ron", &bad).is_err(),
        "month 13 passed"
    );
    let ladder = json_form(
        &format_of("ladder.ron"),
        &common::fixture_dir().join("ladder.ron"),
    );
    let e = broken(&compiled, "ladder.ron", &ladder, |r| {
        r["hostility"] = json!(7);
    });
    assert!(e.is_err(), "hostility 7 passed");
    // The untouched values still pass, so each failure above is the change's.
    assert!(compiled.check("scenario.ron", &scenario).is_ok());
    assert!(compiled.check("ladder.ron", &ladder).is_ok());
}

#[test]
fn a_json_form_converts_back_to_ron_that_reads_the_same() {
    for format in formats() {
        let path = common::fixture_dir().join(format.file);
        let json = json_form(&format, &path);
        let ron =
            (format.to_ron)(&json.to_string()).unwrap_or_else(|e| panic!("{}: {e}", format.file));
        let again =
            (format.to_json)(&ron).unwrap_or_else(|e| panic!("{}: {e}\n{ron}", format.file));
        assert_eq!(again, json, "{}", format.file);
    }
    // The JSON form of another file is refused, naming what does not fit.
    let actions = actions().to_string();
    let Err(e) = (format_of("ladder.ron").to_ron)(&actions) else {
        panic!("actions read as a ladder");
    };
    assert!(e.to_string().contains("unknown field"), "{e}");
}

#[test]
fn the_json_form_follows_the_documented_mapping() {
    let form = |file: &str, text: &str| -> Value {
        (format_of(file).to_json)(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    };
    // Enumerations are tagged by their variant; tuples are arrays; optional values are the value
    // or null, with or without `Some(..)`.
    let effects = form(
        "ladder.ron",
        r#"[(level: 0, name: "Calm", hostility: 1, description: "d", kahn: Some(2),
            on_reach: [Tension(5), Adjust("self", Economy, -2), Clash,
                Impose(sector: "lng", measure: AssetFreeze, size: 0.5, severity: 10),
                Track(None, Propose)])]"#,
    );
    assert_eq!(effects[0]["kahn"], json!(2));
    assert_eq!(effects[0]["threshold"], Value::Null);
    assert_eq!(
        effects[0]["on_reach"],
        json!([
            { "Tension": 5.0 },
            { "Adjust": ["self", "Economy", -2.0] },
            "Clash",
            { "Impose": { "sector": "lng", "measure": "AssetFreeze", "size": 0.5, "severity": 10.0 } },
            { "Track": [null, "Propose"] },
        ])
    );
    let regions = form(
        "regions.ron",
        r#"[(id: "r", names: {"en": "R"}, kind: Sea, anchor: (1.5, 2), note: "n")]"#,
    );
    assert_eq!(regions[0]["anchor"], json!([1.5, 2.0]));
    assert_eq!(regions[0]["names"], json!({ "en": "R" }));
    // Text that is not the file's type has no JSON form, and says why.
    let Err(e) = (format_of("regions.ron").to_json)("[(id: 3)]") else {
        panic!("a region with a number for its id has a JSON form");
    };
    assert!(e.to_string().contains("string"), "{e}");
}
