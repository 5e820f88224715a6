//! Reading polygons from a GeoJSON FeatureCollection.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::SourceFeature;

/// Reads every Polygon and MultiPolygon (outer rings) with its names and status.
pub fn read(path: &Path) -> Result<Vec<SourceFeature>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let features = json["features"]
        .as_array()
        .ok_or_else(|| format!("{}: not a FeatureCollection", path.display()))?;
    let mut out = Vec::new();
    for feature in features {
        let props = &feature["properties"];
        let text = |key: &str| props[key].as_str().map(str::to_owned);
        let name = text("name_en")
            .or_else(|| text("name"))
            .unwrap_or_else(|| "unnamed".into());
        let mut names = BTreeMap::new();
        for (lang, key) in [("en", "name_en"), ("ja", "name_ja"), ("ru", "name_ru")] {
            if let Some(v) = text(key) {
                names.insert(lang.to_owned(), v);
            }
        }
        let country = text("iso_a3").unwrap_or_default();
        let disputed = text("status").as_deref() == Some("disputed");
        let geometry = &feature["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        for polygon in polygons {
            let Some(outer) = polygon.get(0).and_then(Value::as_array) else {
                continue;
            };
            let mut ring: Vec<[f64; 2]> = outer
                .iter()
                .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                .collect();
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            if ring.len() >= 3 {
                out.push(SourceFeature {
                    name: name.clone(),
                    names: names.clone(),
                    country: country.clone(),
                    disputed,
                    ring,
                });
            }
        }
    }
    Ok(out)
}
