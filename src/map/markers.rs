//! Force markers: an icon per kind (a ship, an aircraft, the infantry sign, a missile; see
//! [`super::icons`]) on a disc in the owner's colour, standing where the simulation puts each
//! force, moving along its path while a turn plays back, and keeping the same size on screen at
//! any zoom.

use bevy::prelude::*;
use demarche_sim::{ForceId, RegionId};

use super::data::{along, slots};
use super::icons::{disc_tris, pictogram_tris};
use super::{MapCamera, MapState};
use crate::session::{Flow, Screen, Session};
use crate::theme;

/// A force's marker.
#[derive(Component)]
pub struct Marker {
    /// The force.
    pub force: ForceId,
}

/// The icon's radius on screen, in pixels.
pub const SIZE: f32 = 11.0;

/// Spawns one marker per force: a white rim, the owner's disc, the white pictogram.
pub fn spawn(
    mut commands: Commands,
    session: Option<Res<Session>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let Some(session) = session else { return };
    let scn = session.scenario();
    let white = materials.add(ColorMaterial::from_color(Color::WHITE));
    let rim = meshes.add(disc_tris(1.0).into_mesh());
    let disc = meshes.add(disc_tris(0.86).into_mesh());
    for (i, force) in scn.forces.iter().enumerate() {
        let color = theme::bevy(scn.actor(force.owner).color);
        let picture = meshes.add(pictogram_tris(force.kind).into_mesh());
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
                    Mesh2d(rim.clone()),
                    MeshMaterial2d(white.clone()),
                    Transform::from_xyz(0.0, 0.0, 0.0),
                ));
                parent.spawn((
                    Mesh2d(disc.clone()),
                    MeshMaterial2d(materials.add(ColorMaterial::from_color(color))),
                    Transform::from_xyz(0.0, 0.0, 0.1),
                ));
                parent.spawn((
                    Mesh2d(picture),
                    MeshMaterial2d(white.clone()),
                    Transform::from_xyz(0.0, 0.0, 0.2),
                ));
            });
    }
}

/// Where each force's marker is now: its region, or on its way during the playback.
/// `scale` is the zoom (km per pixel): icons sharing a region stand apart on screen.
pub fn positions(map: &super::MapData, session: &Session, flow: &Flow, scale: f32) -> Vec<Vec2> {
    let view = session.game.view();
    let at: Vec<RegionId> = view.mil.forces.iter().map(|f| f.at).collect();
    let mut out: Vec<Vec2> = slots(&at)
        .into_iter()
        .map(|(force, slot, of)| {
            map.marker_position(at[force.index()], slot, of, 2.3 * SIZE * scale)
        })
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
    let places = positions(data, &session, &flow, scale);
    for (marker, mut transform) in &mut markers {
        if let Some(p) = places.get(marker.force.index()) {
            transform.translation = p.extend(5.0);
            transform.scale = Vec3::splat(SIZE * scale);
        }
    }
}
