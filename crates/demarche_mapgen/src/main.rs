//! `demarche_mapgen`: imports Natural Earth coastlines into a Démarche map asset.
//!
//! Two inputs are understood:
//! - a GeoJSON FeatureCollection of polygons with `name_en`, `name_ja`, `name_ru`, `iso_a3` and
//!   `status` properties (the clipped region file shipped with the project's data notes);
//! - a Natural Earth TopoJSON world file (`land-10m.json`, `countries-10m.json`, …) and a
//!   bounding box, for scenario authors who need another region.
//!
//! The output is projected (Lambert azimuthal equal-area, km), simplified, triangulated and
//! written as `<out>` with its provenance and the command that made it.

mod geojson;
mod topojson;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use demarche_map::geometry::{signed_area2, simplify, triangulate};
use demarche_map::{MAP_FORMAT_VERSION, MapAsset, MapFeature, Projection};

/// Imports Natural Earth data into a Démarche map asset.
#[derive(Debug, Parser)]
#[command(name = "demarche_mapgen", version, about)]
struct Args {
    /// A GeoJSON FeatureCollection of polygons (with name_en/name_ja/name_ru/iso_a3/status).
    #[arg(
        long,
        conflicts_with = "topojson",
        required_unless_present = "topojson"
    )]
    geojson: Option<PathBuf>,
    /// A Natural Earth TopoJSON file; needs --bbox.
    #[arg(long, requires = "bbox")]
    topojson: Option<PathBuf>,
    /// The TopoJSON object to read (`land` or `countries`).
    #[arg(long, default_value = "land")]
    object: String,
    /// Area to keep, degrees: WEST,SOUTH,EAST,NORTH (required with --topojson; optional clip
    /// for GeoJSON).
    #[arg(long, value_delimiter = ',', allow_negative_numbers = true)]
    bbox: Option<Vec<f64>>,
    /// Map id (the file is `<id>.map.ron`).
    #[arg(long)]
    id: String,
    /// Title.
    #[arg(long)]
    title: String,
    /// Simplification tolerance in km (0 keeps every point).
    #[arg(long, default_value_t = 0.3)]
    tolerance_km: f64,
    /// Drop features smaller than this many km².
    #[arg(long, default_value_t = 1.0)]
    min_area_km2: f64,
    /// Output file.
    #[arg(long)]
    out: PathBuf,
}

/// A polygon read from a source, in degrees.
pub struct SourceFeature {
    /// English name.
    pub name: String,
    /// Names by language.
    pub names: std::collections::BTreeMap<String, String>,
    /// ISO alpha-3 of the administering country.
    pub country: String,
    /// Disputed sovereignty.
    pub disputed: bool,
    /// Outer ring in (lon, lat).
    pub ring: Vec<[f64; 2]>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("error: {why}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<String, String> {
    let (features, source_name) = match (&args.geojson, &args.topojson) {
        (Some(path), _) => (geojson::read(path)?, path.display().to_string()),
        (None, Some(path)) => {
            let bbox = bbox(args)?.ok_or("--topojson needs --bbox")?;
            (
                topojson::read(path, &args.object, bbox)?,
                path.display().to_string(),
            )
        }
        (None, None) => return Err("give --geojson or --topojson".into()),
    };
    let bbox = match bbox(args)? {
        Some(b) => b,
        None => bounds(&features).ok_or("no polygons in the input")?,
    };
    let projection = Projection {
        center_lon: (bbox[0] + bbox[2]) / 2.0,
        center_lat: (bbox[1] + bbox[3]) / 2.0,
    };
    let mut out = Vec::new();
    let mut extent = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for feature in features {
        let clipped = demarche_map::geometry::clip_to_rect(&feature.ring, bbox);
        if clipped.len() < 3 {
            continue;
        }
        let mut ring: Vec<[f64; 2]> = clipped
            .iter()
            .map(|p| projection.project(p[0], p[1]))
            .collect();
        ring.dedup();
        if signed_area2(&ring) < 0.0 {
            ring.reverse();
        }
        if signed_area2(&ring) / 2.0 < args.min_area_km2 {
            continue;
        }
        let ring = simplify(&ring, args.tolerance_km);
        let triangles = triangulate(&ring);
        let ring: Vec<[f32; 2]> = ring.iter().map(|p| [round2(p[0]), round2(p[1])]).collect();
        for p in &ring {
            extent = [
                extent[0].min(p[0]),
                extent[1].min(p[1]),
                extent[2].max(p[0]),
                extent[3].max(p[1]),
            ];
        }
        out.push(MapFeature {
            name: feature.name,
            names: feature.names,
            country: feature.country,
            disputed: feature.disputed,
            ring,
            triangles,
        });
    }
    if out.is_empty() {
        return Err("no land inside the bounding box".into());
    }
    let points: usize = out.iter().map(|f| f.ring.len()).sum();
    let map = MapAsset {
        format_version: MAP_FORMAT_VERSION,
        id: args.id.clone(),
        title: args.title.clone(),
        provenance: format!(
            "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain), \
             read from {}.",
            source_label(&source_name)
        ),
        command: command_line(),
        projection,
        bbox,
        extent,
        features: out,
    };
    map.check()?;
    let text = map.to_ron().map_err(|e| e.to_string())?;
    std::fs::write(
        &args.out,
        format!("// Generated by demarche_mapgen; do not edit by hand.\n{text}\n"),
    )
    .map_err(|e| format!("{}: {e}", args.out.display()))?;
    Ok(format!(
        "wrote {} ({} features, {points} points)",
        args.out.display(),
        map.features.len()
    ))
}

fn bbox(args: &Args) -> Result<Option<[f64; 4]>, String> {
    match &args.bbox {
        None => Ok(None),
        Some(v)
            if v.len() == 4 && v[0] < v[2] && v[1] < v[3] && v.iter().all(|x| x.is_finite()) =>
        {
            Ok(Some([v[0], v[1], v[2], v[3]]))
        }
        Some(_) => Err("--bbox is WEST,SOUTH,EAST,NORTH with WEST < EAST and SOUTH < NORTH".into()),
    }
}

fn bounds(features: &[SourceFeature]) -> Option<[f64; 4]> {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in features.iter().flat_map(|f| &f.ring) {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    (b[0] < b[2]).then_some(b)
}

fn round2(x: f64) -> f32 {
    ((x * 100.0).round() / 100.0) as f32
}

fn source_label(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or(path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// The command line, with the input paths reduced to their file names.
fn command_line() -> String {
    let mut words = vec!["demarche_mapgen".to_owned()];
    let mut args = std::env::args().skip(1).peekable();
    while let Some(arg) = args.next() {
        if (arg == "--geojson" || arg == "--topojson") && args.peek().is_some() {
            let path = args.next().unwrap_or_default();
            words.push(arg);
            words.push(format!("<shared>/geo/{}", source_label(&path)));
        } else {
            words.push(if arg.contains(' ') {
                format!("{arg:?}")
            } else {
                arg
            });
        }
    }
    words.join(" ")
}
