//! The scenarios found in the `scenarios/` folder, validated once at start-up.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use demarche_sim::Scenario;

/// A scenario folder and what loading it gave.
#[derive(Clone, Debug)]
pub struct CatalogEntry {
    /// The folder.
    pub dir: PathBuf,
    /// The scenario, or a summary of its problems.
    pub loaded: Result<Arc<Scenario>, String>,
    /// The located problems of the last reading that failed while an earlier good version is
    /// kept in `loaded` (files saved while the menu or a briefing was shown).
    pub problems: Option<String>,
}

/// What reading a folder again did to its entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Reloaded {
    /// A good version replaced the one shown.
    Updated {
        /// The folder.
        dir: PathBuf,
        /// The scenario's title.
        title: String,
    },
    /// The saved files have errors; the last good version (if any) is kept.
    Broken {
        /// The folder.
        dir: PathBuf,
        /// How many errors.
        errors: usize,
    },
}

/// Reads a scenario folder: its files and its map. `Err` holds every problem, rendered with
/// file, line and column, when any is an error.
pub fn read(dir: &std::path::Path) -> Result<Arc<Scenario>, (usize, String)> {
    let problems = match demarche_sim::load(dir) {
        Ok(loaded) => {
            let map = demarche_cli::scenario_map::check(dir, &loaded.scenario);
            let mut problems = loaded.warnings;
            problems.extend(map.problems);
            if !problems.iter().any(|p| p.is_error()) {
                return Ok(Arc::new(loaded.scenario));
            }
            problems
        }
        Err(e) => e.problems,
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    Err((errors, demarche_sim::scenario::render_problems(&problems)))
}

/// The entry after reading its folder again: a good reading replaces it; a failed one keeps the
/// last good version, with the problems beside it.
pub fn reread(
    old: Option<&CatalogEntry>,
    dir: PathBuf,
    read: Result<Arc<Scenario>, (usize, String)>,
) -> (CatalogEntry, Reloaded) {
    match read {
        Ok(scn) => {
            let title = scn.meta.title.clone();
            (
                CatalogEntry {
                    dir: dir.clone(),
                    loaded: Ok(scn),
                    problems: None,
                },
                Reloaded::Updated { dir, title },
            )
        }
        Err((errors, rendered)) => {
            let loaded = match old.map(|e| &e.loaded) {
                Some(Ok(good)) => Ok(good.clone()),
                _ => Err(format!("{errors} error(s); see the problems listed")),
            };
            (
                CatalogEntry {
                    dir: dir.clone(),
                    loaded,
                    problems: Some(rendered),
                },
                Reloaded::Broken { dir, errors },
            )
        }
    }
}

/// Every scenario folder found.
#[derive(Resource, Clone, Debug, Default)]
pub struct Catalog {
    /// The folder scanned.
    pub root: PathBuf,
    /// Entries, sorted by folder name.
    pub entries: Vec<CatalogEntry>,
}

impl Catalog {
    /// Scans a folder of scenario folders (each read with its map; one with errors is listed
    /// with its problems).
    pub fn scan(root: PathBuf) -> Catalog {
        let entries = Catalog::dirs(&root)
            .into_iter()
            .map(|dir| reread(None, dir.clone(), read(&dir)).0)
            .collect();
        Catalog { root, entries }
    }

    /// Reads again the folders whose files changed between two fingerprints (and folders that
    /// appeared; those that disappeared are dropped), keeping the last good version of a folder
    /// whose new files do not load.
    pub fn refresh(
        &mut self,
        before: &demarche_cli::watch::Fingerprint,
        now: &demarche_cli::watch::Fingerprint,
    ) -> Vec<Reloaded> {
        let changed = |dir: &std::path::Path| {
            let files = |f: &demarche_cli::watch::Fingerprint| -> Vec<_> {
                f.iter()
                    .filter(|(p, _, _)| p.starts_with(dir))
                    .cloned()
                    .collect()
            };
            files(before) != files(now)
        };
        let fresh = Catalog::dirs(&self.root);
        let mut out = Vec::new();
        let mut entries = Vec::new();
        for dir in fresh {
            let old = self.entries.iter().find(|e| e.dir == dir);
            match old {
                Some(old) if !changed(&dir) => entries.push(old.clone()),
                _ => {
                    let (entry, what) = reread(old, dir.clone(), read(&dir));
                    entries.push(entry);
                    out.push(what);
                }
            }
        }
        self.entries = entries;
        out
    }

    /// The scenario folders under `root` (those with a `scenario.ron`), sorted.
    fn dirs(root: &std::path::Path) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
            .map(|r| {
                r.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.join("scenario.ron").is_file())
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        dirs
    }

    /// The entry whose scenario has this id.
    pub fn by_id(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries
            .iter()
            .find(|e| e.loaded.as_ref().is_ok_and(|s| s.meta.id == id))
    }
}

/// Start-up: scans the scenarios folder (unless a catalog was inserted already).
pub fn scan(mut catalog: ResMut<Catalog>) {
    if catalog.entries.is_empty() {
        *catalog = Catalog::scan(crate::paths::find_dir("scenarios"));
    }
}
