//! The one map model: a map asset with a scenario's regions placed on it, projected and
//! labelled. The window builds its map from it, and so do `demarche map preview` and the
//! classroom's SVG, so a feature belongs to the same region, and a label stands at the same
//! point, in all three.
//!
//! The model knows regions only through [`RegionInput`], so it needs no scenario type (the
//! scenario side is `demarche_cli::scenario_map`).

use crate::MapAsset;

/// A scenario region as the map needs it: its key, label, the `map_features` entries that draw
/// it, its outline and anchor in degrees.
#[derive(Clone, Copy, Debug)]
pub struct RegionInput<'a> {
    /// The region's id.
    pub key: &'a str,
    /// Its name, for labels.
    pub label: &'a str,
    /// Feature ids (or names) from `map_features`.
    pub features: &'a [String],
    /// Longitude, latitude pairs (seas, straits, land drawn by outline).
    pub outline: &'a [(f64, f64)],
    /// Longitude, latitude of its marker and label.
    pub anchor: (f64, f64),
}

/// A region placed on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedRegion {
    /// The region's id.
    pub key: String,
    /// Its name, for labels.
    pub label: String,
    /// Indices of the features that draw it.
    pub features: Vec<usize>,
    /// Its outline, projected (km).
    pub outline: Vec<[f32; 2]>,
    /// Where its marker and label stand, projected (km).
    pub anchor: [f32; 2],
}

/// A `map_features` entry that names no feature of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingFeature {
    /// The region, by index.
    pub region: usize,
    /// The entry's position in the region's `map_features`.
    pub entry: usize,
    /// The entry.
    pub name: String,
}

/// A feature named by more than one region: it is drawn and hovered as the first.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedFeature {
    /// The feature, by index.
    pub feature: usize,
    /// The region it belongs to.
    pub first: usize,
    /// The later region that names it too, and the position of the entry there.
    pub again: (usize, usize),
}

/// A map with regions on it.
#[derive(Clone, Debug)]
pub struct MapModel {
    /// The asset.
    pub asset: MapAsset,
    /// One per region given, in the same order.
    pub regions: Vec<PlacedRegion>,
    /// The region each feature belongs to, by feature index.
    pub feature_region: Vec<Option<usize>>,
    /// Each feature's box, km: min x, min y, max x, max y.
    pub feature_boxes: Vec<[f32; 4]>,
    /// Each feature's area, km².
    pub feature_areas: Vec<f32>,
    /// Where each feature's label stands: inside it, at its largest triangle's centroid (or
    /// its ring's mean point when it has no triangle).
    pub label_points: Vec<[f32; 2]>,
    /// Entries that name no feature.
    pub missing: Vec<MissingFeature>,
    /// Features named by two regions.
    pub shared: Vec<SharedFeature>,
}

impl MapModel {
    /// The map alone, with no regions.
    pub fn bare(asset: MapAsset) -> MapModel {
        MapModel::new(asset, &[])
    }

    /// Places the regions on the map: each `map_features` entry takes the features
    /// [`MapAsset::features_named`] gives; outlines and anchors are projected.
    pub fn new(asset: MapAsset, regions: &[RegionInput]) -> MapModel {
        let projection = asset.projection;
        let mut feature_region: Vec<Option<usize>> = vec![None; asset.features.len()];
        let mut missing = Vec::new();
        let mut shared = Vec::new();
        let placed = regions
            .iter()
            .enumerate()
            .map(|(r, region)| {
                let mut features = Vec::new();
                for (entry, name) in region.features.iter().enumerate() {
                    let found = asset.features_named(name);
                    if found.is_empty() {
                        missing.push(MissingFeature {
                            region: r,
                            entry,
                            name: name.clone(),
                        });
                    }
                    for f in found {
                        match feature_region[f] {
                            None => feature_region[f] = Some(r),
                            Some(first) if first != r => shared.push(SharedFeature {
                                feature: f,
                                first,
                                again: (r, entry),
                            }),
                            Some(_) => {}
                        }
                        if !features.contains(&f) {
                            features.push(f);
                        }
                    }
                }
                PlacedRegion {
                    key: region.key.to_owned(),
                    label: region.label.to_owned(),
                    features,
                    outline: region
                        .outline
                        .iter()
                        .map(|&(lon, lat)| projection.project_f32(lon, lat))
                        .collect(),
                    anchor: projection.project_f32(region.anchor.0, region.anchor.1),
                }
            })
            .collect();
        let feature_boxes = asset
            .features
            .iter()
            .map(|f| {
                f.ring
                    .iter()
                    .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, p| {
                        [
                            b[0].min(p[0]),
                            b[1].min(p[1]),
                            b[2].max(p[0]),
                            b[3].max(p[1]),
                        ]
                    })
            })
            .collect();
        let (feature_areas, label_points) = asset
            .features
            .iter()
            .map(|f| {
                let corner = |i: u32| f.ring.get(i as usize).copied().unwrap_or([0.0, 0.0]);
                let mut area = 0.0f32;
                let mut best = (-1.0f32, [0.0f32, 0.0f32]);
                for t in &f.triangles {
                    let (a, b, c) = (corner(t[0]), corner(t[1]), corner(t[2]));
                    let size =
                        ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0;
                    area += size;
                    if size > best.0 {
                        best = (
                            size,
                            [(a[0] + b[0] + c[0]) / 3.0, (a[1] + b[1] + c[1]) / 3.0],
                        );
                    }
                }
                if best.0 < 0.0 {
                    let n = f.ring.len().max(1) as f32;
                    let sum = f
                        .ring
                        .iter()
                        .fold([0.0, 0.0], |s, p| [s[0] + p[0], s[1] + p[1]]);
                    best.1 = [sum[0] / n, sum[1] / n];
                }
                (area, best.1)
            })
            .unzip();
        MapModel {
            asset,
            regions: placed,
            feature_region,
            feature_boxes,
            feature_areas,
            label_points,
            missing,
            shared,
        }
    }

    /// A feature's label: its id, and its name after it when the id does not start with it.
    pub fn feature_label(&self, feature: usize) -> String {
        let f = &self.asset.features[feature];
        if f.name.is_empty() || f.key().starts_with(&f.name) {
            f.key().to_owned()
        } else {
            format!("{} · {}", f.key(), f.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::{MAP_FORMAT_VERSION, MapFeature, Projection};

    fn square(id: &str, name: &str, x: f32) -> MapFeature {
        MapFeature {
            id: id.into(),
            name: name.into(),
            names: BTreeMap::new(),
            country: String::new(),
            disputed: false,
            ring: vec![[x, 0.0], [x + 2.0, 0.0], [x + 2.0, 2.0], [x, 2.0]],
            triangles: vec![[0, 1, 2], [0, 2, 3]],
        }
    }

    fn asset() -> MapAsset {
        MapAsset {
            format_version: MAP_FORMAT_VERSION,
            id: "t".into(),
            title: "T".into(),
            provenance: String::new(),
            command: String::new(),
            import: None,
            projection: Projection {
                center_lon: 0.0,
                center_lat: 0.0,
            },
            bbox: [-1.0, -1.0, 1.0, 1.0],
            extent: [0.0, 0.0, 10.0, 2.0],
            features: vec![
                square("Isle #0", "Isle", 0.0),
                square("Isle #1", "Isle", 3.0),
                square("feature 2", "", 6.0),
            ],
        }
    }

    #[test]
    fn entries_take_features_by_id_or_every_part_by_name() {
        let names = ["Isle".to_owned()];
        let one = ["feature 2".to_owned(), "Ilse".to_owned()];
        let again = ["Isle #1".to_owned()];
        let regions = [
            RegionInput {
                key: "isle",
                label: "The Isle",
                features: &names,
                outline: &[],
                anchor: (0.0, 0.0),
            },
            RegionInput {
                key: "rock",
                label: "Rock",
                features: &one,
                outline: &[(0.0, 0.0), (0.5, 0.0), (0.5, 0.5)],
                anchor: (0.1, 0.1),
            },
            RegionInput {
                key: "late",
                label: "Late",
                features: &again,
                outline: &[],
                anchor: (0.0, 0.0),
            },
        ];
        let model = MapModel::new(asset(), &regions);
        assert_eq!(model.regions[0].features, vec![0, 1]);
        assert_eq!(model.regions[1].features, vec![2]);
        assert_eq!(model.feature_region, vec![Some(0), Some(0), Some(1)]);
        assert_eq!(
            model.missing,
            vec![MissingFeature {
                region: 1,
                entry: 1,
                name: "Ilse".into()
            }]
        );
        assert_eq!(
            model.shared,
            vec![SharedFeature {
                feature: 1,
                first: 0,
                again: (2, 0)
            }]
        );
        assert_eq!(model.regions[1].outline.len(), 3);
        assert!(
            model.regions[1].anchor[0] > 10.0,
            "0.1° east is about 11 km"
        );
        assert_eq!(model.label_points[0], [4.0 / 3.0, 2.0 / 3.0]);
        assert_eq!(model.feature_areas[2], 4.0);
        assert_eq!(model.feature_boxes[1], [3.0, 0.0, 5.0, 2.0]);
        assert_eq!(model.feature_label(0), "Isle #0");
        let mut renamed = model.clone();
        renamed.asset.features[0].name = "Big Isle".into();
        assert_eq!(renamed.feature_label(0), "Isle #0 · Big Isle");
        assert_eq!(model.feature_label(2), "feature 2");
    }
}
