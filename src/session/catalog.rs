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
    /// Scans a folder of scenario folders.
    pub fn scan(root: PathBuf) -> Catalog {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
            .map(|r| {
                r.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.join("scenario.ron").is_file())
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        let entries = dirs
            .into_iter()
            .map(|dir| {
                let loaded = demarche_sim::load(&dir)
                    .map(|l| Arc::new(l.scenario))
                    .map_err(|e| {
                        let first = e
                            .problems
                            .iter()
                            .find(|p| p.is_error())
                            .map(|p| p.headline())
                            .unwrap_or_default();
                        format!("{} error(s); first: {first}", e.error_count())
                    });
                CatalogEntry { dir, loaded }
            })
            .collect();
        Catalog { root, entries }
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
