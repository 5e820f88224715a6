//! The map on a team's page, as SVG drawn on the host from the scenario's map asset (the same
//! file the window draws: `<map>.map.ron` in the scenario's folder, else `assets/maps/`), and
//! only from the side's [`SideView`]: land features grouped into the scenario's regions
//! (coloured by who administers them, dashed where claimed), seas and straits from their
//! outlines, each region named with its administrator and claimants, the forces where they
//! stand, and the last turn's moves as arrows.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use demarche_map::MapAsset;
use demarche_sim::scenario::{Region, Scenario};
use demarche_sim::{ActorId, RegionId, SideView};

use crate::charts::COLORS;
use crate::html::esc;

/// The map asset file of a scenario: `<map>.map.ron` in its folder if it ships one, else in
/// the first `assets/maps/` found in a folder above it or in the working folder.
pub fn map_file(scenario_dir: &Path, map: &str) -> Option<PathBuf> {
    let name = format!("{map}.map.ron");
    let own = scenario_dir.join(&name);
    if own.is_file() {
        return Some(own);
    }
    let dir = std::fs::canonicalize(scenario_dir).unwrap_or_else(|_| scenario_dir.to_path_buf());
    dir.ancestors()
        .map(|a| a.join("assets/maps").join(&name))
        .chain(std::iter::once(Path::new("assets/maps").join(&name)))
        .find(|p| p.is_file())
}

/// The scenario's map asset, if found and readable (a problem is said on standard error:
/// the pages then show no map).
pub fn load(scenario_dir: &Path, scn: &Scenario) -> Option<MapAsset> {
    let Some(path) = map_file(scenario_dir, &scn.meta.map) else {
        eprintln!(
            "warning: no map file `{}.map.ron` found; the team pages show no map",
            scn.meta.map
        );
        return None;
    };
    match MapAsset::load(&path) {
        Ok(asset) => Some(asset),
        Err(e) => {
            eprintln!(
                "warning: {}: {e}; the team pages show no map",
                path.display()
            );
            None
        }
    }
}

/// The map's plane: the asset's extent, with y turned downwards for SVG.
struct Plane {
    min_x: f32,
    max_y: f32,
    width: f32,
    height: f32,
}

impl Plane {
    fn of(asset: &MapAsset) -> Plane {
        let [x0, y0, x1, y1] = asset.extent;
        Plane {
            min_x: x0,
            max_y: y1,
            width: (x1 - x0).max(1.0),
            height: (y1 - y0).max(1.0),
        }
    }

    fn point(&self, [x, y]: [f32; 2]) -> (f32, f32) {
        (x - self.min_x, self.max_y - y)
    }

    fn points(&self, ring: &[[f32; 2]]) -> String {
        ring.iter()
            .map(|p| {
                let (x, y) = self.point(*p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A size for text and markers: a fortieth of the map's larger side.
    fn unit(&self) -> f32 {
        self.width.max(self.height) / 40.0
    }
}

/// The map as one side sees it, as an SVG element.
pub fn map_svg(asset: &MapAsset, view: &SideView) -> String {
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
    land(&mut svg, scn, view, &plane, asset);
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

fn region_of<'s>(scn: &'s Scenario, feature: &str) -> Option<(RegionId, &'s Region)> {
    scn.regions
        .iter()
        .enumerate()
        .find(|(_, r)| r.map_features.iter().any(|f| f == feature))
        .map(|(i, r)| (RegionId::from_index(i), r))
}

fn seas(svg: &mut String, scn: &Scenario, plane: &Plane, asset: &MapAsset) {
    for region in scn.regions.iter().filter(|r| r.outline.len() >= 3) {
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

fn land(svg: &mut String, scn: &Scenario, view: &SideView, plane: &Plane, asset: &MapAsset) {
    for feature in &asset.features {
        let region = region_of(scn, &feature.name);
        let admin = region.and_then(|(_, r)| r.administered_by);
        let dashed = region.is_some_and(|(_, r)| r.is_disputed()) || feature.disputed;
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
            esc(&region.map_or(feature.name.clone(), |(_, r)| who_holds(scn, r)))
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
