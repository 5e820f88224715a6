//! Démarche's map assets: coastlines projected to kilometres, triangulated for drawing, with the
//! id, names and status of each land feature; plus the projection and the geometry helpers the
//! game and the importer share.
//!
//! Map files are made by `demarche map import` ([`import`]) from GeoJSON or TopoJSON, and live in
//! a scenario's folder (or, shared by several scenarios, under `assets/maps/`: [`lookup`]).
//! [`model`] places a scenario's regions on a map (projected and labelled) for every renderer:
//! the window, `demarche map preview` and the classroom's pages ([`svg`]).

pub mod geometry;
pub mod import;
pub mod lookup;
pub mod model;
pub mod projection;
pub mod svg;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use geometry::{point_in_ring, triangulate};
pub use lookup::{MapNotFound, find_map_file, shared_map_dirs};
pub use model::{MapModel, RegionInput};
pub use projection::Projection;

/// The version of the map file format that this build writes: 2 added each feature's `id` and
/// the `import` record.
pub const MAP_FORMAT_VERSION: u32 = 2;

/// The oldest map file format version this build reads.
pub const OLDEST_MAP_FORMAT_VERSION: u32 = 1;

/// Largest map file [`MapAsset::load`] reads.
pub const MAX_MAP_BYTES: u64 = 64 * 1024 * 1024;

/// A map asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapAsset {
    /// Format version, from [`OLDEST_MAP_FORMAT_VERSION`] to [`MAP_FORMAT_VERSION`].
    pub format_version: u32,
    /// Map id (the file is `<id>.map.ron`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Where the data comes from and the credit line to show.
    pub provenance: String,
    /// The command that made this file.
    pub command: String,
    /// What the importer read and when (absent in files made before format version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportRecord>,
    /// The projection of every coordinate in the file.
    pub projection: Projection,
    /// The area covered, in degrees: west, south, east, north.
    pub bbox: [f64; 4],
    /// The projected extent in km: min x, min y, max x, max y.
    pub extent: [f32; 4],
    /// Land features.
    pub features: Vec<MapFeature>,
}

/// Where an imported map comes from: written by `demarche map import`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRecord {
    /// The source file's name (without its folder).
    pub source: String,
    /// `GeoJSON` or `TopoJSON`.
    pub format: String,
    /// The TopoJSON object read, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// FNV-1a 64-bit hash of the source file's bytes, 16 hex digits: the same file gives the
    /// same map.
    pub source_hash: String,
    /// The day of the import, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// The tool and its version, e.g. `demarche 0.1.0 map import`.
    pub tool: String,
}

/// A land feature: an island, a land mass, part of a coast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFeature {
    /// The feature's id, unique in files written by the importer; empty in files made before
    /// format version 2, where the `name` is the id ([`MapFeature::key`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// English name (empty when the source has none). Several features may share a name (the
    /// parts of a multi-part country); a region's `map_features` entry that is a name takes
    /// them all.
    pub name: String,
    /// Names by language code.
    pub names: BTreeMap<String, String>,
    /// ISO 3166 alpha-3 of the administering country, as the source draws it.
    pub country: String,
    /// Whether its sovereignty is disputed.
    pub disputed: bool,
    /// Outer ring, projected (km), counter-clockwise, not closed.
    pub ring: Vec<[f32; 2]>,
    /// Triangles as indices into `ring`.
    pub triangles: Vec<[u32; 3]>,
}

/// Why a map file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not RON, or not a map's RON.
    #[error("{path}:{line}:{col}: {why}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        why: String,
    },
    /// The file is not a valid map.
    #[error("{path}: {why}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        why: String,
    },
}

/// Why a map's text is not a map.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// Not RON, or not a map's fields.
    #[error("{line}:{col}: {why}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        why: String,
    },
    /// Well-formed, but wrong (a version, a coordinate, a triangle).
    #[error("{0}")]
    Invalid(String),
}

impl MapFeature {
    /// The id scenarios use in `map_features`: [`MapFeature::id`], or the name in older files.
    pub fn key(&self) -> &str {
        if self.id.is_empty() {
            &self.name
        } else {
            &self.id
        }
    }
}

impl MapAsset {
    /// Reads and checks a map file.
    pub fn load(path: &Path) -> Result<MapAsset, MapError> {
        let shown = path.display().to_string();
        let io = |source| MapError::Io {
            path: shown.clone(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_MAP_BYTES {
            return Err(MapError::Invalid {
                path: shown,
                why: format!(
                    "the file is {} MiB; a map may be at most {} MiB (import a smaller area, or raise --tolerance-km)",
                    size / (1024 * 1024),
                    MAX_MAP_BYTES / (1024 * 1024)
                ),
            });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        MapAsset::parse(&text).map_err(|e| match e {
            ParseError::Syntax { line, col, why } => MapError::Syntax {
                path: shown,
                line,
                col,
                why,
            },
            ParseError::Invalid(why) => MapError::Invalid { path: shown, why },
        })
    }

    /// Parses and checks a map from its text.
    pub fn parse(text: &str) -> Result<MapAsset, ParseError> {
        let map: MapAsset = ron::Options::default()
            .with_recursion_limit(32)
            .from_str(text)
            .map_err(|e| ParseError::Syntax {
                line: e.span.start.line,
                col: e.span.start.col,
                why: e.code.to_string(),
            })?;
        map.check().map_err(ParseError::Invalid)?;
        Ok(map)
    }

    /// Checks versions, coordinates and triangle indices.
    pub fn check(&self) -> Result<(), String> {
        if !(OLDEST_MAP_FORMAT_VERSION..=MAP_FORMAT_VERSION).contains(&self.format_version) {
            return Err(format!(
                "map format version {}; this version of Démarche reads {OLDEST_MAP_FORMAT_VERSION} to {MAP_FORMAT_VERSION}",
                self.format_version
            ));
        }
        if self.extent.iter().any(|c| !c.is_finite())
            || self.bbox.iter().any(|c| !c.is_finite())
            || !self.projection.center_lon.is_finite()
            || !self.projection.center_lat.is_finite()
        {
            return Err(
                "the extent, bounding box or projection has a value that is not a number".into(),
            );
        }
        for feature in &self.features {
            if feature.ring.len() < 3 {
                return Err(format!(
                    "feature `{}` has fewer than 3 points",
                    feature.key()
                ));
            }
            if feature.ring.iter().flatten().any(|c| !c.is_finite()) {
                return Err(format!(
                    "feature `{}` has a coordinate that is not a number",
                    feature.key()
                ));
            }
            let n = feature.ring.len() as u32;
            if feature.triangles.iter().flatten().any(|&i| i >= n) {
                return Err(format!(
                    "feature `{}` has a triangle outside its ring",
                    feature.key()
                ));
            }
        }
        Ok(())
    }

    /// The features a region's `map_features` entry names: the feature with that id, else
    /// every feature with that name (in file order); empty when none.
    pub fn features_named(&self, entry: &str) -> Vec<usize> {
        let by_id: Vec<usize> = (0..self.features.len())
            .filter(|&i| self.features[i].key() == entry)
            .collect();
        if !by_id.is_empty() {
            return by_id;
        }
        (0..self.features.len())
            .filter(|&i| !self.features[i].name.is_empty() && self.features[i].name == entry)
            .collect()
    }

    /// The first feature a `map_features` entry names ([`MapAsset::features_named`]).
    pub fn feature(&self, entry: &str) -> Option<&MapFeature> {
        self.features_named(entry)
            .first()
            .map(|&i| &self.features[i])
    }

    /// Every id and distinct name a `map_features` entry may use, ids first, for did-you-means.
    pub fn feature_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.features.iter().map(MapFeature::key).collect();
        let mut seen: std::collections::BTreeSet<&str> = keys.iter().copied().collect();
        for feature in &self.features {
            if !feature.name.is_empty() && seen.insert(&feature.name) {
                keys.push(&feature.name);
            }
        }
        keys
    }

    /// Writes the map as RON text.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(
            self,
            ron::ser::PrettyConfig::default()
                .indentor(" ".to_owned())
                .compact_arrays(true),
        )
    }
}
