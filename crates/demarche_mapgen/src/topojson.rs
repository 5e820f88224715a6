//! Reading polygons from a TopoJSON topology (quantized, delta-encoded arcs).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::SourceFeature;

/// Reads the outer rings of an object's polygons that touch `bbox`.
pub fn read(path: &Path, object: &str, bbox: [f64; 4]) -> Result<Vec<SourceFeature>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let arcs = decode_arcs(&json)?;
    let object_json = &json["objects"][object];
    if object_json.is_null() {
        let names: Vec<String> = json["objects"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        return Err(format!("no object `{object}`; the file has {names:?}"));
    }
    let geometries: Vec<&Value> = match object_json["type"].as_str() {
        Some("GeometryCollection") => object_json["geometries"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => vec![object_json],
    };
    let mut out = Vec::new();
    for (g, geometry) in geometries.into_iter().enumerate() {
        let props = &geometry["properties"];
        let name = props["name"]
            .as_str()
            .map_or_else(|| format!("{object} {g}"), str::to_owned);
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        for (p, polygon) in polygons.into_iter().enumerate() {
            let Some(outer) = polygon.get(0) else {
                continue;
            };
            let ring = stitch(&arcs, outer)?;
            if ring.len() < 3 || !touches(&ring, bbox) {
                continue;
            }
            let mut names = BTreeMap::new();
            names.insert("en".to_owned(), name.clone());
            out.push(SourceFeature {
                name: format!("{name} #{p}"),
                names,
                country: String::new(),
                disputed: false,
                ring,
            });
        }
    }
    Ok(out)
}

fn touches(ring: &[[f64; 2]], bbox: [f64; 4]) -> bool {
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in ring {
        w = w.min(p[0]);
        s = s.min(p[1]);
        e = e.max(p[0]);
        n = n.max(p[1]);
    }
    w <= bbox[2] && e >= bbox[0] && s <= bbox[3] && n >= bbox[1]
}

/// Decodes every arc to absolute (lon, lat) positions.
fn decode_arcs(json: &Value) -> Result<Vec<Vec<[f64; 2]>>, String> {
    let (scale, translate) = match json.get("transform") {
        Some(t) => (
            [
                t["scale"][0].as_f64().unwrap_or(1.0),
                t["scale"][1].as_f64().unwrap_or(1.0),
            ],
            [
                t["translate"][0].as_f64().unwrap_or(0.0),
                t["translate"][1].as_f64().unwrap_or(0.0),
            ],
        ),
        None => ([1.0, 1.0], [0.0, 0.0]),
    };
    let quantized = json.get("transform").is_some();
    let arcs = json["arcs"].as_array().ok_or("no `arcs` in the topology")?;
    Ok(arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .map(|points| {
                    points
                        .iter()
                        .filter_map(|p| {
                            let (dx, dy) = (p.get(0)?.as_f64()?, p.get(1)?.as_f64()?);
                            if quantized {
                                x += dx;
                                y += dy;
                                Some([x * scale[0] + translate[0], y * scale[1] + translate[1]])
                            } else {
                                Some([dx, dy])
                            }
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect())
}

/// Joins a ring's arcs (an index `~i` means arc `i` reversed), dropping shared end points.
fn stitch(arcs: &[Vec<[f64; 2]>], ring: &Value) -> Result<Vec<[f64; 2]>, String> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for index in ring.as_array().ok_or("a ring is not a list of arcs")? {
        let i = index.as_i64().ok_or("an arc index is not a number")?;
        let (k, reversed) = if i < 0 {
            ((!i) as usize, true)
        } else {
            (i as usize, false)
        };
        let arc = arcs
            .get(k)
            .ok_or_else(|| format!("arc {k} does not exist"))?;
        let mut points = arc.clone();
        if reversed {
            points.reverse();
        }
        if !out.is_empty() {
            points.remove(0);
        }
        out.extend(points);
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    Ok(out)
}
