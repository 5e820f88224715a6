//! The debrief pack for teachers, written into a new folder per game: `debrief.md` (outcome,
//! objectives, timeline), `turns.csv` (every number per turn), `debrief.json` (the whole game)
//! and `debrief.html` (a printable page with charts). All four read one [`Debrief`], gathered
//! once.

pub mod compare;
pub mod gather;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use std::path::{Path, PathBuf};

use demarche_sim::Game;

pub use gather::Debrief;
pub use table::TurnTable;

/// The files of a debrief pack, in the order they are written.
pub const FILES: [&str; 4] = ["debrief.md", "turns.csv", "debrief.json", "debrief.html"];

/// The Markdown debrief of a game.
pub fn markdown(game: &Game) -> String {
    markdown::render(&Debrief::gather(game, &unknown_policies()))
}

/// Every number per turn as CSV: one row per turn, the start as turn 0.
pub fn csv(game: &Game) -> String {
    TurnTable::of(game).csv()
}

/// Writes the debrief pack into a new folder inside `dir`, named after the scenario, the sides'
/// policies and the seed (with a counter when such a folder exists already, so a debrief never
/// overwrites another): `debrief.md`, `turns.csv`, `debrief.json` and `debrief.html`. Returns
/// the folder.
pub fn write(game: &Game, dir: &Path, policies: &[String; 2]) -> std::io::Result<PathBuf> {
    write_named(game, dir, policies, [None, None])
}

/// [`write`], naming the players who gave names (by side index).
pub fn write_named(
    game: &Game,
    dir: &Path,
    policies: &[String; 2],
    names: [Option<String>; 2],
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = format!(
        "{}-{}-vs-{}-seed{}",
        clean(&game.scenario().meta.id),
        clean(&policies[0]),
        clean(&policies[1]),
        game.seed()
    );
    let debrief = Debrief::gather(game, policies).with_names(names);
    let json =
        serde_json::to_string_pretty(&json::render(&debrief)).map_err(std::io::Error::other)?;
    let contents = [
        markdown::render(&debrief),
        debrief.table.csv(),
        json,
        html::render(&debrief),
    ];
    let folder = new_folder(dir, &stem)?;
    for (name, text) in FILES.iter().zip(&contents) {
        write_file(&folder.join(name), text)?;
    }
    Ok(folder)
}

/// Writes a file atomically (a temporary file, then a rename).
pub fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    demarche_sim::save::write_atomically(path, text.as_bytes()).map_err(std::io::Error::other)
}

/// The policies of a game whose players are not known.
pub fn unknown_policies() -> [String; 2] {
    [String::from("unknown"), String::from("unknown")]
}

/// A name for a folder: ASCII letters, digits and `-`; anything else becomes `_`.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Creates `dir/stem`, or `dir/stem-2`, `-3`… when it exists: never an existing folder.
pub fn new_folder(dir: &Path, stem: &str) -> std::io::Result<PathBuf> {
    for n in 1..10_000u32 {
        let name = if n == 1 {
            stem.to_owned()
        } else {
            format!("{stem}-{n}")
        };
        let folder = dir.join(name);
        match std::fs::create_dir(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{} already holds 9,999 folders named {stem}",
        dir.display()
    )))
}

/// The settings keys of the players' names, by side index (in saves and replays).
pub const NAME_KEYS: [&str; 2] = ["name.first", "name.second"];

/// The players' names kept in a save's or replay's settings.
pub fn names_in(settings: &std::collections::BTreeMap<String, String>) -> [Option<String>; 2] {
    NAME_KEYS.map(|key| settings.get(key).filter(|n| !n.trim().is_empty()).cloned())
}
