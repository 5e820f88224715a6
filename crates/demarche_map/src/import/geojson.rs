//! Polygons from GeoJSON: a FeatureCollection, a single Feature or a bare geometry; Polygon,
//! MultiPolygon and GeometryCollection geometries (outer rings; holes are left out).

use serde_json::Value;

use super::{Read, SourcePolygon, describe, ring_of};

/// Every polygon of the document, with its feature's names and status.
pub(crate) fn read(json: &Value) -> Read {
    let mut read = Read {
        polygons: Vec::new(),
        not_polygons: 0,
        kinds_seen: Default::default(),
    };
    let features: Vec<&Value> = match json.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => json
            .get("features")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => vec![json],
    };
    for (n, feature) in features.into_iter().enumerate() {
        let (geometry, props, id) =
            if feature.get("type").and_then(Value::as_str) == Some("Feature") {
                (
                    feature.get("geometry").unwrap_or(&Value::Null),
                    feature.get("properties").unwrap_or(&Value::Null),
                    feature.get("id").unwrap_or(&Value::Null),
                )
            } else {
                (feature, &Value::Null, &Value::Null)
            };
        let mut rings: Vec<Vec<[f64; 2]>> = Vec::new();
        let mut count = 0;
        collect(geometry, &mut rings, &mut count, &mut read, 0);
        if count == 0 {
            read.not_polygons += 1;
            continue;
        }
        let described = describe(props, id, format!("feature {n}"));
        let several = count > 1;
        for (part, ring) in rings.into_iter().enumerate() {
            if ring.is_empty() {
                continue;
            }
            read.polygons.push(SourcePolygon {
                base: described.base.clone(),
                part: several.then_some(part),
                name: described.name.clone(),
                names: described.names.clone(),
                country: described.country.clone(),
                disputed: described.disputed,
                ring,
            });
        }
    }
    read
}

/// Collects the outer rings of a geometry's polygons. `count` counts every polygon met, so part
/// numbers stay those of the source even where a ring is unusable (and is then left empty).
fn collect(
    geometry: &Value,
    rings: &mut Vec<Vec<[f64; 2]>>,
    count: &mut usize,
    read: &mut Read,
    depth: usize,
) {
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    read.saw(kind);
    let coordinates = geometry.get("coordinates");
    match kind {
        "Polygon" => {
            *count += 1;
            rings.push(
                coordinates
                    .and_then(|c| c.get(0))
                    .and_then(ring_of)
                    .unwrap_or_default(),
            );
        }
        "MultiPolygon" => {
            for polygon in coordinates.and_then(Value::as_array).into_iter().flatten() {
                *count += 1;
                rings.push(polygon.get(0).and_then(ring_of).unwrap_or_default());
            }
        }
        "GeometryCollection" if depth < 8 => {
            for member in geometry
                .get("geometries")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                collect(member, rings, count, read, depth + 1);
            }
        }
        _ => {}
    }
}
