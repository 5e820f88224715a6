//! Démarche's map assets: coastlines projected to kilometres, triangulated for drawing, with the
//! names and status of each land feature; plus the projection and the geometry helpers the game
//! and the importer share.
//!
//! Map files are made by `demarche_mapgen` from Natural Earth data and committed under
//! `assets/maps/` with their provenance.

pub mod geometry;
pub mod projection;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use geometry::{point_in_ring, triangulate};
pub use projection::Projection;

/// The version of the map file format.
pub const MAP_FORMAT_VERSION: u32 = 1;

/// A map asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapAsset {
    /// Format version, [`MAP_FORMAT_VERSION`].
    pub format_version: u32,
    /// Map id (the file is `<id>.map.ron`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Where the data comes from and the credit line to show.
    pub provenance: String,
    /// The command that made this file.
    pub command: String,
    /// The projection of every coordinate in the file.
    pub projection: Projection,
    /// The area covered, in degrees: west, south, east, north.
    pub bbox: [f64; 4],
    /// The projected extent in km: min x, min y, max x, max y.
    pub extent: [f32; 4],
    /// Land features.
    pub features: Vec<MapFeature>,
}

/// A land feature: an island, a land mass, part of a coast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFeature {
    /// English name, the key scenarios use in `map_features`.
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
    /// The file is not a valid map.
    #[error("{path}: {why}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        why: String,
    },
}

impl MapAsset {
    /// Reads and checks a map file.
    pub fn load(path: &Path) -> Result<MapAsset, MapError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| MapError::Io {
            path: shown.clone(),
            source,
        })?;
        MapAsset::parse(&text).map_err(|why| MapError::Invalid { path: shown, why })
    }

    /// Parses and checks a map from its text.
    pub fn parse(text: &str) -> Result<MapAsset, String> {
        let map: MapAsset = ron::Options::default()
            .from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        map.check()?;
        Ok(map)
    }

    /// Checks versions, coordinates and triangle indices.
    pub fn check(&self) -> Result<(), String> {
        if self.format_version != MAP_FORMAT_VERSION {
            return Err(format!(
                "map format version {}; this version of Démarche reads {MAP_FORMAT_VERSION}",
                self.format_version
            ));
        }
        for feature in &self.features {
            if feature.ring.len() < 3 {
                return Err(format!(
                    "feature `{}` has fewer than 3 points",
                    feature.name
                ));
            }
            if feature.ring.iter().flatten().any(|c| !c.is_finite()) {
                return Err(format!(
                    "feature `{}` has a coordinate that is not a number",
                    feature.name
                ));
            }
            let n = feature.ring.len() as u32;
            if feature.triangles.iter().flatten().any(|&i| i >= n) {
                return Err(format!(
                    "feature `{}` has a triangle outside its ring",
                    feature.name
                ));
            }
        }
        Ok(())
    }

    /// The feature with this name.
    pub fn feature(&self, name: &str) -> Option<&MapFeature> {
        self.features.iter().find(|f| f.name == name)
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
