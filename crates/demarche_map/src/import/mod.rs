//! `demarche map import`: polygons from a GeoJSON or TopoJSON file, clipped to a bounding box,
//! projected (Lambert azimuthal equal-area centred on the box, km), simplified and triangulated
//! into a [`MapAsset`] that records where it came from.
//!
//! Each polygon becomes a feature. Its **id** is its English name (`name_en`, else `name`), else
//! the source's feature id, else `feature N` (GeoJSON, N counted from 0) or `OBJECT N`
//! (TopoJSON); the parts of a multi-part geometry get `#P` after it (P counted from 0 in the
//! source, so ids do not move when the box does), and a repeated id gets ` (2)`, ` (3)`, ….
//! Every `name_XX` (and `name:XX`) property is kept as the name in language `xx`.

mod geojson;
mod topojson;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::geometry::{clip_to_rect, signed_area2, simplify, triangulate};
use crate::{ImportRecord, MAP_FORMAT_VERSION, MapAsset, MapFeature, Projection};

/// Largest source file read.
pub const MAX_SOURCE_BYTES: u64 = 512 * 1024 * 1024;

/// What to import and how.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The GeoJSON or TopoJSON file.
    pub source: PathBuf,
    /// The area kept, degrees: west, south, east, north ([`parse_bbox`]).
    pub bbox: [f64; 4],
    /// The map's id ([`check_id`]).
    pub id: String,
    /// The map's title.
    pub title: String,
    /// The TopoJSON object to read; `None` takes the topology's only object.
    pub object: Option<String>,
    /// Douglas–Peucker tolerance, km (0 keeps every point).
    pub tolerance_km: f64,
    /// Polygons smaller than this (after clipping), km², are dropped.
    pub min_area_km2: f64,
    /// The data's credit line or licence, added to the provenance.
    pub credit: Option<String>,
    /// The day of the import, `YYYY-MM-DD`.
    pub date: String,
    /// The tool, e.g. `demarche 0.1.0 map import`.
    pub tool: String,
    /// The command line to record.
    pub command: String,
}

/// The kind of source file, found from its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A GeoJSON FeatureCollection, Feature or geometry.
    GeoJson,
    /// A TopoJSON Topology.
    TopoJson,
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceFormat::GeoJson => "GeoJSON",
            SourceFormat::TopoJson => "TopoJSON",
        })
    }
}

/// A map made by [`import`], with what was left out.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The map.
    pub map: MapAsset,
    /// The kind of source.
    pub format: SourceFormat,
    /// Polygons read from the source.
    pub polygons: usize,
    /// Polygons wholly outside the box.
    pub outside: usize,
    /// Polygons dropped as smaller than the minimum area.
    pub small: usize,
    /// Source features that are not polygons (lines, points), skipped.
    pub not_polygons: usize,
}

impl Imported {
    /// How many points the map's rings hold.
    pub fn points(&self) -> usize {
        self.map.features.iter().map(|f| f.ring.len()).sum()
    }
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The source could not be read.
    #[error("{}: cannot read it: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The source is larger than [`MAX_SOURCE_BYTES`].
    #[error("{}: the file is {} MiB; the importer reads at most {} MiB (clip it to your region first)", path.display(), bytes / (1024 * 1024), MAX_SOURCE_BYTES / (1024 * 1024))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The source is not JSON.
    #[error("{}:{line}:{col}: not valid JSON: {why}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser said.
        why: String,
    },
    /// JSON, but neither GeoJSON nor TopoJSON.
    #[error("{}:1:1: neither GeoJSON nor TopoJSON: {found}; expected an object with \"type\": \"FeatureCollection\", \"Feature\", \"Polygon\", \"MultiPolygon\" or \"Topology\"", path.display())]
    NotGeo {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        found: String,
    },
    /// A TopoJSON object that the topology lacks, or no `--object` where several exist.
    #[error("{}: {why}; the topology's objects: {}", path.display(), list(available))]
    Object {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
        /// The objects the topology has.
        available: Vec<String>,
    },
    /// A malformed TopoJSON topology (arcs, indices).
    #[error("{}: not a valid TopoJSON topology: {why}", path.display())]
    Topology {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// The file holds no polygon at all.
    #[error("{}: no Polygon or MultiPolygon in the file ({found})", path.display())]
    NoPolygons {
        /// The file.
        path: PathBuf,
        /// What it holds instead.
        found: String,
    },
    /// Polygons, but none inside the box (or all smaller than the minimum area).
    #[error("{}: no land inside --bbox {} ({why})", path.display(), show_bbox(bbox))]
    Empty {
        /// The file.
        path: PathBuf,
        /// The box asked for.
        bbox: [f64; 4],
        /// Why: where the polygons are, or that they were too small.
        why: String,
    },
    /// A bounding box that is not four numbers in order.
    #[error("--bbox {text}: {why}")]
    Bbox {
        /// The text given.
        text: String,
        /// What is wrong.
        why: String,
    },
    /// A map id that is not an id.
    #[error(
        "--id `{0}`: a map id needs 1 to 64 letters, digits, `_` or `-` (it names the file `<id>.map.ron`)"
    )]
    Id(String),
    /// A tolerance or minimum area that is negative or not a number.
    #[error("{0}")]
    Setting(String),
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A box as `W,S,E,N`.
pub fn show_bbox(b: &[f64; 4]) -> String {
    format!("{},{},{},{}", b[0], b[1], b[2], b[3])
}

/// Reads `WEST,SOUTH,EAST,NORTH` in degrees: four numbers, longitudes from −180 to 180 with
/// west < east, latitudes from −90 to 90 with south < north.
pub fn parse_bbox(text: &str) -> Result<[f64; 4], ImportError> {
    let err = |why: String| ImportError::Bbox {
        text: text.to_owned(),
        why,
    };
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(err(format!(
            "expected four numbers WEST,SOUTH,EAST,NORTH in degrees (e.g. --bbox 26,35,45,43), got {}",
            parts.len()
        )));
    }
    const WHICH: [&str; 4] = ["WEST", "SOUTH", "EAST", "NORTH"];
    let mut b = [0.0; 4];
    for (i, part) in parts.iter().enumerate() {
        b[i] = part
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| err(format!("{} `{part}` is not a number", WHICH[i])))?;
    }
    for i in [0, 2] {
        if !(-180.0..=180.0).contains(&b[i]) {
            return Err(err(format!(
                "{} {} is not a longitude: use −180 to 180",
                WHICH[i], b[i]
            )));
        }
    }
    for i in [1, 3] {
        if !(-90.0..=90.0).contains(&b[i]) {
            return Err(err(format!(
                "{} {} is not a latitude: use −90 to 90",
                WHICH[i], b[i]
            )));
        }
    }
    if b[0] >= b[2] {
        return Err(err(format!(
            "WEST {} must be less than EAST {} (a box across the 180° meridian is not supported)",
            b[0], b[2]
        )));
    }
    if b[1] >= b[3] {
        return Err(err(format!(
            "SOUTH {} must be less than NORTH {}",
            b[1], b[3]
        )));
    }
    Ok(b)
}

/// Checks a map id: 1 to 64 ASCII letters, digits, `_` or `-` (the scenario format's map ids).
pub fn check_id(id: &str) -> Result<(), ImportError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ImportError::Id(id.to_owned()))
    }
}

/// A map id made from a file's name: `Black Sea Coast.geojson` → `black_sea_coast`.
pub fn default_id(source: &Path) -> String {
    let stem = source
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("map")
        .split('.')
        .next()
        .unwrap_or("map");
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    let id: String = id.trim_matches('_').chars().take(64).collect();
    if id.is_empty() { "map".into() } else { id }
}

/// A polygon read from a source, in degrees, with what describes it.
pub(crate) struct SourcePolygon {
    /// The id before the part number: the name, the source's id or a position.
    pub base: String,
    /// The part within its geometry, when the geometry has several polygons.
    pub part: Option<usize>,
    /// English name, or empty.
    pub name: String,
    /// Names by language.
    pub names: BTreeMap<String, String>,
    /// ISO 3166 alpha-3 of the administering country, or empty.
    pub country: String,
    /// Disputed sovereignty.
    pub disputed: bool,
    /// Outer ring in (lon, lat), not closed.
    pub ring: Vec<[f64; 2]>,
}

/// What a source holds.
pub(crate) struct Read {
    pub polygons: Vec<SourcePolygon>,
    pub not_polygons: usize,
    pub kinds_seen: BTreeMap<String, usize>,
}

impl Read {
    /// Counts a geometry of this `type` (an empty one as a null geometry).
    pub fn saw(&mut self, kind: &str) {
        let kind = if kind.is_empty() {
            "null geometry"
        } else {
            kind
        };
        *self.kinds_seen.entry(kind.to_owned()).or_insert(0) += 1;
    }
}

/// What a feature's properties say about it.
pub(crate) struct Described {
    pub base: String,
    pub name: String,
    pub names: BTreeMap<String, String>,
    pub country: String,
    pub disputed: bool,
}

/// Reads names, country and status from GeoJSON or TopoJSON properties; `id` is the source's
/// feature id, `fallback` the id used when there is neither a name nor an id.
pub(crate) fn describe(props: &Value, id: &Value, fallback: String) -> Described {
    let mut names = BTreeMap::new();
    let mut plain_name = None;
    let mut country = String::new();
    let mut adm0 = String::new();
    let mut disputed = false;
    if let Some(map) = props.as_object() {
        for (key, value) in map {
            let Some(text) = value.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
                continue;
            };
            let lower = key.to_ascii_lowercase();
            if lower == "name" {
                plain_name = Some(text.to_owned());
            } else if let Some(lang) = lower
                .strip_prefix("name_")
                .or_else(|| lower.strip_prefix("name:"))
                && !lang.is_empty()
                && lang.len() <= 12
                && lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                names.insert(lang.to_owned(), text.to_owned());
            } else if lower == "iso_a3" {
                country = text.to_owned();
            } else if lower == "adm0_a3" {
                adm0 = text.to_owned();
            } else if lower == "status" {
                disputed = text.eq_ignore_ascii_case("disputed");
            }
        }
    }
    // Natural Earth writes -99 where a country has no ISO code of its own (France, Norway):
    // its own code is then in ADM0_A3.
    if country.is_empty() || country == "-99" {
        country = if adm0 == "-99" { String::new() } else { adm0 };
    }
    let name = names.get("en").cloned().or(plain_name).unwrap_or_default();
    let source_id = match id {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let base = if !name.is_empty() {
        name.clone()
    } else {
        source_id.unwrap_or(fallback)
    };
    Described {
        base,
        name,
        names,
        country,
        disputed,
    }
}

/// The outer ring of a polygon given as GeoJSON positions, not closed; `None` if it has fewer
/// than three usable points.
pub(crate) fn ring_of(positions: &Value) -> Option<Vec<[f64; 2]>> {
    let mut ring: Vec<[f64; 2]> = positions
        .as_array()?
        .iter()
        .filter_map(|p| {
            let (x, y) = (p.get(0)?.as_f64()?, p.get(1)?.as_f64()?);
            (x.is_finite() && y.is_finite()).then_some([x, y])
        })
        .collect();
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    (ring.len() >= 3).then_some(ring)
}

/// FNV-1a, 64 bits, as 16 hex digits.
fn fnv64(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Reads the source's bytes within the size limit.
fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let read = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read)?;
    if meta.is_dir() {
        return Err(read(std::io::Error::other(
            "it is a folder; give a .geojson or .json file",
        )));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    std::fs::read(path).map_err(read)
}

/// Imports the source into a map.
pub fn import(options: &ImportOptions) -> Result<Imported, ImportError> {
    check_id(&options.id)?;
    for (what, value) in [
        ("--tolerance-km", options.tolerance_km),
        ("--min-area-km2", options.min_area_km2),
    ] {
        if !value.is_finite() || value < 0.0 {
            return Err(ImportError::Setting(format!(
                "{what} {value}: use a number of 0 or more"
            )));
        }
    }
    let path = &options.source;
    let bytes = read_bytes(path)?;
    let hash = fnv64(&bytes);
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let json: Value = serde_json::from_slice(text).map_err(|e| ImportError::Json {
        path: path.clone(),
        line: e.line().max(1),
        col: e.column().max(1),
        why: strip_position(&e.to_string()),
    })?;
    drop(bytes);
    let kind = json.get("type").and_then(Value::as_str);
    let (format, read, object) = match kind {
        Some("Topology") => {
            let (read, object) =
                topojson::read(path, &json, options.object.as_deref(), options.bbox)?;
            (SourceFormat::TopoJson, read, Some(object))
        }
        Some(
            "FeatureCollection" | "Feature" | "Polygon" | "MultiPolygon" | "GeometryCollection",
        ) => (SourceFormat::GeoJson, geojson::read(&json), None),
        other => {
            let found = match (other, &json) {
                (Some(t), _) => format!("its \"type\" is \"{t}\""),
                (None, Value::Object(_)) => "an object without a \"type\"".into(),
                (None, Value::Array(_)) => "a JSON list".into(),
                (None, _) => "a single JSON value".into(),
            };
            return Err(ImportError::NotGeo {
                path: path.clone(),
                found,
            });
        }
    };
    if read.polygons.is_empty() {
        let found = if read.kinds_seen.is_empty() {
            "it has no features".to_owned()
        } else {
            let kinds: Vec<String> = read
                .kinds_seen
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            format!("it has {}", kinds.join(", "))
        };
        return Err(ImportError::NoPolygons {
            path: path.clone(),
            found,
        });
    }
    build(options, format, read, object, hash)
}

/// serde_json's message without its " at line L column C" (given separately).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// A polygon kept for the map: what the source says of it, its projected ring and triangles.
type Kept = (SourcePolygon, Vec<[f32; 2]>, Vec<[u32; 3]>);

/// Clips, projects, simplifies and triangulates the polygons into the map.
fn build(
    options: &ImportOptions,
    format: SourceFormat,
    read: Read,
    object: Option<String>,
    hash: String,
) -> Result<Imported, ImportError> {
    let bbox = options.bbox;
    let projection = Projection {
        center_lon: (bbox[0] + bbox[2]) / 2.0,
        center_lat: (bbox[1] + bbox[3]) / 2.0,
    };
    let polygons = read.polygons.len();
    let (mut outside, mut small) = (0, 0);
    let mut source_bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    let mut kept: Vec<Kept> = Vec::new();
    for polygon in read.polygons {
        for p in &polygon.ring {
            source_bounds = [
                source_bounds[0].min(p[0]),
                source_bounds[1].min(p[1]),
                source_bounds[2].max(p[0]),
                source_bounds[3].max(p[1]),
            ];
        }
        let clipped = clip_to_rect(&polygon.ring, bbox);
        if clipped.len() < 3 {
            outside += 1;
            continue;
        }
        let mut ring: Vec<[f64; 2]> = clipped
            .iter()
            .map(|p| projection.project(p[0], p[1]))
            .collect();
        ring.dedup();
        if ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        if ring.len() < 3 || ring.iter().flatten().any(|c| !c.is_finite()) {
            outside += 1;
            continue;
        }
        if signed_area2(&ring) < 0.0 {
            ring.reverse();
        }
        let area = signed_area2(&ring) / 2.0;
        if area <= 0.0 {
            outside += 1;
            continue;
        }
        if area < options.min_area_km2 {
            small += 1;
            continue;
        }
        let ring = simplify(&ring, options.tolerance_km);
        let triangles = triangulate(&ring);
        let ring: Vec<[f32; 2]> = ring.iter().map(|p| [round2(p[0]), round2(p[1])]).collect();
        kept.push((polygon, ring, triangles));
    }
    if kept.is_empty() {
        let why = if small > 0 && outside + small == polygons {
            format!(
                "{small} polygon(s) inside it are all smaller than --min-area-km2 {}",
                options.min_area_km2
            )
        } else {
            format!(
                "the file's {polygons} polygon(s) lie within {}",
                show_bbox(&source_bounds.map(|v| (v * 100.0).round() / 100.0))
            )
        };
        return Err(ImportError::Empty {
            path: options.source.clone(),
            bbox,
            why,
        });
    }
    let ids = unique_ids(&kept.iter().map(|(p, _, _)| p).collect::<Vec<_>>());
    let mut extent = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    let mut features = Vec::with_capacity(kept.len());
    for ((polygon, ring, triangles), id) in kept.into_iter().zip(ids) {
        for p in &ring {
            extent = [
                extent[0].min(p[0]),
                extent[1].min(p[1]),
                extent[2].max(p[0]),
                extent[3].max(p[1]),
            ];
        }
        features.push(MapFeature {
            id,
            name: polygon.name,
            names: polygon.names,
            country: polygon.country,
            disputed: polygon.disputed,
            ring,
            triangles,
        });
    }
    let source = options.source.file_name().map_or_else(
        || options.source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut provenance = format!(
        "Imported from {source} ({format}{}) by {} on {}, inside {}.",
        object
            .as_ref()
            .map_or(String::new(), |o| format!(", object `{o}`")),
        options.tool,
        options.date,
        show_bbox(&bbox)
    );
    if let Some(credit) = options
        .credit
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        provenance.push(' ');
        provenance.push_str(credit);
    }
    let map = MapAsset {
        format_version: MAP_FORMAT_VERSION,
        id: options.id.clone(),
        title: options.title.clone(),
        provenance,
        command: options.command.clone(),
        import: Some(ImportRecord {
            source,
            format: format.to_string(),
            object,
            source_hash: hash,
            date: options.date.clone(),
            tool: options.tool.clone(),
        }),
        projection,
        bbox,
        extent,
        features,
    };
    map.check()
        .map_err(|why| ImportError::Setting(format!("the map made is not valid: {why}")))?;
    Ok(Imported {
        map,
        format,
        polygons,
        outside,
        small,
        not_polygons: read.not_polygons,
    })
}

/// Each kept polygon's id: its base, `#P` for a part of a multi-part geometry, and ` (2)`,
/// ` (3)`, … for an id met again.
fn unique_ids(polygons: &[&SourcePolygon]) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    polygons
        .iter()
        .map(|p| {
            let id = match p.part {
                Some(part) => format!("{} #{part}", p.base),
                None => p.base.clone(),
            };
            let mut candidate = id.clone();
            let mut count = 1;
            while !taken.insert(candidate.clone()) {
                count += 1;
                candidate = format!("{id} ({count})");
            }
            candidate
        })
        .collect()
}

fn round2(x: f64) -> f32 {
    ((x * 100.0).round() / 100.0) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounding_boxes_are_checked_and_explained() {
        assert_eq!(
            parse_bbox("26,35,45,43").ok(),
            Some([26.0, 35.0, 45.0, 43.0])
        );
        assert_eq!(
            parse_bbox(" -21, -33 ,-15,-28.5").ok(),
            Some([-21.0, -33.0, -15.0, -28.5])
        );
        for (text, says) in [
            ("26,35,45", "four numbers"),
            ("26,x,45,43", "SOUTH `x` is not a number"),
            ("45,35,26,43", "WEST 45 must be less than EAST 26"),
            ("26,43,45,35", "SOUTH 43 must be less than NORTH 35"),
            ("26,35,200,43", "not a longitude"),
            ("26,-95,45,43", "not a latitude"),
            ("26,35,NaN,43", "EAST `NaN` is not a number"),
        ] {
            let e = parse_bbox(text).unwrap_err().to_string();
            assert!(e.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn ids_come_from_file_names() {
        assert_eq!(
            default_id(Path::new("/x/Black Sea Coast.geojson")),
            "black_sea_coast"
        );
        assert_eq!(default_id(Path::new("land-10m.json")), "land-10m");
        assert_eq!(default_id(Path::new("日本.json")), "map");
        assert!(check_id("black_sea-2").is_ok());
        assert!(check_id("a/b").is_err() && check_id("").is_err());
    }

    #[test]
    fn every_name_language_is_kept_and_ids_fall_back() {
        let props = serde_json::json!({
            "NAME_EN": "Gull Island", "name_fr": "Île aux Mouettes", "name_tr": "Martı Adası",
            "name:ja": "鴎島", "name_zht": "鷗島", "ISO_A3": "-99", "ADM0_A3": "BOR",
            "status": "Disputed", "name_long": "", "pop": 3
        });
        let d = describe(&props, &Value::Null, "feature 0".into());
        assert_eq!(d.base, "Gull Island");
        assert_eq!(d.name, "Gull Island");
        assert_eq!(d.country, "BOR");
        assert!(d.disputed);
        let langs: Vec<&str> = d.names.keys().map(String::as_str).collect();
        assert_eq!(langs, ["en", "fr", "ja", "tr", "zht"]);
        let unnamed = describe(
            &serde_json::json!({}),
            &serde_json::json!(17),
            "feature 3".into(),
        );
        assert_eq!((unnamed.base.as_str(), unnamed.name.as_str()), ("17", ""));
        let bare = describe(&Value::Null, &Value::Null, "feature 3".into());
        assert_eq!(bare.base, "feature 3");
    }

    #[test]
    fn repeated_ids_are_numbered() {
        let polygon = |base: &str, part| SourcePolygon {
            base: base.into(),
            part,
            name: String::new(),
            names: BTreeMap::new(),
            country: String::new(),
            disputed: false,
            ring: Vec::new(),
        };
        let list = [
            polygon("a", None),
            polygon("a", None),
            polygon("b", Some(0)),
            polygon("b", Some(3)),
        ];
        let refs: Vec<&SourcePolygon> = list.iter().collect();
        assert_eq!(unique_ids(&refs), ["a", "a (2)", "b #0", "b #3"]);
    }
}
