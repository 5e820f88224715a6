//! Saving and loading from the window: manual saves never overwrite one another, the autosave
//! keeps its previous version, and every write is atomic.
//!
//! A game with branches is saved as its trunk, `NAME.save.ron` (an ordinary save, which the
//! CLI reads as it is), and one file per branch beside it, `NAME.branch-K.save.ron`, each an
//! ordinary save of that branch's game with `branch_of`, `branch_parent`, `branch_from_turn`
//! and `branch_name` in its settings. The trunk's settings say how many lines there are
//! (`lines`) and which was current (`current_line`); loading it brings the branches back.
//! The saves list shows trunks only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use demarche_ai::AiSpec;
use demarche_sim::save::{SaveError, SaveFile};

use super::catalog::Catalog;
use super::{Mode, Session};

/// Settings a save carries for the window.
fn settings(session: &Session) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    map.insert("mode".into(), session.mode.key().into());
    map.insert("ai".into(), session.ai.to_string());
    map.insert(
        "scenario_dir".into(),
        session.scenario_dir.display().to_string(),
    );
    session.class.write(&mut map);
    map
}

/// Where saves go.
#[derive(bevy::prelude::Resource, Clone, Debug)]
pub struct SavesDir(pub PathBuf);

impl Default for SavesDir {
    fn default() -> Self {
        SavesDir(crate::paths::saves_dir())
    }
}

/// The file of branch `k` of the save at `trunk`: `NAME.branch-K.save.ron` beside it.
pub fn branch_file(trunk: &Path, k: usize) -> PathBuf {
    let name = trunk
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".save.ron").unwrap_or(&name);
    trunk.with_file_name(format!("{stem}.branch-{k}.save.ron"))
}

/// Saves to `path`, or to a new numbered file in the saves folder `dir`: the trunk there, each
/// branch beside it (branch files of an earlier save under that name that are no longer lines
/// are removed). The live game is saved, not an earlier turn looked at.
pub fn save(session: &Session, dir: &Path, path: Option<PathBuf>) -> Result<PathBuf, SaveError> {
    let path = match path {
        Some(p) => p,
        None => next_free(dir, session),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let lines = &session.lines.lines;
    let mut trunk_settings = settings(session);
    if lines.len() > 1 {
        trunk_settings.insert("lines".into(), lines.len().to_string());
        trunk_settings.insert("current_line".into(), session.lines.current.to_string());
    }
    let trunk = session.line_game(0).unwrap_or(&session.game);
    SaveFile::of(trunk, trunk_settings).write(&path)?;
    let trunk_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for (k, line) in lines.iter().enumerate().skip(1) {
        let Some(game) = session.line_game(k) else {
            continue;
        };
        let mut s = settings(session);
        s.insert("branch_of".into(), trunk_name.clone());
        s.insert("branch_parent".into(), line.parent.unwrap_or(0).to_string());
        s.insert("branch_from_turn".into(), line.from_turn.to_string());
        s.insert("branch_name".into(), line.name.clone());
        SaveFile::of(game, s).write(&branch_file(&path, k))?;
    }
    // Branch files of an earlier save of this name that are no longer lines.
    let mut k = lines.len().max(1);
    while branch_file(&path, k).exists() {
        let _ = std::fs::remove_file(branch_file(&path, k));
        k += 1;
    }
    Ok(path)
}

/// A new file name that does not exist yet.
fn next_free(dir: &Path, session: &Session) -> PathBuf {
    let id = &session.scenario().meta.id;
    let turn = session.game.turn();
    (1..)
        .map(|n| dir.join(format!("{id}-turn{turn:02}-{n}.save.ron")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{id}.save.ron")))
}

/// The autosave in `dir`: the previous autosave is kept as `autosave.previous.save.ron`.
pub fn autosave(session: &Session, dir: &Path) -> Result<PathBuf, SaveError> {
    let path = dir.join("autosave.save.ron");
    if path.exists() {
        let _ = std::fs::copy(&path, dir.join("autosave.previous.save.ron"));
    }
    save(session, dir, Some(path))
}

/// Loads a save into a session, finding its scenario in the catalog.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Session, String> {
    let file = SaveFile::read(path).map_err(|e| e.to_string())?;
    let entry = catalog.by_id(&file.scenario_id).ok_or_else(|| {
        format!(
            "scenario `{}` is not in {}",
            file.scenario_id,
            catalog.root.display()
        )
    })?;
    let scenario = entry.loaded.clone().map_err(|e| e.to_string())?;
    let dir = entry.dir.clone();
    let mode = file
        .settings
        .get("mode")
        .and_then(|m| Mode::from_key(m))
        .unwrap_or(Mode::Play(demarche_sim::Side::First));
    let ai: AiSpec = file
        .settings
        .get("ai")
        .and_then(|a| a.parse().ok())
        .unwrap_or_default();
    let class = super::ClassSettings::read(&file.settings);
    let saved_settings = file.settings.clone();
    let game = file.restore(scenario, path).map_err(|e| e.to_string())?;
    let mut session = Session::with_game(game, dir, mode, ai);
    // The inject file is read again for the facilitator panel; the game's own injects (fired or
    // not) came back with the save, so a file that moved or changed leaves the game as saved.
    if let Some(file) = &class.injects {
        session.inject_file =
            super::class::read_injects(session.scenario(), file).unwrap_or_default();
    }
    // Saves from before the game knew its stop carry it only in the class settings.
    if session.game.stop_turn().is_none() {
        session.game.stop_after(class.last_turn());
    }
    session.class = class;
    load_branches(&mut session, path, &saved_settings, catalog)?;
    Ok(session)
}

/// Brings back the branches saved beside a trunk, and makes current the line that was.
fn load_branches(
    session: &mut Session,
    path: &Path,
    settings: &BTreeMap<String, String>,
    catalog: &Catalog,
) -> Result<(), String> {
    let count: usize = settings
        .get("lines")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    for k in 1..count {
        let file = branch_file(path, k);
        let branch = SaveFile::read(&file).map_err(|e| e.to_string())?;
        let scenario = catalog
            .by_id(&branch.scenario_id)
            .and_then(|e| e.loaded.clone().ok())
            .ok_or_else(|| format!("{}: scenario not found", file.display()))?;
        let saved = branch.settings.clone();
        let get = |key: &str| saved.get(key).cloned().unwrap_or_default();
        let game = branch.restore(scenario, &file).map_err(|e| e.to_string())?;
        session.lines.lines.push(super::timeline::Line {
            name: get("branch_name"),
            parent: get("branch_parent").parse().ok(),
            from_turn: get("branch_from_turn").parse().unwrap_or(1),
            game: Some(game),
        });
    }
    let current: usize = settings
        .get("current_line")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if current > 0 && current < session.lines.lines.len() {
        session.switch_line(current)?;
        for side in demarche_sim::Side::BOTH {
            session.drafts[side.index()] = session.game.submitted(side).to_vec();
        }
    }
    Ok(())
}

/// A save in the saves folder.
#[derive(Clone, Debug)]
pub struct SaveEntry {
    /// The file.
    pub path: PathBuf,
    /// The file name, for the list.
    pub name: String,
}

/// The saves in the folder `dir`, by name.
pub fn list(dir: &Path) -> Vec<SaveEntry> {
    let mut entries: Vec<SaveEntry> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.to_string_lossy();
                    name.ends_with(".save.ron") && !name.contains(".branch-")
                })
                .map(|path| SaveEntry {
                    name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    path,
                })
                .collect()
        })
        .unwrap_or_default();
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries
}
