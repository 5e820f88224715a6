//! Force markers: a shape per kind (fleet, air wing, troops, missile battery) in the owner's
//! colour, standing where the simulation puts each force, moving along its path while a turn
//! plays back, and keeping the same size on screen at any zoom.

use bevy::prelude::*;
use demarche_sim::scenario::ForceKind;
use demarche_sim::{ForceId, RegionId};

use super::data::{along, slots};
use super::{MapCamera, MapState};
use crate::session::{Flow, Screen, Session};
use crate::theme;

/// A force's marker.
#[derive(Component)]
pub struct Marker {
    /// The force.
    pub force: ForceId,
}

/// Marker size on screen, in pixels.
const SIZE: f32 = 9.0;

fn shape(kind: ForceKind) -> Mesh {
    match kind {
        ForceKind::Fleet => Triangle2d::new(
            Vec2::new(0.0, 1.2),
            Vec2::new(-1.0, -0.8),
            Vec2::new(1.0, -0.8),
        )
        .into(),
        ForceKind::AirWing => Rhombus::new(2.0, 2.4).into(),
        ForceKind::Troops => Rectangle::new(1.8, 1.8).into(),
        ForceKind::MissileBattery => Circle::new(1.0).into(),
    }
}

/// Spawns one marker per force: a white outline behind the coloured shape.
pub fn spawn(
    mut commands: Commands,
    session: Option<Res<Session>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let Some(session) = session else { return };
    let scn = session.scenario();
    let white = materials.add(ColorMaterial::from_color(Color::WHITE));
    for (i, force) in scn.forces.iter().enumerate() {
        let color = theme::bevy(scn.actor(force.owner).color);
        let mesh = meshes.add(shape(force.kind));
        commands
            .spawn((
                Transform::from_xyz(0.0, 0.0, 5.0),
                Visibility::default(),
                Marker {
                    force: ForceId::from_index(i),
                },
                DespawnOnExit(Screen::Playing),
                Name::new(force.name.clone()),
            ))
            .with_children(|parent| {
                parent.spawn((
                    Mesh2d(mesh.clone()),
                    MeshMaterial2d(white.clone()),
                    Transform::from_xyz(0.0, 0.0, 0.0).with_scale(Vec3::splat(1.35)),
                ));
                parent.spawn((
                    Mesh2d(mesh),
                    MeshMaterial2d(materials.add(ColorMaterial::from_color(color))),
                    Transform::from_xyz(0.0, 0.0, 0.1),
                ));
            });
    }
}

/// Where each force's marker is now: its region, or on its way during the playback.
pub fn positions(map: &super::MapData, session: &Session, flow: &Flow) -> Vec<Vec2> {
    let view = session.game.view();
    let at: Vec<RegionId> = view.mil.forces.iter().map(|f| f.at).collect();
    let mut out: Vec<Vec2> = slots(&at)
        .into_iter()
        .map(|(force, slot, of)| map.marker_position(at[force.index()], slot, of))
        .collect();
    if let (Some(progress), Some(report)) = (flow.playback(), session.game.last_report()) {
        for movement in &report.movements {
            let mut points = vec![map.anchor(movement.from)];
            points.extend(movement.path.iter().map(|r| map.anchor(*r)));
            if let Some(p) = out.get_mut(movement.force.index()) {
                *p = along(&points, ease(progress));
            }
        }
    }
    out
}

/// Smooth start and stop.
fn ease(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

/// Places the markers and keeps their on-screen size constant.
pub fn place(
    map: Res<MapState>,
    session: Option<Res<Session>>,
    flow: Res<Flow>,
    camera: Single<&Projection, With<MapCamera>>,
    mut markers: Query<(&Marker, &mut Transform)>,
) {
    let (Some(data), Some(session)) = (&map.data, session) else {
        return;
    };
    let scale = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let places = positions(data, &session, &flow);
    for (marker, mut transform) in &mut markers {
        if let Some(p) = places.get(marker.force.index()) {
            transform.translation = p.extend(5.0);
            transform.scale = Vec3::splat(SIZE * scale);
        }
    }
}
