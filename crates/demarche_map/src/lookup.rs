//! Where a scenario's map file is: `<map>.map.ron` in the scenario's own folder first, then in
//! the shared `assets/maps/` folders. The window, `demarche validate`, `demarche map preview`
//! and the classroom host all look it up here, so they never disagree.

use std::path::{Path, PathBuf};

/// The file name of a map: `<map>.map.ron`.
pub fn map_file_name(map: &str) -> String {
    format!("{map}.map.ron")
}

/// The shared map folders, in the order they are searched: `$DEMARCHE_ASSETS/maps` when set,
/// `assets/maps` in each folder above the scenario's (so `scenarios/x` finds the project's
/// `assets/maps`), and `assets/maps` in the current folder.
pub fn shared_map_dirs(scenario_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(assets) = std::env::var_os("DEMARCHE_ASSETS") {
        dirs.push(PathBuf::from(assets).join("maps"));
    }
    let dir = std::fs::canonicalize(scenario_dir).unwrap_or_else(|_| scenario_dir.to_path_buf());
    dirs.extend(
        dir.ancestors()
            .skip(1)
            .map(|a| a.join("assets").join("maps")),
    );
    dirs.push(Path::new("assets").join("maps"));
    let mut unique: Vec<PathBuf> = Vec::with_capacity(dirs.len());
    for d in dirs {
        if !unique.contains(&d) {
            unique.push(d);
        }
    }
    unique
}

/// No file for a scenario's map.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error(
    "no map file `{file}` in the scenario's folder ({}) or in a shared maps folder",
    scenario_dir.display()
)]
pub struct MapNotFound {
    /// The file looked for, `<map>.map.ron`.
    pub file: String,
    /// The scenario's folder, searched first.
    pub scenario_dir: PathBuf,
    /// The shared folders searched after it, that exist.
    pub searched: Vec<PathBuf>,
}

impl MapNotFound {
    /// The ids of the maps that do exist in the folders searched, for a did-you-mean.
    pub fn available(&self) -> Vec<String> {
        let mut ids: Vec<String> = std::iter::once(&self.scenario_dir)
            .chain(&self.searched)
            .flat_map(|d| maps_in(d))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The ids of the `*.map.ron` files in a folder (none if it cannot be read).
pub fn maps_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = name.strip_suffix(".map.ron")?;
            (!id.is_empty() && e.path().is_file()).then(|| id.to_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// The file of map `map` for the scenario in `scenario_dir`: `<scenario_dir>/<map>.map.ron` if
/// it is there, else the first `<dir>/<map>.map.ron` of `shared` that is.
pub fn find_map_file(
    scenario_dir: &Path,
    map: &str,
    shared: &[PathBuf],
) -> Result<PathBuf, MapNotFound> {
    let name = map_file_name(map);
    // An id with a separator would climb out of the folders; the scenario validator refuses
    // such ids, and so does this.
    let plain = !map.is_empty() && !map.contains(['/', '\\']) && map != "." && map != "..";
    if plain {
        let own = scenario_dir.join(&name);
        if own.is_file() {
            return Ok(own);
        }
        if let Some(found) = shared.iter().map(|d| d.join(&name)).find(|p| p.is_file()) {
            return Ok(found);
        }
    }
    Err(MapNotFound {
        file: name,
        scenario_dir: scenario_dir.to_path_buf(),
        searched: shared.iter().filter(|d| d.is_dir()).cloned().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenario_folder_comes_before_the_shared_maps() {
        let root = std::env::temp_dir().join(format!("demarche_map_lookup_{}", std::process::id()));
        let scenario = root.join("scenarios/x");
        let shared = root.join("assets/maps");
        std::fs::create_dir_all(&scenario).unwrap();
        std::fs::create_dir_all(&shared).unwrap();
        std::fs::write(shared.join("m.map.ron"), "").unwrap();
        std::fs::write(shared.join("other.map.ron"), "").unwrap();
        let dirs = shared_map_dirs(&scenario);
        assert_eq!(
            find_map_file(&scenario, "m", &dirs).map(|p| p.ends_with("assets/maps/m.map.ron")),
            Ok(true)
        );
        std::fs::write(scenario.join("m.map.ron"), "").unwrap();
        assert_eq!(
            find_map_file(&scenario, "m", &dirs),
            Ok(scenario.join("m.map.ron"))
        );
        let missing = find_map_file(&scenario, "n", &dirs).unwrap_err();
        assert_eq!(missing.file, "n.map.ron");
        assert_eq!(
            missing.available(),
            vec!["m".to_owned(), "other".to_owned()]
        );
        assert!(find_map_file(&scenario, "../x/m", &dirs).is_err());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
