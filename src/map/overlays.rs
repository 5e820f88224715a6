//! Lines drawn over the map each frame (a handful: everything with many points is a mesh built
//! once, see [`super::layers`]): the borders of the regions outlined on the land (a land
//! sector, a pass, a plateau, a lake), the hovered and selected regions, the last turn's moves as
//! arrows in the owner's colour (their order's name is a label of the overlay), and while the
//! turn plays back, scrambles meeting an incursion and incidents pulsing.

use bevy::gizmos::config::{DefaultGizmoConfigGroup, GizmoConfigStore};
use bevy::prelude::*;
use demarche_sim::report::{Movement, TurnReport};
use demarche_sim::scenario::{Effect, ForceKind, Scenario};

use super::{MapCamera, MapSelection, MapState};
use crate::session::{Flow, Session};
use crate::theme;

fn ring_points(ring: &[[f32; 2]]) -> Vec<Vec2> {
    let mut points: Vec<Vec2> = ring.iter().map(|p| Vec2::new(p[0], p[1])).collect();
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    points
}

/// Lines two pixels wide, readable on a projector.
pub fn configure_gizmos(mut store: ResMut<GizmoConfigStore>) {
    let (config, _) = store.config_mut::<DefaultGizmoConfigGroup>();
    config.line.width = 2.5;
}

/// The points of a move: its start and each region passed, at their anchors.
pub fn move_points(data: &super::MapData, movement: &Movement) -> Vec<Vec2> {
    let mut points = vec![data.anchor(movement.from)];
    points.extend(movement.path.iter().map(|r| data.anchor(*r)));
    points.dedup();
    points
}

/// The name of the order that made a move: the owner's order of the turn whose effects move
/// this force; "returns home" for a force going back to its home region; else the force's name.
pub fn move_label(scn: &Scenario, report: &TurnReport, movement: &Movement) -> String {
    let force = scn.force(movement.force);
    let side = scn.side_of(force.owner);
    for raw in side.map_or(&[][..], |s| report.orders[s.index()].as_slice()) {
        let Ok(order) = scn.resolve_order(raw) else {
            continue;
        };
        let action = scn.action(order.action);
        if action
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Move(f, _) if *f == movement.force))
        {
            return action.name.clone();
        }
    }
    if movement.path.last() == Some(&force.home) {
        format!("{}: returns home", force.name)
    } else {
        force.name.clone()
    }
}

/// Draws the overlays.
pub fn draw(
    mut gizmos: Gizmos,
    map: Res<MapState>,
    session: Option<Res<Session>>,
    selection: Res<MapSelection>,
    flow: Res<Flow>,
    time: Res<Time>,
    camera: Single<&Projection, With<MapCamera>>,
) {
    let (Some(data), Some(session)) = (&map.data, session) else {
        return;
    };
    let scn = session.scenario();
    let scale = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    // The borders of the regions outlined on the land: a sector of its administrator's own land
    // shows only by them.
    let border = theme::bevy(theme::COASTLINE).with_alpha(0.7);
    for shape in &data.regions {
        if shape.outline.len() >= 3 && scn.region(shape.id).kind.on_land() {
            gizmos.linestrip_2d(ring_points(&shape.outline), border);
        }
    }
    // Hovered and selected regions.
    for (region, rgb) in [
        (selection.hovered, theme::HOVER),
        (selection.selected, theme::SELECTED),
    ] {
        let Some(region) = region else { continue };
        let shape = &data.regions[region.index()];
        let color = theme::bevy(rgb);
        for &f in &shape.features {
            gizmos.linestrip_2d(ring_points(&data.asset.features[f].ring), color);
        }
        if shape.outline.len() >= 3 {
            gizmos.linestrip_2d(ring_points(&shape.outline), color.with_alpha(0.8));
        }
        gizmos.circle_2d(shape.anchor, 4.0 * scale, color);
    }
    let Some(report) = session.game.last_report() else {
        return;
    };
    // The last turn's moves, as arrows.
    let playing = flow.playback();
    for movement in &report.movements {
        let owner = scn.force(movement.force).owner;
        let color = theme::bevy(scn.actor(owner).color);
        let points = move_points(data, movement);
        if points.len() < 2 {
            continue;
        }
        let alpha = if playing.is_some() { 0.95 } else { 0.8 };
        gizmos.linestrip_2d(points.clone(), color.with_alpha(alpha));
        if let [.., a, b] = points.as_slice() {
            // The tip stops short of the icon standing at the end.
            let end = *b - (*b - *a).normalize_or_zero() * 14.0 * scale;
            gizmos
                .arrow_2d(*a, end, color.with_alpha(alpha))
                .with_tip_length(14.0 * scale);
        }
    }
    // The turn playing back: incidents pulse, interceptors meet incursions.
    let Some(progress) = playing else {
        return;
    };
    let pulse = 0.5 + 0.5 * (time.elapsed_secs() * 6.0).sin();
    for event in report.events.iter().filter(|e| e.mid.is_some()) {
        for region in &event.regions {
            let at = data.anchor(*region);
            let color = event
                .actor
                .map_or(Color::WHITE, |a| theme::bevy(scn.actor(a).color));
            gizmos.circle_2d(
                at,
                (10.0 + 16.0 * progress) * scale,
                color.with_alpha(0.4 + 0.6 * pulse),
            );
            // A border violation is met by the other side's interceptors.
            if event.mid == Some(12)
                && let Some(defender) = event
                    .actor
                    .and_then(|a| scn.side_of(a))
                    .map(|s| scn.actor_of(s.other()))
                && let Some(wing) = scn
                    .forces
                    .iter()
                    .position(|f| f.owner == defender && f.kind == ForceKind::AirWing)
            {
                let home = data.anchor(session.game.view().mil.forces[wing].at);
                let meet = home.lerp(at, (progress * 1.4).min(1.0));
                let color = theme::bevy(scn.actor(defender).color);
                gizmos.line_2d(home, meet, color);
                gizmos.circle_2d(meet, 5.0 * scale, color);
            }
        }
    }
}
