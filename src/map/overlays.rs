//! Lines drawn over the map each frame: disputed islands outlined in the claimant's colour, the
//! hovered and selected regions, and the turn's moves played back (paths, scrambles meeting an
//! incursion, incidents).

use bevy::prelude::*;
use demarche_sim::scenario::ForceKind;

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
    // Disputed land: a dashed outline in each claimant's colour.
    for (f, feature) in data.asset.features.iter().enumerate() {
        let Some(region) = data.feature_region[f] else {
            continue;
        };
        let region = scn.region(region);
        for claimant in &region.claimed_by {
            let color = theme::bevy(scn.actor(*claimant).color);
            let points = ring_points(&feature.ring);
            for (k, w) in points.windows(2).enumerate() {
                if k % 2 == 0 {
                    gizmos.line_2d(w[0], w[1], color);
                }
            }
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
    // The turn playing back.
    let (Some(progress), Some(report)) = (flow.playback(), session.game.last_report()) else {
        return;
    };
    for movement in &report.movements {
        let owner = scn.force(movement.force).owner;
        let color = theme::bevy(scn.actor(owner).color);
        let mut points = vec![data.anchor(movement.from)];
        points.extend(movement.path.iter().map(|r| data.anchor(*r)));
        gizmos.linestrip_2d(points.clone(), color.with_alpha(0.9));
        if let [.., a, b] = points.as_slice() {
            gizmos.arrow_2d(*a, *b, color).with_tip_length(12.0 * scale);
        }
    }
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
