//! A scenario's map: found (the scenario's folder first, then the shared `assets/maps/`),
//! loaded, its regions placed on it ([`MapModel`]), and checked for `demarche validate`: the map
//! file exists and loads, and every region's `map_features` entry names a feature of it, each
//! problem located in its file with a did-you-mean.

use std::path::{Path, PathBuf};

use demarche_map::{MapAsset, MapError, MapModel, MapNotFound, RegionInput};
use demarche_sim::Scenario;
use demarche_sim::scenario::read::{SourceText, read_text};
use demarche_sim::scenario::suggest::{did_you_mean, help_listing};
use demarche_sim::scenario::{Location, Problem, Severity};

/// The file of the scenario's map `map`: `<dir>/<map>.map.ron`, else in the shared map folders
/// ([`demarche_map::shared_map_dirs`]).
pub fn find(dir: &Path, map: &str) -> Result<PathBuf, MapNotFound> {
    demarche_map::find_map_file(dir, map, &demarche_map::shared_map_dirs(dir))
}

/// The scenario's regions as the map model takes them.
pub fn regions(scn: &Scenario) -> Vec<RegionInput<'_>> {
    scn.regions
        .iter()
        .map(|r| RegionInput {
            key: &r.key,
            label: r.name(),
            features: &r.map_features,
            outline: &r.outline,
            anchor: r.anchor,
        })
        .collect()
}

/// The map with the scenario's regions on it.
pub fn model(asset: MapAsset, scn: &Scenario) -> MapModel {
    let regions = regions(scn);
    MapModel::new(asset, &regions)
}

/// What [`check`] found.
#[derive(Debug)]
pub struct MapCheck {
    /// The map's file, when found.
    pub file: Option<PathBuf>,
    /// The map with the regions on it, when it loaded.
    pub model: Option<MapModel>,
    /// Errors and warnings, located.
    pub problems: Vec<Problem>,
}

impl MapCheck {
    /// Whether the map was found in the scenario's own folder (not a shared one).
    pub fn in_folder(&self, dir: &Path) -> bool {
        self.file.as_ref().is_some_and(|f| f.parent() == Some(dir))
    }
}

/// Finds, loads and checks the map of the scenario in `dir`.
pub fn check(dir: &Path, scn: &Scenario) -> MapCheck {
    let map = &scn.meta.map;
    let file = match find(dir, map) {
        Ok(file) => file,
        Err(missing) => {
            return MapCheck {
                file: None,
                model: None,
                problems: vec![not_found(dir, map, &missing)],
            };
        }
    };
    let asset = match MapAsset::load(&file) {
        Ok(asset) => asset,
        Err(error) => {
            return MapCheck {
                problems: vec![unreadable(dir, map, &file, &error)],
                file: Some(file),
                model: None,
            };
        }
    };
    let model = model(asset, scn);
    let mut problems = Vec::new();
    if !model.missing.is_empty() || !model.shared.is_empty() {
        let regions_file = dir.join("regions.ron");
        let source = read_text(&regions_file)
            .ok()
            .map(|text| SourceText::new(regions_file.clone(), text));
        let keys = model.asset.feature_keys();
        for missing in &model.missing {
            let region = &scn.regions[missing.region];
            let help = match did_you_mean(&missing.name, keys.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!(
                    "{}; see every feature's id with `demarche map preview {} --out map.svg`",
                    help_listing(&keys),
                    dir.display()
                ),
            };
            problems.push(located(
                &regions_file,
                source.as_ref(),
                format!("[{}].map_features[{}]", missing.region, missing.entry),
                Severity::Error,
                format!(
                    "region `{}` names `{}`, which map `{map}` ({}) does not have",
                    region.key,
                    missing.name,
                    file.display()
                ),
                Some(help),
            ));
        }
        for shared in &model.shared {
            let (again, entry) = shared.again;
            problems.push(located(
                &regions_file,
                source.as_ref(),
                format!("[{again}].map_features[{entry}]"),
                Severity::Warning,
                format!(
                    "map feature `{}` is in region `{}` already, so it is drawn and hovered as `{}`, not as `{}`",
                    model.asset.features[shared.feature].key(),
                    scn.regions[shared.first].key,
                    scn.regions[shared.first].key,
                    scn.regions[again].key
                ),
                Some("name each feature in one region's map_features".into()),
            ));
        }
    }
    MapCheck {
        file: Some(file),
        model: Some(model),
        problems,
    }
}

/// A problem at a field path of a file, located when the file could be read.
fn located(
    file: &Path,
    source: Option<&SourceText>,
    path: String,
    severity: Severity,
    message: String,
    help: Option<String>,
) -> Problem {
    let (location, source_line) = match source.and_then(|s| s.locate(&path)) {
        Some((location, line)) => (Some(location), Some(line)),
        None => (
            Some(Location {
                line: 1,
                col: 1,
                len: 1,
            }),
            None,
        ),
    };
    Problem {
        severity,
        file: file.to_path_buf(),
        path,
        location,
        message,
        help,
        source_line,
    }
}

/// `map` names no file: located at `scenario.ron`'s `map`.
fn not_found(dir: &Path, map: &str, missing: &MapNotFound) -> Problem {
    let scenario_file = dir.join("scenario.ron");
    let source = read_text(&scenario_file)
        .ok()
        .map(|text| SourceText::new(scenario_file.clone(), text));
    let available = missing.available();
    let help = match did_you_mean(map, available.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `{close}`?"),
        None => {
            let mut help = format!(
                "make it with `demarche map import --source FILE --bbox W,S,E,N --out {} --id {map}`",
                dir.display()
            );
            if !available.is_empty() {
                help.push_str(&format!(
                    ", or name a map that exists: {}",
                    help_listing(&available)
                ));
            }
            help
        }
    };
    located(
        &scenario_file,
        source.as_ref(),
        "map".into(),
        Severity::Error,
        format!(
            "map `{map}`: no `{}` in the scenario's folder or in a shared maps folder (assets/maps)",
            missing.file
        ),
        Some(help),
    )
}

/// The map file exists but does not load: located in the map file when the place is known.
fn unreadable(dir: &Path, map: &str, file: &Path, error: &MapError) -> Problem {
    let help = Some(format!(
        "`map: \"{map}\"` in {} names this file; make it again with `demarche map import`",
        dir.join("scenario.ron").display()
    ));
    match error {
        MapError::Syntax { line, col, why, .. } => {
            let source_line = std::fs::read_to_string(file)
                .ok()
                .and_then(|t| t.lines().nth(line.saturating_sub(1)).map(str::to_owned));
            Problem {
                severity: Severity::Error,
                file: file.to_path_buf(),
                path: String::new(),
                location: Some(Location {
                    line: (*line).max(1),
                    col: (*col).max(1),
                    len: 1,
                }),
                message: format!("the map does not load: {why}"),
                help,
                source_line,
            }
        }
        MapError::Invalid { why, .. } => Problem {
            help,
            ..Problem::file_error(file, format!("the map does not load: {why}"))
        },
        MapError::Io { source, .. } => Problem {
            help,
            ..Problem::file_error(file, format!("the map cannot be read: {source}"))
        },
    }
}
