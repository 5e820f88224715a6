//! The map on a team's page, as SVG drawn on the host from the scenario's map asset (the same
//! file the window draws: `<map>.map.ron` in the scenario's folder, else `assets/maps/`), and
//! only from the side's [`SideView`]: land features grouped into the scenario's regions
//! (coloured by who administers them, dashed where claimed), seas and straits from their
//! outlines under the land, lakes and land sectors from theirs over it, each region named with its administrator and claimants, the forces where they
//! stand, and the last turn's moves as arrows.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use demarche_map::svg::Plane;
use demarche_map::{MapAsset, MapModel};
use demarche_sim::scenario::{Region, RegionKind, Scenario};
use demarche_sim::{ActorId, RegionId, SideView};

use crate::charts::COLORS;
use crate::html::esc;

/// The map asset file of a scenario: `<map>.map.ron` in its folder if it ships one, else in
/// the shared maps (`$DEMARCHE_ASSETS/maps`, the first `assets/maps/` found in a folder above
/// it, or in the working folder): the lookup `demarche validate` uses.
pub fn map_file(scenario_dir: &Path, map: &str) -> Option<PathBuf> {
    demarche_cli::scenario_map::find(scenario_dir, map).ok()
}

/// The scenario's map with its regions on it (the model the window and `demarche map preview`
/// draw too), if found and readable (a problem is said on standard error: the pages then show
/// no map).
pub fn load(scenario_dir: &Path, scn: &Scenario) -> Option<MapModel> {
    let Some(path) = map_file(scenario_dir, &scn.meta.map) else {
        eprintln!(
            "warning: no map file `{}.map.ron` found; the team pages show no map",
            scn.meta.map
        );
        return None;
    };
    match MapAsset::load(&path) {
        Ok(asset) => Some(demarche_cli::scenario_map::model(asset, scn)),
        Err(e) => {
            eprintln!(
                "warning: {}: {e}; the team pages show no map",
                path.display()
            );
            None
        }
    }
}

/// The map as one side sees it, as an SVG element.
pub fn map_svg(model: &MapModel, view: &SideView) -> String {
    let asset = &model.asset;
    let scn = view.scenario();
    let plane = Plane::of(asset);
    let mut svg = format!(
        "<svg class=\"map\" viewBox=\"0 0 {:.0} {:.0}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">\
<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#f0b400\"/></marker></defs>\
<rect width=\"100%\" height=\"100%\" fill=\"#dbe8f4\"/>",
        plane.width,
        plane.height,
        esc(&asset.title)
    );
    seas(&mut svg, scn, &plane, asset);
    land(&mut svg, scn, view, &plane, model);
    outlined_land(&mut svg, scn, view, &plane, asset);
    moves(&mut svg, scn, view, &plane, asset);
    forces(&mut svg, scn, view, &plane, asset);
    labels(&mut svg, scn, &plane, asset);
    svg.push_str("</svg>");
    svg
}

/// The colour of a region by who administers it: this side, the other side, or neither.
fn fill(view: &SideView, admin: Option<ActorId>) -> &'static str {
    let me = view.actor();
    let other = view.scenario().actor_of(view.side().other());
    match admin {
        Some(a) if a == me => "#c9dbef",
        Some(a) if a == other => "#efcfc9",
        _ => "#e4e2da",
    }
}

fn seas(svg: &mut String, scn: &Scenario, plane: &Plane, asset: &MapAsset) {
    let under_land = |r: &&Region| r.outline.len() >= 3 && !r.kind.on_land();
    for region in scn.regions.iter().filter(under_land) {
        let ring: Vec<[f32; 2]> = region
            .outline
            .iter()
            .map(|&(lon, lat)| asset.projection.project_f32(lon, lat))
            .collect();
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"#c4dbee\" stroke=\"#7aa6cf\" stroke-dasharray=\"{:.1}\" stroke-width=\"{:.1}\"><title>{}</title></polygon>",
            plane.points(&ring),
            plane.unit() / 2.0,
            plane.unit() / 8.0,
            esc(region.name())
        );
    }
}

/// Regions outlined on the land, over it, the largest first: a lake as water, a land sector, a
/// pass or a plateau coloured by who administers it, dashed where claimed.
fn outlined_land(
    svg: &mut String,
    scn: &Scenario,
    view: &SideView,
    plane: &Plane,
    asset: &MapAsset,
) {
    let over_land = |r: &&Region| r.outline.len() >= 3 && r.kind.on_land();
    let mut shapes: Vec<(&Region, Vec<[f32; 2]>, f64)> = scn
        .regions
        .iter()
        .filter(over_land)
        .map(|region| {
            let ring: Vec<[f32; 2]> = region
                .outline
                .iter()
                .map(|&(lon, lat)| asset.projection.project_f32(lon, lat))
                .collect();
            let wide: Vec<[f64; 2]> = ring
                .iter()
                .map(|p| [f64::from(p[0]), f64::from(p[1])])
                .collect();
            let area = demarche_map::geometry::signed_area2(&wide).abs();
            (region, ring, area)
        })
        .collect();
    shapes.sort_by(|a, b| b.2.total_cmp(&a.2));
    for (region, ring, _) in shapes {
        let (color, stroke) = if region.kind == RegionKind::Lake {
            ("#c4dbee", "#7aa6cf")
        } else {
            (fill(view, region.administered_by), "#555")
        };
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"{color}\" stroke=\"{stroke}\" stroke-width=\"{:.2}\"{}><title>{}</title></polygon>",
            plane.points(&ring),
            plane.unit() / 10.0,
            if region.is_disputed() {
                format!(" stroke-dasharray=\"{:.1}\"", plane.unit() / 3.0)
            } else {
                String::new()
            },
            esc(&who_holds(scn, region))
        );
    }
}

fn land(svg: &mut String, scn: &Scenario, view: &SideView, plane: &Plane, model: &MapModel) {
    for (f, feature) in model.asset.features.iter().enumerate() {
        let region = model.feature_region[f].map(|r| scn.region(RegionId::from_index(r)));
        let admin = region.and_then(|r| r.administered_by);
        let dashed = region.is_some_and(|r| r.is_disputed()) || feature.disputed;
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"{}\" stroke=\"#555\" stroke-width=\"{:.2}\"{}><title>{}</title></polygon>",
            plane.points(&feature.ring),
            fill(view, admin),
            plane.unit() / 10.0,
            if dashed {
                format!(" stroke-dasharray=\"{:.1}\"", plane.unit() / 3.0)
            } else {
                String::new()
            },
            esc(&region.map_or_else(|| feature.key().to_owned(), |r| who_holds(scn, r)))
        );
    }
}

/// A region in words: its name, who administers it and who claims it.
pub fn who_holds(scn: &Scenario, r: &Region) -> String {
    let mut text = r.name().to_owned();
    if let Some(a) = r.administered_by {
        let _ = write!(text, " · administered by {}", scn.actor(a).name);
    }
    if !r.claimed_by.is_empty() {
        let names: Vec<&str> = r
            .claimed_by
            .iter()
            .map(|a| scn.actor(*a).name.as_str())
            .collect();
        let _ = write!(text, " · claimed by {}", names.join(", "));
    }
    text
}

fn anchor(scn: &Scenario, asset: &MapAsset, plane: &Plane, region: RegionId) -> (f32, f32) {
    let (lon, lat) = scn.region(region).anchor;
    plane.point(asset.projection.project_f32(lon, lat))
}

fn labels(svg: &mut String, scn: &Scenario, plane: &Plane, asset: &MapAsset) {
    let size = plane.unit();
    for (i, region) in scn.regions.iter().enumerate() {
        let (x, y) = anchor(scn, asset, plane, RegionId::from_index(i));
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" text-anchor=\"middle\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"{:.2}\" paint-order=\"stroke\">{}<title>{}</title></text>",
            y - size * 0.8,
            size / 5.0,
            esc(region.name()),
            esc(&who_holds(scn, region))
        );
    }
}

fn forces(svg: &mut String, scn: &Scenario, view: &SideView, plane: &Plane, asset: &MapAsset) {
    let at: Vec<RegionId> = view.view().mil.forces.iter().map(|f| f.at).collect();
    let r = plane.unit() * 0.45;
    for (i, region) in at.iter().enumerate() {
        let sharing: Vec<usize> = (0..at.len()).filter(|j| at[*j] == *region).collect();
        let slot = sharing.iter().position(|j| *j == i).unwrap_or(0);
        let (mut x, mut y) = anchor(scn, asset, plane, *region);
        if sharing.len() > 1 {
            let angle = std::f32::consts::TAU * slot as f32 / sharing.len() as f32 + 0.6;
            x += angle.cos() * r * 2.6;
            y += angle.sin() * r * 2.6;
        }
        let force = &scn.forces[i];
        let color = if force.owner == view.actor() {
            COLORS[0]
        } else {
            COLORS[1]
        };
        let _ = write!(
            svg,
            "<circle class=\"force\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"{:.2}\"><title>{} ({}) · {}</title></circle>",
            r / 4.0,
            esc(&force.name),
            esc(&scn.actor(force.owner).name),
            esc(scn.region(*region).name())
        );
    }
}

fn moves(svg: &mut String, scn: &Scenario, view: &SideView, plane: &Plane, asset: &MapAsset) {
    let Some(report) = view.last_report() else {
        return;
    };
    for m in &report.movements {
        let stops: Vec<String> = std::iter::once(m.from)
            .chain(m.path.iter().copied())
            .map(|r| {
                let (x, y) = anchor(scn, asset, plane, r);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"move\" points=\"{}\" fill=\"none\" stroke=\"#f0b400\" stroke-width=\"{:.2}\" marker-end=\"url(#arrow)\"><title>{}</title></polyline>",
            stops.join(" "),
            plane.unit() / 5.0,
            esc(&scn.forces[m.force.index()].name)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// The polygon whose title starts with `name`: its whole element, and where it starts.
    fn polygon<'s>(svg: &'s str, name: &str) -> (usize, &'s str) {
        let title = svg
            .find(&format!("<title>{name}"))
            .unwrap_or_else(|| panic!("no shape titled {name}"));
        let start = svg[..title].rfind("<polygon").expect("a polygon");
        (start, &svg[start..title])
    }

    #[test]
    fn a_lake_is_water_and_a_land_sector_takes_its_holders_colour_over_the_land() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers");
        let mut scn = demarche_sim::load(&dir).expect("the fixture").scenario;
        let land = scn
            .regions
            .iter()
            .position(|r| !r.map_features.is_empty() && r.administered_by.is_some())
            .expect("a land region");
        let (lon, lat) = scn.regions[land].anchor;
        let square = |d: f64| vec![(lon - d, lat - d), (lon + d, lat - d), (lon + d, lat + d)];
        // The lake listed first: the larger sector is still drawn under it.
        for (key, name, kind, size) in [
            ("still_lake", "Still Lake", RegionKind::Lake, 0.1),
            ("upper_valley", "Upper Valley", RegionKind::Sector, 0.4),
        ] {
            let mut region = scn.regions[land].clone();
            region.key = key.into();
            region.names = [("en".to_owned(), name.to_owned())].into();
            region.kind = kind;
            region.map_features.clear();
            region.claimed_by.clear();
            region.outline = square(size);
            scn.regions.push(region);
        }
        let holder = scn.regions[land].administered_by;
        let model = load(&dir, &scn).expect("the fixture's map");
        let game = demarche_sim::Game::new(Arc::new(scn), 1);
        let view = game.side_view(demarche_sim::Side::First);
        let svg = map_svg(&model, &view);
        let (land_at, _) = polygon(&svg, view.scenario().regions[land].name());
        let (lake_at, lake) = polygon(&svg, "Still Lake");
        let (sector_at, sector) = polygon(&svg, "Upper Valley");
        assert!(lake.contains("fill=\"#c4dbee\""), "{lake}");
        assert!(
            sector.contains(&format!("fill=\"{}\"", fill(&view, holder))),
            "{sector}"
        );
        assert!(
            land_at < sector_at && sector_at < lake_at,
            "over the land, the lake on top"
        );
    }
}
