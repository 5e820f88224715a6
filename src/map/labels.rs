//! Where the map's labels go: each label, by priority, takes the first of a few places around
//! its anchor that lies wholly inside the map's free area and overlaps no label placed before it
//! and no obstacle (force icons, incident marks; small islands too for the names of seas and
//! straits). A label with no such place is hidden at this zoom. Plain data: the overlay draws
//! what this returns, and the tests check it.

use bevy_egui::egui::{Pos2, Rect, Vec2, pos2, vec2};
use demarche_sim::ActorId;
use demarche_sim::report::TurnReport;
use demarche_sim::scenario::{RegionKind, Scenario};

use super::MapData;

/// A label to place.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelIn {
    /// Its text.
    pub text: String,
    /// Where it belongs, in screen points.
    pub anchor: Pos2,
    /// Its size on screen, halo included.
    pub size: Vec2,
    /// Higher goes first.
    pub priority: u32,
    /// A water name (sea, strait): it keeps off small islands as well.
    pub water: bool,
    /// How far from the anchor the label stands (the icon's radius, say).
    pub gap: f32,
}

/// A label placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index in the input.
    pub index: usize,
    /// Where it is drawn, halo included.
    pub rect: Rect,
}

/// Room kept between two labels, in points.
pub const PAD: f32 = 2.0;

/// The places tried for a label, best first: below, above, right, left of the anchor, then
/// farther below and above; a water name may also sit on its anchor.
fn candidates(label: &LabelIn) -> Vec<Rect> {
    let (a, s, g) = (label.anchor, label.size, label.gap);
    let mut out = Vec::new();
    if label.water {
        out.push(Rect::from_center_size(a, s));
    }
    out.extend([
        Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y + g), s),
        Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y - g - s.y), s),
        Rect::from_min_size(pos2(a.x + g, a.y - s.y / 2.0), s),
        Rect::from_min_size(pos2(a.x - g - s.x, a.y - s.y / 2.0), s),
        // Farther off, clear of the icons spread around the anchor.
        Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y + 3.0 * g), s),
        Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y - 3.0 * g - s.y), s),
    ]);
    out
}

/// Places the labels inside `area`, none overlapping another or an obstacle; the names of
/// water keep off `islands` too. Returns the labels shown, highest priority first.
pub fn layout(labels: &[LabelIn], area: Rect, obstacles: &[Rect], islands: &[Rect]) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(labels[i].priority));
    let mut placed: Vec<Placed> = Vec::new();
    for i in order {
        let label = &labels[i];
        let fits = |r: &Rect| {
            area.contains_rect(*r)
                && placed.iter().all(|p| !p.rect.expand(PAD).intersects(*r))
                && obstacles.iter().all(|o| !o.intersects(*r))
                && (!label.water || islands.iter().all(|o| !o.intersects(*r)))
        };
        if let Some(rect) = candidates(label).into_iter().find(fits) {
            placed.push(Placed { index: i, rect });
        }
    }
    placed
}

/// Whether two placed labels overlap (for tests).
pub fn any_overlap(placed: &[Placed]) -> Option<(usize, usize)> {
    for (k, a) in placed.iter().enumerate() {
        for b in &placed[k + 1..] {
            if a.rect.intersects(b.rect) {
                return Some((a.index, b.index));
            }
        }
    }
    None
}

/// An estimate of a text's size on screen when no font is at hand (the tests): proportional
/// fonts average a little over half their size per character.
pub fn estimate_size(text: &str, font_size: f32) -> Vec2 {
    vec2(
        text.chars().count() as f32 * font_size * 0.56,
        font_size * 1.25,
    )
}

/// What a label names, for its colour and font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// A disputed region.
    Disputed,
    /// Land.
    Land,
    /// A sea.
    Sea,
    /// A strait.
    Strait,
    /// A lake.
    Lake,
    /// A move of the last turn, by this actor's force (its order's name).
    Move(ActorId),
}

impl LabelKind {
    /// The font size, in points.
    pub fn font_size(self) -> f32 {
        match self {
            LabelKind::Sea => 15.0,
            LabelKind::Disputed | LabelKind::Land => 13.5,
            LabelKind::Strait | LabelKind::Lake => 12.0,
            LabelKind::Move(_) => 12.0,
        }
    }
}

/// Room for the halo around a label's text, in points on each side.
pub const HALO: f32 = 2.0;

/// The labels of a frame and what they must keep off.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// The labels to place.
    pub labels: Vec<LabelIn>,
    /// What each names.
    pub kinds: Vec<LabelKind>,
    /// Force icons, on screen.
    pub obstacles: Vec<Rect>,
    /// Small islands on screen (water names keep off them).
    pub islands: Vec<Rect>,
}

/// The labels of the map at a zoom: every region's name (disputed ones first, then seas, land,
/// land sectors and plateaus, islands, lakes, passes, straits) and the last turn's moves (their orders' names, at the middle of their last leg);
/// force icons (`icons`, km, `icon_radius` points) as obstacles and small islands for the water
/// names. `to_screen` maps km to screen points, `measure` gives a text's size at a font size.
pub fn scene(
    data: &MapData,
    scn: &Scenario,
    report: Option<&TurnReport>,
    icons: &[bevy::math::Vec2],
    icon_radius: f32,
    to_screen: &dyn Fn(bevy::math::Vec2) -> Option<Pos2>,
    measure: &dyn Fn(&str, f32) -> Vec2,
) -> Scene {
    let mut scene = Scene::default();
    let halo = vec2(2.0 * HALO, 2.0 * HALO);
    for shape in &data.regions {
        let Some(anchor) = to_screen(shape.anchor) else {
            continue;
        };
        let region = scn.region(shape.id);
        let (kind, priority) = match region.kind {
            _ if region.is_disputed() => (LabelKind::Disputed, 100),
            RegionKind::Sea => (LabelKind::Sea, 80),
            RegionKind::Land => (LabelKind::Land, 70),
            RegionKind::Sector | RegionKind::Plateau => (LabelKind::Land, 65),
            RegionKind::Island | RegionKind::IslandGroup => (LabelKind::Land, 60),
            RegionKind::Lake => (LabelKind::Lake, 55),
            RegionKind::Pass => (LabelKind::Land, 52),
            RegionKind::Strait => (LabelKind::Strait, 50),
        };
        let text = region.name().to_owned();
        scene.labels.push(LabelIn {
            size: measure(&text, kind.font_size()) + halo,
            text,
            anchor,
            priority,
            water: matches!(kind, LabelKind::Sea | LabelKind::Strait | LabelKind::Lake),
            gap: icon_radius + 2.0,
        });
        scene.kinds.push(kind);
    }
    if let Some(report) = report {
        for movement in &report.movements {
            let points = super::overlays::move_points(data, movement);
            let [.., a, b] = points.as_slice() else {
                continue;
            };
            let Some(anchor) = to_screen((*a + *b) / 2.0) else {
                continue;
            };
            let text = super::overlays::move_label(scn, report, movement);
            let owner = scn.force(movement.force).owner;
            scene.labels.push(LabelIn {
                size: measure(&text, LabelKind::Move(owner).font_size()) + halo,
                text,
                anchor,
                priority: 90,
                water: false,
                gap: 4.0,
            });
            scene.kinds.push(LabelKind::Move(owner));
        }
    }
    for icon in icons {
        if let Some(p) = to_screen(*icon) {
            scene
                .obstacles
                .push(Rect::from_center_size(p, Vec2::splat(2.0 * icon_radius)));
        }
    }
    for (lo, hi) in &data.feature_boxes {
        if let (Some(a), Some(b)) = (to_screen(*lo), to_screen(*hi)) {
            let rect = Rect::from_two_pos(a, b);
            if rect.width() < 160.0 && rect.height() < 160.0 {
                scene.islands.push(rect);
            }
        }
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str, x: f32, y: f32, priority: u32) -> LabelIn {
        LabelIn {
            text: text.into(),
            anchor: pos2(x, y),
            size: estimate_size(text, 14.0),
            priority,
            water: false,
            gap: 8.0,
        }
    }

    #[test]
    fn crowded_labels_move_aside_or_hide_and_never_overlap_or_leave_the_area() {
        let area = Rect::from_min_max(pos2(0.0, 0.0), pos2(300.0, 200.0));
        let labels = vec![
            label("Kunashir (Kunashiri)", 100.0, 100.0, 5),
            label("Nemuro (Kunashir) Strait", 104.0, 102.0, 3),
            label("Shikotan", 110.0, 96.0, 4),
            label("Russian Far East coast", 296.0, 10.0, 9),
        ];
        let placed = layout(&labels, area, &[], &[]);
        assert!(any_overlap(&placed).is_none());
        assert!(placed.iter().all(|p| area.contains_rect(p.rect)));
        // The highest priority is placed first, moved inside from the edge it was cut at.
        assert_eq!(placed[0].index, 3);
        assert!(placed.iter().any(|p| p.index == 0));
    }

    #[test]
    fn water_names_keep_off_islands() {
        let area = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 400.0));
        let island = Rect::from_center_size(pos2(200.0, 200.0), vec2(30.0, 10.0));
        let mut strait = label("Strait", 200.0, 200.0, 1);
        strait.water = true;
        let placed = layout(&[strait], area, &[], &[island]);
        assert_eq!(placed.len(), 1);
        assert!(!placed[0].rect.intersects(island));
    }
}

#[cfg(test)]
mod map_tests {
    use std::path::Path;

    use bevy::math::Vec2 as Km;
    use demarche_sim::Game;

    use super::*;
    use crate::map::MapData;

    /// The bundled scenario, its map, and a game played with the record up to the first turn
    /// whose report has moves to label.
    fn bundled() -> (MapData, Game) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("scenarios/japan_russia_2022");
        let scn = std::sync::Arc::new(demarche_sim::load(&dir).expect("the scenario").scenario);
        let asset = demarche_map::MapAsset::load(&crate::map::map_file(&dir, &scn.meta.map))
            .expect("the map");
        let mut game = Game::new(scn.clone(), scn.meta.default_seed);
        while game.last_report().is_none_or(|r| r.movements.is_empty()) {
            assert!(game.turn() < 12, "the record moves forces early on");
            for side in demarche_sim::Side::BOTH {
                let orders = demarche_sim::policy::Policy::orders(
                    &mut demarche_sim::policy::Historical,
                    &game.side_view(side),
                );
                game.submit_unchecked(side, orders);
            }
            game.resolve().expect("a turn");
        }
        (MapData::build(asset, &scn), game)
    }

    /// Lays the labels out over `area` with the map centred on `centre` at `km_per_pt`.
    fn lay_out(data: &MapData, game: &Game, area: Rect, centre: Km, km_per_pt: f32) -> Vec<Placed> {
        let mid = area.center();
        let to_screen = |p: Km| {
            let d = (p - centre) / km_per_pt;
            Some(pos2(mid.x + d.x, mid.y - d.y))
        };
        let icons: Vec<Km> = game
            .view()
            .mil
            .forces
            .iter()
            .map(|f| data.anchor(f.at))
            .collect();
        let scene = scene(
            data,
            game.scenario(),
            game.last_report(),
            &icons,
            11.0,
            &to_screen,
            &estimate_size,
        );
        assert!(
            scene.kinds.iter().any(|k| matches!(k, LabelKind::Move(_))),
            "the last turn's moves are labelled"
        );
        layout(&scene.labels, area, &scene.obstacles, &scene.islands)
    }

    #[test]
    fn the_map_labels_never_overlap_nor_leave_the_map_at_three_zooms_and_two_window_sizes() {
        let (data, game) = bundled();
        let (centre, size) = data.extent();
        // The free area between the panels at 1280x720 and at 1920x1080 (egui zoom 1.25: in
        // points, 1536x864), and the whole window with the panels folded away.
        let areas = [
            Rect::from_min_max(pos2(340.0, 54.0), pos2(960.0, 690.0)),
            Rect::from_min_max(pos2(340.0, 54.0), pos2(1196.0, 834.0)),
            Rect::from_min_max(pos2(0.0, 54.0), pos2(1280.0, 690.0)),
        ];
        let islands = data.anchor(game.scenario().focus_region().expect("a focus region"));
        for area in areas {
            let whole = (size / Km::new(area.width(), area.height())).max_element() * 1.02;
            for (zoom, at, least) in [(1.0, centre, 8), (2.0, islands, 3), (4.0, islands, 1)] {
                let placed = lay_out(&data, &game, area, at, whole / zoom);
                assert!(
                    placed.len() >= least,
                    "{area:?} ×{zoom}: only {} labels",
                    placed.len()
                );
                assert_eq!(any_overlap(&placed), None, "{area:?} ×{zoom}");
                for p in &placed {
                    assert!(
                        area.contains_rect(p.rect),
                        "{area:?} ×{zoom}: {:?} cut",
                        p.rect
                    );
                }
            }
        }
    }
}
