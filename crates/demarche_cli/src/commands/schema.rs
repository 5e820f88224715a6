//! `demarche schema --markdown`: the scenario format's reference tables, printed from the
//! format's types (doc comments, RON names, types, defaults, ranges); `demarche schema --json
//! [--out DIR]`: a JSON Schema per file of the format, made from the same types; `--to-json FILE`
//! and `--to-ron FILE`: a file converted to and from the JSON form the schemas describe.

use std::path::Path;
use std::process::ExitCode;

use demarche_sim::scenario::json_schema::{FileSchema, file_schemas};
use demarche_sim::scenario::read::MAX_FILE_BYTES;
use demarche_sim::scenario::schema::{FileFormat, format_named, formats};
use serde_json::{Map, Value};

use crate::args::SchemaArgs;
use crate::error::CliError;
use crate::terminal::shown;

/// Prints the reference tables, prints or writes the JSON Schemas, or converts a file.
pub fn run(args: &SchemaArgs) -> Result<ExitCode, CliError> {
    if let Some(path) = &args.to_json {
        let (format, text) = read_file(path, args.as_file.as_deref())?;
        let value = (format.to_json)(&text).map_err(|e| {
            CliError::Usage(format!(
                "{} is not a valid `{}`: {e}",
                shown(path),
                format.file
            ))
        })?;
        println!("{}", pretty(&value)?);
    } else if let Some(path) = &args.to_ron {
        let (format, text) = read_file(path, args.as_file.as_deref())?;
        let ron = (format.to_ron)(&text).map_err(|e| {
            CliError::Usage(format!(
                "{} is not the JSON form of `{}`: {e}",
                shown(path),
                format.file
            ))
        })?;
        print!("{ron}");
    } else if args.markdown {
        print!("{}", demarche_sim::scenario::schema::reference_markdown());
    } else if args.json {
        let schemas = file_schemas();
        match &args.out {
            Some(dir) => {
                write_schemas(dir, &schemas)?;
                eprintln!(
                    "{} JSON Schemas written to {} ({} … {})",
                    schemas.len(),
                    shown(dir),
                    schemas.first().map_or("", |s| s.name.as_str()),
                    schemas.last().map_or("", |s| s.name.as_str()),
                );
            }
            None => {
                let all: Map<String, Value> =
                    schemas.into_iter().map(|s| (s.name, s.schema)).collect();
                println!("{}", pretty(&Value::Object(all))?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes each schema as `DIR/<file>.schema.json`, making the folder if it is missing.
pub fn write_schemas(dir: &Path, schemas: &[FileSchema]) -> Result<(), CliError> {
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "--out {}: not a folder",
            shown(dir)
        )));
    }
    std::fs::create_dir_all(dir)?;
    for schema in schemas {
        let mut text = pretty(&schema.schema)?;
        text.push('\n');
        std::fs::write(dir.join(&schema.name), text)?;
    }
    Ok(())
}

/// The format of a file to convert (from `--as`, else from its name) and its text.
fn read_file(path: &Path, named: Option<&str>) -> Result<(FileFormat, String), CliError> {
    let name = match named {
        Some(name) => name.to_owned(),
        None => {
            let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            match file.strip_suffix(".json") {
                Some(stem) => format!("{stem}.ron"),
                None => file.to_owned(),
            }
        }
    };
    let format = format_named(&name).ok_or_else(|| {
        let mut known: Vec<&str> = formats().iter().map(|f| f.file).collect();
        known.push("injects.ron");
        CliError::Usage(format!(
            "`{}` is not a file of the format; say which with `--as NAME`, one of: {}",
            crate::terminal::escape(&name),
            known.join(", ")
        ))
    })?;
    let text = demarche_sim::files::read_text(path, MAX_FILE_BYTES)
        .map_err(|e| CliError::Usage(format!("{}: {e}", shown(path))))?;
    Ok((format, text))
}

fn pretty(value: &Value) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Output(std::io::Error::other(e)))
}
