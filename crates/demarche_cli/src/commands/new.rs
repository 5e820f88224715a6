//! `demarche new DIR --sides A,B`: a new scenario folder to start from. It is the format's
//! minimal complete scenario (the made-up "Two Rivers" dyad the format page walks through),
//! with the author's side ids, names and title put in, a header in each file pointing to the
//! format page, and its own map. It validates clean and plays before the author changes a line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::args::NewArgs;
use crate::error::CliError;
use crate::terminal::shown;

/// The template's files: (path inside the folder, text), from the format's minimal complete
/// scenario.
const TEMPLATE: [(&str, &str); 23] = [
    (
        "scenario.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/scenario.ron"),
    ),
    (
        "actors.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/actors.ron"),
    ),
    (
        "relations.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/relations.ron"),
    ),
    (
        "regions.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/regions.ron"),
    ),
    (
        "forces.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/forces.ron"),
    ),
    (
        "sectors.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/sectors.ron"),
    ),
    (
        "trade.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/trade.ron"),
    ),
    (
        "tracks.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/tracks.ron"),
    ),
    (
        "ladder.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/ladder.ron"),
    ),
    (
        "actions.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/actions.ron"),
    ),
    (
        "events.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/events.ron"),
    ),
    (
        "objectives.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/objectives.ron"),
    ),
    (
        "outcomes.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/outcomes.ron"),
    ),
    (
        "historical.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/historical.ron"),
    ),
    (
        "milestones.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/milestones.ron"),
    ),
    (
        "glossary.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/glossary.ron"),
    ),
    (
        "sources.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/sources.ron"),
    ),
    (
        "personalities.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/personalities.ron"),
    ),
    (
        "difficulties.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/difficulties.ron"),
    ),
    (
        "rules.ron",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/rules.ron"),
    ),
    (
        "briefings/aldova.md",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/briefings/aldova.md"),
    ),
    (
        "briefings/borenia.md",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/briefings/borenia.md"),
    ),
    (
        "briefings/teacher.md",
        include_str!("../../../demarche_sim/tests/fixtures/two_rivers/briefings/teacher.md"),
    ),
];

/// The template's map.
const MAP: &str =
    include_str!("../../../demarche_sim/tests/fixtures/two_rivers/two_rivers.map.ron");

/// Ids the template's third parties use, which a side may not take.
const TAKEN: [&str; 3] = ["LEAGUE", "MER", "CRN"];

/// What the new scenario is called.
struct Names {
    id: String,
    title: String,
    sides: [Side; 2],
}

/// One side as the author named it.
struct Side {
    id: String,
    name: String,
    lower: String,
}

/// Writes the new scenario, then loads it to show it validates.
pub fn run(args: &NewArgs) -> Result<ExitCode, CliError> {
    let names = names(args)?;
    check_target(&args.dir)?;
    let files = render(&names);
    write_all(&args.dir, &files).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&args.dir);
    })?;
    match demarche_sim::load(&args.dir) {
        Ok(loaded) => {
            println!(
                "{}: a new scenario \"{}\" ({} and {}), {} files; it validates clean ({} warning{}).",
                shown(&args.dir),
                names.title,
                names.sides[0].id,
                names.sides[1].id,
                files.len(),
                loaded.warnings.len(),
                if loaded.warnings.len() == 1 { "" } else { "s" }
            );
            println!(
                "Play it: demarche run --scenario {} --side {}=hawk --side {}=ai",
                shown(&args.dir),
                names.sides[0].id,
                names.sides[1].id
            );
            println!("Then edit it: docs/scenario-format.md explains every file.");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let _ = std::fs::remove_dir_all(&args.dir);
            Err(CliError::Usage(format!(
                "the new scenario does not validate, so nothing was kept: {}",
                demarche_sim::scenario::render_problems(&error.problems)
            )))
        }
    }
}

/// The ids, names and title, checked.
fn names(args: &NewArgs) -> Result<Names, CliError> {
    let [a, b] = args.sides.as_slice() else {
        return Err(CliError::Usage(
            "--sides takes two actor ids, e.g. --sides AAA,BBB".into(),
        ));
    };
    for id in [a, b] {
        check_side_id(id)?;
    }
    if a == b {
        return Err(CliError::Usage(format!(
            "--sides {a},{b}: the two sides need two ids"
        )));
    }
    let given: Vec<&str> = args.names.iter().map(|n| n.trim()).collect();
    let name_of = |i: usize, id: &str| -> Result<String, CliError> {
        match given.get(i) {
            None => Ok(id.to_owned()),
            Some(n) if n.is_empty() || n.chars().count() > 60 || n.contains(['"', '\\']) => {
                Err(CliError::Usage(format!(
                    "--names: `{n}` needs 1 to 60 characters, without quotes or backslashes"
                )))
            }
            Some(n) => Ok((*n).to_owned()),
        }
    };
    if given.len() > 2 {
        return Err(CliError::Usage("--names takes two names".into()));
    }
    let id = scenario_id(&args.dir)?;
    let sides = [side(a, name_of(0, a)?), side(b, name_of(1, b)?)];
    if sides[0].lower == sides[1].lower {
        return Err(CliError::Usage(format!(
            "--sides {a},{b}: the two ids must differ in more than case"
        )));
    }
    let title = match &args.title {
        Some(t) if t.trim().is_empty() || t.contains(['"', '\\']) => {
            return Err(CliError::Usage(
                "--title needs some text, without quotes or backslashes".into(),
            ));
        }
        Some(t) => t.trim().to_owned(),
        None => format!("{} and {}", sides[0].name, sides[1].name),
    };
    Ok(Names { id, title, sides })
}

fn side(id: &str, name: String) -> Side {
    Side {
        id: id.to_owned(),
        lower: id.to_lowercase(),
        name,
    }
}

/// An actor id for a side: 2 to 12 capital letters, digits or `_`, starting with a letter, and
/// none of the template's third parties.
fn check_side_id(id: &str) -> Result<(), CliError> {
    let ok = (2..=12).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_uppercase())
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        return Err(CliError::Usage(format!(
            "--sides: `{id}` is not a side id here; use 2 to 12 capital letters, digits or `_`, starting with a letter (e.g. AAA)"
        )));
    }
    if TAKEN.contains(&id) {
        return Err(CliError::Usage(format!(
            "--sides: `{id}` is taken by one of the template's third parties ({}); choose another id and rename those later",
            TAKEN.join(", ")
        )));
    }
    Ok(())
}

/// The scenario's id: the folder's name, which must be an id.
fn scenario_id(dir: &Path) -> Result<String, CliError> {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(name.to_owned())
    } else {
        Err(CliError::Usage(format!(
            "{}: the folder's name is the scenario's id, so it needs letters, digits, `_` or `-` only (e.g. my_dyad)",
            shown(dir)
        )))
    }
}

/// Refuses a folder that exists and is not empty: nothing is ever overwritten.
fn check_target(dir: &Path) -> Result<(), CliError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(CliError::Usage(format!(
                    "{} exists and is not empty; `new` writes only into a new or empty folder",
                    shown(dir)
                )));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CliError::Usage(format!("{}: {e}", shown(dir)))),
    }
}

/// Every file of the new scenario: (path inside the folder, text).
fn render(names: &Names) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = TEMPLATE
        .iter()
        .map(|(path, text)| {
            (
                PathBuf::from(rename(path, names)),
                header(path) + &rename(text, names),
            )
        })
        .collect();
    files.push((PathBuf::from(format!("{}.map.ron", names.id)), map(names)));
    files
}

/// The template's names replaced by the author's, longest first so "Aldovan" goes before
/// "Aldova".
fn rename(text: &str, names: &Names) -> String {
    let [a, b] = &names.sides;
    let quoted = |id: &str| format!("\"{id}\"");
    let replacements: [(&str, String); 15] = [
        ("Two Rivers (test fixture)", names.title.clone()),
        ("two_rivers", names.id.clone()),
        ("\"ALD\"", quoted(&a.id)),
        ("\"BOR\"", quoted(&b.id)),
        ("Aldovan", a.name.clone()),
        ("Aldova", a.name.clone()),
        ("aldovan", a.lower.clone()),
        ("aldova", a.lower.clone()),
        ("Borenian", b.name.clone()),
        ("Borenia", b.name.clone()),
        ("borenian", b.lower.clone()),
        ("borenia", b.lower.clone()),
        ("\"fixture\"", "\"placeholder\"".to_owned()),
        (
            "A made-up dyad for the engine's tests and for scenario authors",
            "A made-up dyad to start from".to_owned(),
        ),
        (
            "The engine's test fixture and the smallest complete scenario an author can read",
            "Written by `demarche new` from the format's minimal complete scenario".to_owned(),
        ),
    ];
    let mut out = text.to_owned();
    for (from, to) in &replacements {
        out = out.replace(from, to);
    }
    out.replace(
        "Fixture: made-up data",
        "Placeholder data from `demarche new`",
    )
}

/// A comment atop each RON file pointing to its section of the format page.
fn header(path: &str) -> String {
    if !path.ends_with(".ron") {
        return String::new();
    }
    format!(
        "// {path}: written by `demarche new`. Every name, figure and date here is a placeholder to\n// replace. What each field means: docs/scenario-format.md (\"The files, one by one\") and the\n// generated docs/scenario-format-reference.md; check your edits with `demarche validate`.\n"
    )
}

/// The template's map under the new id, saying where its shapes come from.
fn map(names: &Names) -> String {
    let renamed = rename(MAP, names);
    renamed
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("provenance:") {
                " provenance: \"Made-up shapes written by `demarche new`; make your region's map with `demarche map import --source FILE --bbox W,S,E,N --out <this folder> --force` (docs/scenario-format.md, 7. Maps).\",".to_owned()
            } else if trimmed.starts_with("command:") {
                " command: \"demarche new\",".to_owned()
            } else if trimmed.starts_with("// Generated by") {
                "// Written by `demarche new`: made-up shapes to replace with your region's map.".to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Writes every file, creating the folders.
fn write_all(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), CliError> {
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
    }
    Ok(())
}
