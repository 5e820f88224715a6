//! Polygons from a TopoJSON topology (quantized, delta-encoded arcs): the outer rings of one
//! object's polygons that touch the bounding box.

use std::path::Path;

use serde_json::Value;

use super::{ImportError, Read, SourcePolygon, describe};

/// Reads the polygons of `object` (or of the topology's only object); returns them and the
/// object's name.
pub(crate) fn read(
    path: &Path,
    json: &Value,
    object: Option<&str>,
    bbox: [f64; 4],
) -> Result<(Read, String), ImportError> {
    let objects = json.get("objects").and_then(Value::as_object);
    let available: Vec<String> = objects
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let object_error = |why: String| ImportError::Object {
        path: path.to_path_buf(),
        why,
        available: available.clone(),
    };
    let name = match object {
        Some(name) => name.to_owned(),
        None if available.len() == 1 => available[0].clone(),
        None if available.is_empty() => return Err(object_error("it has no objects".into())),
        None => {
            return Err(object_error(
                "it has several objects; choose one with --object".into(),
            ));
        }
    };
    let Some(object_json) = objects.and_then(|o| o.get(&name)) else {
        return Err(object_error(format!("no object `{name}`")));
    };
    let topology = |why: String| ImportError::Topology {
        path: path.to_path_buf(),
        why,
    };
    let arcs = decode_arcs(json).map_err(topology)?;
    let geometries: Vec<&Value> = match object_json.get("type").and_then(Value::as_str) {
        Some("GeometryCollection") => object_json
            .get("geometries")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => vec![object_json],
    };
    let mut read = Read {
        polygons: Vec::new(),
        not_polygons: 0,
        kinds_seen: Default::default(),
    };
    for (g, geometry) in geometries.into_iter().enumerate() {
        let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
        read.saw(kind);
        let polygons: Vec<&Value> = match kind {
            "Polygon" => geometry.get("arcs").into_iter().collect(),
            "MultiPolygon" => geometry
                .get("arcs")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => {
                read.not_polygons += 1;
                continue;
            }
        };
        let described = describe(
            geometry.get("properties").unwrap_or(&Value::Null),
            geometry.get("id").unwrap_or(&Value::Null),
            format!("{name} {g}"),
        );
        let several = polygons.len() > 1;
        for (p, polygon) in polygons.into_iter().enumerate() {
            let Some(outer) = polygon.get(0) else {
                continue;
            };
            let ring = stitch(&arcs, outer).map_err(topology)?;
            if ring.len() < 3 || !touches(&ring, bbox) {
                continue;
            }
            read.polygons.push(SourcePolygon {
                base: described.base.clone(),
                part: several.then_some(p),
                name: described.name.clone(),
                names: described.names.clone(),
                country: described.country.clone(),
                disputed: described.disputed,
                ring,
            });
        }
    }
    Ok((read, name))
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
    let transform = json.get("transform");
    let number = |v: Option<&Value>, default: f64| v.and_then(Value::as_f64).unwrap_or(default);
    let (scale, translate) = match transform {
        Some(t) => (
            [
                number(t.pointer("/scale/0"), 1.0),
                number(t.pointer("/scale/1"), 1.0),
            ],
            [
                number(t.pointer("/translate/0"), 0.0),
                number(t.pointer("/translate/1"), 0.0),
            ],
        ),
        None => ([1.0, 1.0], [0.0, 0.0]),
    };
    let arcs = json
        .get("arcs")
        .and_then(Value::as_array)
        .ok_or("no `arcs` list")?;
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
                            if transform.is_some() {
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
    for index in ring
        .as_array()
        .ok_or("a ring is not a list of arc indices")?
    {
        let i = index
            .as_i64()
            .ok_or_else(|| format!("arc index {index} is not a whole number"))?;
        let k = if i < 0 { !i } else { i };
        let arc = usize::try_from(k)
            .ok()
            .and_then(|k| arcs.get(k))
            .ok_or_else(|| format!("arc {k} does not exist (the topology has {})", arcs.len()))?;
        let start = out.len();
        out.extend(arc.iter().copied());
        if i < 0 {
            out[start..].reverse();
        }
        if start > 0 && out.len() > start {
            out.remove(start);
        }
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_are_joined_forwards_and_backwards() {
        let arcs = vec![
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]],
            vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
        ];
        let ring = stitch(&arcs, &serde_json::json!([0, -2])).unwrap();
        assert_eq!(ring, vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]);
        assert!(
            stitch(&arcs, &serde_json::json!([5]))
                .unwrap_err()
                .contains("arc 5")
        );
        assert!(stitch(&arcs, &serde_json::json!([1.5])).is_err());
    }
}
