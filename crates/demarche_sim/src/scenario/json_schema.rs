//! JSON Schemas (draft-07) of the scenario format, one per file, made from the same descriptions
//! as the reference tables ([`super::schema`]): no second copy of the format.
//!
//! RON is not JSON. A schema describes a file's **JSON form**: the value the loader reads from the
//! RON, written with serde's JSON mapping ([`super::schema::FileFormat::to_json`]):
//!
//! | RON | JSON |
//! |---|---|
//! | structure `( field: value )` | object `{"field": value}` |
//! | list `[a, b]` | array |
//! | tuple `(lon, lat)` | array of fixed length |
//! | map `{"en": "Aldova"}` | object |
//! | unit variant `Public` | string `"Public"` |
//! | variant with one value `Tension(5)` | `{"Tension": 5}` |
//! | variant with several values `Adjust("self", Economy, -2)` | `{"Adjust": ["self", "Economy", -2]}` |
//! | variant with fields `Impose(sector: "lng", ...)` | `{"Impose": {"sector": "lng", ...}}` |
//! | optional value `5`, `Some(5)` or `None` | `5` or `null` |
//!
//! What the schemas check: the shape, field names (unknown ones refused where the loader refuses
//! them), required fields, enumerations, every range the format declares, dates and colours by
//! their form, and text that must not be blank. What only `demarche validate` checks: references
//! between items (ids), orderings and the other checks of several fields or items.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::schema::{FieldDoc, FileFormat, Shape, Ty, TypeDoc, VariantDoc, formats, inject_format};

/// The JSON Schema dialect of every schema written.
pub const DIALECT: &str = "http://json-schema.org/draft-07/schema#";

/// A file's JSON Schema.
#[derive(Clone, Debug, PartialEq)]
pub struct FileSchema {
    /// The format file it describes (`actions.ron`; `injects.ron` for any inject file).
    pub file: &'static str,
    /// The schema's own file name: `actions.schema.json`.
    pub name: String,
    /// The schema.
    pub schema: Value,
}

/// The schema of every file of a scenario folder, in the order the loader reads them, then the
/// schema of a teacher's inject file.
pub fn file_schemas() -> Vec<FileSchema> {
    let mut all = formats();
    all.push(inject_format());
    all.iter().map(file_schema).collect()
}

/// The schema of one file.
pub fn file_schema(format: &FileFormat) -> FileSchema {
    let mut defs = Defs::default();
    let root = (format.describe)();
    let item = defs.reference(root.name, format.describe);
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DIALECT));
    schema.insert("title".into(), json!(format.file));
    let shape = if format.file == "injects.ron" {
        "An inject file (any name, `--injects FILE`; not part of a scenario folder) is a list \
         `[ ... ]` of these."
    } else if format.list {
        "The file is a list `[ ... ]` of these."
    } else {
        "The file holds one such value."
    };
    schema.insert(
        "description".into(),
        json!(format!(
            "{} {shape} This schema describes the file's JSON form (see docs/scenario-format.md, \
             \"Editor support\").",
            root.doc
        )),
    );
    if format.list {
        schema.insert("type".into(), json!("array"));
        schema.insert("items".into(), item);
    } else {
        schema.insert("allOf".into(), json!([item]));
    }
    schema.insert("definitions".into(), Value::Object(defs.finish()));
    FileSchema {
        file: format.file,
        name: schema_name(format.file),
        schema: Value::Object(schema),
    }
}

/// `actions.ron` → `actions.schema.json`.
pub fn schema_name(file: &str) -> String {
    format!("{}.schema.json", file.strip_suffix(".ron").unwrap_or(file))
}

/// The definitions of the types a schema uses, each made once.
#[derive(Default)]
struct Defs {
    done: BTreeMap<&'static str, Value>,
}

impl Defs {
    /// A `$ref` to a type's definition, made on first use.
    fn reference(&mut self, name: &'static str, describe: fn() -> TypeDoc) -> Value {
        if !self.done.contains_key(name) {
            // Reserved first, so that a type that contains itself refers to itself.
            self.done.insert(name, Value::Null);
            let doc = describe();
            let def = self.type_schema(&doc);
            self.done.insert(name, def);
        }
        json!({ "$ref": format!("#/definitions/{name}") })
    }

    fn finish(self) -> Map<String, Value> {
        self.done
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()
    }

    fn type_schema(&mut self, doc: &TypeDoc) -> Value {
        let mut out = match &doc.shape {
            Shape::Struct(fields) => self.object(fields, doc.closed),
            Shape::Enum(variants) => self.enumeration(variants, doc.closed),
        };
        out.insert("title".into(), json!(doc.name));
        if !doc.doc.is_empty() {
            out.insert("description".into(), json!(doc.doc));
        }
        Value::Object(out)
    }

    fn object(&mut self, fields: &[FieldDoc], closed: bool) -> Map<String, Value> {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for f in fields {
            properties.insert(f.name.to_owned(), self.field(f));
            if f.required {
                required.push(json!(f.name));
            }
        }
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            out.insert("required".into(), Value::Array(required));
        }
        if closed {
            out.insert("additionalProperties".into(), json!(false));
        }
        out
    }

    fn enumeration(&mut self, variants: &[VariantDoc], closed: bool) -> Map<String, Value> {
        let mut out = Map::new();
        if variants.iter().all(|v| v.fields.is_empty()) {
            // Names only: a plain enumeration (with VS Code's `enumDescriptions` for hovers).
            out.insert("type".into(), json!("string"));
            out.insert(
                "enum".into(),
                variants.iter().map(|v| json!(v.name)).collect(),
            );
            out.insert(
                "enumDescriptions".into(),
                variants.iter().map(|v| json!(v.doc)).collect(),
            );
            return out;
        }
        let choices: Vec<Value> = variants.iter().map(|v| self.variant(v, closed)).collect();
        out.insert("oneOf".into(), Value::Array(choices));
        out
    }

    /// A variant, externally tagged: its name alone, or an object with its name as the only key.
    fn variant(&mut self, v: &VariantDoc, closed: bool) -> Value {
        let inner = match v.fields.as_slice() {
            [] => {
                let mut out = Map::new();
                out.insert("const".into(), json!(v.name));
                describe(&mut out, v.doc);
                return Value::Object(out);
            }
            // Tuple elements are named `0`, `1`, …; one alone is the value itself.
            [only] if only.name == "0" => self.field(only),
            fields if fields[0].name == "0" => {
                let items: Vec<Value> = fields.iter().map(|f| self.field(f)).collect();
                tuple(items)
            }
            fields => Value::Object(self.object(fields, closed)),
        };
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), json!({ v.name: inner }));
        out.insert("required".into(), json!([v.name]));
        out.insert("additionalProperties".into(), json!(false));
        describe(&mut out, v.doc);
        Value::Object(out)
    }

    /// A field's schema: its type with its range and form, its doc comment and its default.
    fn field(&mut self, f: &FieldDoc) -> Value {
        let base = self.ty(&f.schema, f.bounds, f.nonempty);
        let mut out = match base {
            // Draft-07 ignores keywords beside `$ref`: wrap it.
            Value::Object(map) if map.contains_key("$ref") => {
                let mut out = Map::new();
                out.insert("allOf".into(), json!([map]));
                out
            }
            Value::Object(map) => map,
            other => {
                let mut out = Map::new();
                out.insert("allOf".into(), json!([other]));
                out
            }
        };
        describe(&mut out, f.doc);
        if let Some(default) = &f.default_json {
            out.insert("default".into(), default.clone());
        }
        Value::Object(out)
    }

    fn ty(&mut self, ty: &Ty, bounds: Option<(f64, f64)>, nonempty: bool) -> Value {
        match ty {
            Ty::Number => {
                let mut out = Map::new();
                out.insert("type".into(), json!("number"));
                if let Some((lo, hi)) = bounds {
                    out.insert("minimum".into(), number(lo));
                    out.insert("maximum".into(), number(hi));
                }
                Value::Object(out)
            }
            Ty::Whole(max) => {
                let (lo, hi) = match bounds {
                    Some((lo, hi)) => (lo.max(0.0), hi.min(*max as f64)),
                    None => (0.0, *max as f64),
                };
                let mut out = Map::new();
                out.insert("type".into(), json!("integer"));
                out.insert("minimum".into(), whole(lo));
                if hi < u64::MAX as f64 {
                    out.insert("maximum".into(), whole(hi));
                }
                Value::Object(out)
            }
            Ty::Bool => json!({ "type": "boolean" }),
            Ty::Text if nonempty => json!({ "type": "string", "pattern": "\\S" }),
            Ty::Text => json!({ "type": "string" }),
            Ty::Ref(kind) => reference(kind),
            Ty::List(inner) => {
                json!({ "type": "array", "items": self.ty(inner, None, false) })
            }
            Ty::Optional(inner) => {
                json!({ "anyOf": [self.ty(inner, bounds, nonempty), { "type": "null" }] })
            }
            Ty::Tuple(parts) => {
                let items = parts.iter().map(|p| self.ty(p, None, false)).collect();
                tuple(items)
            }
            Ty::Map(_, value) => json!({
                "type": "object",
                "additionalProperties": self.ty(value, None, false),
            }),
            Ty::Named(link) => self.reference(link.name, link.describe),
        }
    }
}

/// The form of a reference written as text.
fn reference(kind: &str) -> Value {
    match kind {
        "Date" => json!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": "A date, `YYYY-MM-DD`.",
        }),
        "Color" => json!({
            "type": "string",
            "pattern": "^#[0-9A-Fa-f]{6}$",
            "description": "A colour, `#RRGGBB`.",
        }),
        "Who" => json!({
            "type": "string",
            "pattern": "\\S",
            "description": "`self`, `other` or an actor id.",
        }),
        other => json!({
            "type": "string",
            "pattern": "\\S",
            "description": format!("The id of a {}.", words(other)),
        }),
    }
}

/// `Concept` → `glossary concept`: the stage's names of references in words.
fn words(kind: &str) -> String {
    match kind {
        "Concept" => "glossary concept".to_owned(),
        "Source" => "source (its key in `sources.ron`)".to_owned(),
        other => other.to_lowercase(),
    }
}

fn tuple(items: Vec<Value>) -> Value {
    let n = items.len();
    json!({
        "type": "array",
        "items": items,
        "additionalItems": false,
        "minItems": n,
        "maxItems": n,
    })
}

fn describe(out: &mut Map<String, Value>, doc: &str) {
    if !doc.is_empty() {
        out.insert("description".into(), json!(doc));
    }
}

/// A bound as JSON: whole numbers without a fraction.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

fn whole(value: f64) -> Value {
    json!(value.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
        &schema["definitions"][name]
    }

    fn schema_of(file: &str) -> Value {
        file_schemas()
            .into_iter()
            .find(|s| s.file == file)
            .map(|s| s.schema)
            .unwrap_or_default()
    }

    #[test]
    fn every_file_the_loader_reads_has_a_schema_and_injects_too() {
        let names: Vec<&str> = file_schemas().iter().map(|s| s.file).collect();
        let mut expected: Vec<&str> = super::super::FILES.iter().map(|(f, _)| *f).collect();
        expected.push("injects.ron");
        assert_eq!(names, expected);
    }

    #[test]
    fn ranges_requirements_and_enumerations_come_from_the_types() {
        let actions = schema_of("actions.ron");
        let action = def(&actions, "Action");
        assert_eq!(action["properties"]["capital"]["minimum"], json!(0));
        assert_eq!(action["properties"]["capital"]["maximum"], json!(100));
        let required = action["required"].as_array().cloned().unwrap_or_default();
        assert!(required.contains(&json!("effects")));
        assert!(!required.contains(&json!("readiness")));
        assert_eq!(action["additionalProperties"], json!(false));
        assert_eq!(action["properties"]["requires"]["default"], json!("Always"));
        let category = def(&actions, "Category");
        assert_eq!(
            category["enum"],
            json!(["Diplomatic", "Sanctions", "Talks", "Military"])
        );
        // Effects are tagged: `Tension(5)` is `{"Tension": 5}`, within its range.
        let effect = def(&actions, "Effect")["oneOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let tension = effect
            .iter()
            .find(|v| v["required"] == json!(["Tension"]))
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            tension["properties"]["Tension"]["minimum"],
            json!(-100),
            "{tension}"
        );
        assert!(effect.iter().any(|v| v["const"] == json!("Clash")));
        let ladder = schema_of("ladder.ron");
        let hostility = &def(&ladder, "Rung")["properties"]["hostility"];
        assert_eq!(hostility["type"], json!("integer"));
        assert_eq!(hostility["maximum"], json!(5));
    }
}
