//! The map's data for the current scenario: land features grouped into the scenario's regions,
//! the outlines of the regions no feature draws (seas, straits, lakes, land sectors) projected
//! into the map's plane, anchors for markers, and hit tests on features and outlines alike.
//! Plain data: built and tested without rendering.

use bevy::math::Vec2;
use demarche_map::{MapAsset, point_in_ring};
use demarche_sim::scenario::{RegionKind, Scenario};
use demarche_sim::{ForceId, RegionId};

/// A region as the map draws and hit-tests it.
#[derive(Clone, Debug)]
pub struct RegionShape {
    /// The region.
    pub id: RegionId,
    /// Indices of its land features in the map asset.
    pub features: Vec<usize>,
    /// Its outline (seas, straits, lakes, land sectors), projected.
    pub outline: Vec<[f32; 2]>,
    /// Where its marker and label stand, projected.
    pub anchor: Vec2,
}

/// The map for one scenario.
#[derive(Clone, Debug)]
pub struct MapData {
    /// The asset.
    pub asset: MapAsset,
    /// One shape per scenario region, by region index.
    pub regions: Vec<RegionShape>,
    /// The region each land feature belongs to.
    pub feature_region: Vec<Option<RegionId>>,
    /// Each land feature's bounding box, km: min corner, max corner.
    pub feature_boxes: Vec<(Vec2, Vec2)>,
}

impl MapData {
    /// Matches the scenario's regions with the map's features and projects outlines and anchors,
    /// through the one map model the preview and the classroom's SVG use too.
    pub fn build(asset: MapAsset, scn: &Scenario) -> MapData {
        let model = demarche_cli::scenario_map::model(asset, scn);
        let regions = model
            .regions
            .iter()
            .enumerate()
            .map(|(i, region)| RegionShape {
                id: RegionId::from_index(i),
                features: region.features.clone(),
                outline: region.outline.clone(),
                anchor: Vec2::new(region.anchor[0], region.anchor[1]),
            })
            .collect();
        let feature_region = model
            .feature_region
            .iter()
            .map(|r| r.map(RegionId::from_index))
            .collect();
        let feature_boxes = model
            .feature_boxes
            .iter()
            .map(|b| (Vec2::new(b[0], b[1]), Vec2::new(b[2], b[3])))
            .collect();
        MapData {
            asset: model.asset,
            regions,
            feature_region,
            feature_boxes,
        }
    }

    /// The region under a point of the map: a region outlined over the land first (a land
    /// sector, a pass, a plateau, a lake; the smallest where outlines nest), then the land
    /// features, then straits, then seas.
    pub fn hit(&self, scn: &Scenario, point: Vec2) -> Option<RegionId> {
        let p = [point.x, point.y];
        let inside =
            |shape: &RegionShape| shape.outline.len() >= 3 && point_in_ring(p, &shape.outline);
        let on_land = self
            .regions
            .iter()
            .filter(|shape| scn.region(shape.id).kind.on_land() && inside(shape))
            .min_by(|a, b| ring_area(&a.outline).total_cmp(&ring_area(&b.outline)));
        if let Some(shape) = on_land {
            return Some(shape.id);
        }
        for (f, feature) in self.asset.features.iter().enumerate() {
            if point_in_ring(p, &feature.ring)
                && let Some(region) = self.feature_region[f]
            {
                return Some(region);
            }
        }
        for kind in [RegionKind::Strait, RegionKind::Sea] {
            for shape in &self.regions {
                if scn.region(shape.id).kind == kind && inside(shape) {
                    return Some(shape.id);
                }
            }
        }
        None
    }

    /// The anchor of a region.
    pub fn anchor(&self, region: RegionId) -> Vec2 {
        self.regions[region.index()].anchor
    }

    /// Where a force's marker stands in a region, spread `spread` km around the anchor when
    /// several share it.
    pub fn marker_position(&self, region: RegionId, slot: usize, of: usize, spread: f32) -> Vec2 {
        let anchor = self.anchor(region);
        if of <= 1 {
            return anchor;
        }
        let angle = std::f32::consts::TAU * slot as f32 / of as f32 + 0.6;
        anchor + Vec2::new(angle.cos(), angle.sin()) * spread
    }

    /// The centre and size of the map's extent.
    pub fn extent(&self) -> (Vec2, Vec2) {
        let e = self.asset.extent;
        (
            Vec2::new((e[0] + e[2]) / 2.0, (e[1] + e[3]) / 2.0),
            Vec2::new(e[2] - e[0], e[3] - e[1]),
        )
    }
}

/// The area a ring encloses, km².
pub fn ring_area(ring: &[[f32; 2]]) -> f32 {
    let n = ring.len();
    let twice: f32 = (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    twice.abs() / 2.0
}

/// A point `t` (0–1) of the way along a polyline.
pub fn along(points: &[Vec2], t: f32) -> Vec2 {
    if points.len() < 2 {
        return points.first().copied().unwrap_or(Vec2::ZERO);
    }
    let lengths: Vec<f32> = points.windows(2).map(|w| w[0].distance(w[1])).collect();
    let total: f32 = lengths.iter().sum();
    if total <= f32::EPSILON {
        return points[0];
    }
    let mut left = t.clamp(0.0, 1.0) * total;
    for (w, len) in points.windows(2).zip(&lengths) {
        if left <= *len {
            return w[0].lerp(w[1], if *len > 0.0 { left / len } else { 0.0 });
        }
        left -= len;
    }
    *points.last().unwrap_or(&Vec2::ZERO)
}

/// Forces grouped by region, for spreading markers: (force, slot, how many share the region).
pub fn slots(at: &[RegionId]) -> Vec<(ForceId, usize, usize)> {
    at.iter()
        .enumerate()
        .map(|(i, region)| {
            let same: Vec<usize> = at
                .iter()
                .enumerate()
                .filter(|(_, r)| *r == region)
                .map(|(j, _)| j)
                .collect();
            let slot = same.iter().position(|&j| j == i).unwrap_or(0);
            (ForceId::from_index(i), slot, same.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn along_walks_the_polyline() {
        let line = [Vec2::ZERO, Vec2::new(10.0, 0.0), Vec2::new(10.0, 10.0)];
        assert_eq!(along(&line, 0.0), Vec2::ZERO);
        assert_eq!(along(&line, 0.5), Vec2::new(10.0, 0.0));
        assert_eq!(along(&line, 1.0), Vec2::new(10.0, 10.0));
        assert_eq!(along(&line[..1], 0.5), Vec2::ZERO);
    }

    #[test]
    fn ring_area_of_a_square_either_way_round() {
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert_eq!(ring_area(&square), 4.0);
        let mut reversed = square;
        reversed.reverse();
        assert_eq!(ring_area(&reversed), 4.0);
        assert_eq!(ring_area(&square[..2]), 0.0);
    }

    #[test]
    fn slots_spread_forces_that_share_a_region() {
        let at = [RegionId(2), RegionId(5), RegionId(2)];
        let s = slots(&at);
        assert_eq!(s[0].1, 0);
        assert_eq!(s[2].1, 1);
        assert_eq!(s[2].2, 2);
        assert_eq!(s[1].2, 1);
    }
}
