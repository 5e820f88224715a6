//! Saving and loading from the window: manual saves never overwrite one another, the autosave
//! keeps its previous version, and every write is atomic.

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

/// Saves to `path`, or to a new numbered file in the saves folder `dir`.
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
    SaveFile::of(&session.game, settings(session)).write(&path)?;
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
    Ok(session)
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
                .filter(|p| p.to_string_lossy().ends_with(".save.ron"))
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
