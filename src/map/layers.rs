//! The map's layers under the markers: the sea shaded by distance from the coast (three bands,
//! lighter near the shore, over the deep-sea clear colour), the graticule, and, over the land,
//! the hatching of disputed land and the coastline. The sea bands are built once per map; the
//! strokes whose width is given in pixels (coast, hatching, graticule) are built again only when
//! the zoom has changed by a quarter, never per frame.

use bevy::prelude::*;

use super::geo::{Tris, graticule, graticule_step, hatch, ring_vec};
use super::{MapCamera, MapState};
use crate::session::{Screen, Session};
use crate::theme;

/// The coastal bands: (distance from the coast in km, colour), widest first.
pub const SEA_BANDS: [(f32, [u8; 3]); 3] = [
    (70.0, [21, 50, 76]),
    (36.0, [27, 62, 92]),
    (14.0, [35, 76, 110]),
];

/// A mesh of the layers rebuilt with the zoom.
#[derive(Component)]
pub struct ZoomLayer;

/// The zoom (km per pixel) the zoom layers were last built for (0: not built).
#[derive(Resource, Default)]
pub struct ZoomBuilt(pub f32);

/// The sea bands, once per map (with the land meshes, on entering the game screen).
pub fn spawn_sea(
    mut commands: Commands,
    map: Res<MapState>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut built: ResMut<ZoomBuilt>,
) {
    built.0 = 0.0;
    let Some(data) = &map.data else { return };
    for (k, (km, rgb)) in SEA_BANDS.iter().enumerate() {
        let mut tris = Tris::default();
        for feature in &data.asset.features {
            // A band tens of km wide needs no coastline detail finer than a few km: simplifying
            // first keeps the round joins few, and the software renderer's overdraw low.
            let ring: Vec<[f64; 2]> = feature
                .ring
                .iter()
                .map(|p| [f64::from(p[0]), f64::from(p[1])])
                .collect();
            let simple = demarche_map::geometry::simplify(&ring, f64::from(*km) / 2.0);
            let points: Vec<Vec2> = simple
                .iter()
                .map(|p| Vec2::new(p[0] as f32, p[1] as f32))
                .collect();
            band(&mut tris, &points, *km);
        }
        commands.spawn((
            Mesh2d(meshes.add(tris.into_mesh())),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(theme::bevy(*rgb)))),
            Transform::from_xyz(0.0, 0.0, -3.0 + k as f32 * 0.5),
            DespawnOnExit(Screen::Playing),
            Name::new(format!("Sea within {km} km of the coast")),
        ));
    }
}

/// A coastal band `km` wide around a ring (simplified to half the band's width): a quad per
/// side, and a rounded join only where the coast turns sharply (a disc at every point multiplied
/// the software renderer's overdraw: 250 ms a frame at 720p).
fn band(tris: &mut Tris, points: &[Vec2], km: f32) {
    let n = points.len();
    if n < 2 {
        return;
    }
    for i in 0..n {
        tris.segment(points[i], points[(i + 1) % n], km * 2.0);
    }
    if n < 3 {
        return;
    }
    for i in 0..n {
        let before = (points[i] - points[(i + n - 1) % n]).normalize_or_zero();
        let after = (points[(i + 1) % n] - points[i]).normalize_or_zero();
        if before.dot(after) < 0.5 {
            tris.disc(points[i], km, 8);
        }
    }
}

/// Builds the coast, hatching and graticule again when the zoom has moved far enough.
#[allow(clippy::too_many_arguments)]
pub fn rebuild(
    mut commands: Commands,
    map: Res<MapState>,
    session: Option<Res<Session>>,
    camera: Single<&Projection, With<MapCamera>>,
    old: Query<Entity, With<ZoomLayer>>,
    mut built: ResMut<ZoomBuilt>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let (Some(data), Some(session)) = (&map.data, session) else {
        return;
    };
    let Projection::Orthographic(ortho) = *camera else {
        return;
    };
    let scale = ortho.scale;
    if built.0 > 0.0 && (scale / built.0).ln().abs() < 0.22 {
        return;
    }
    built.0 = scale;
    for entity in &old {
        commands.entity(entity).despawn();
    }
    let scn = session.scenario();
    let mut spawn = |tris: Tris, rgb: Color, z: f32, name: &str| {
        if tris.indices.is_empty() {
            return;
        }
        commands.spawn((
            Mesh2d(meshes.add(tris.into_mesh())),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(rgb))),
            Transform::from_xyz(0.0, 0.0, z),
            ZoomLayer,
            DespawnOnExit(Screen::Playing),
            Name::new(name.to_owned()),
        ));
    };
    // The graticule, over the sea and under the land.
    let mut grid = Tris::default();
    let step = graticule_step(scale);
    for line in graticule(&data.asset.projection, data.asset.bbox, step) {
        grid.polyline(&line.points, false, scale, false);
    }
    spawn(grid, theme::bevy(GRATICULE), -1.0, "Graticule");
    // Disputed land hatched in the claimant's colour.
    for (f, feature) in data.asset.features.iter().enumerate() {
        let Some(region) = data.feature_region[f].map(|r| scn.region(r)) else {
            continue;
        };
        let Some(claimant) = region.claimed_by.first() else {
            continue;
        };
        let mut tris = Tris::default();
        for (a, b) in hatch(&ring_vec(&feature.ring), 6.0 * scale) {
            tris.segment(a, b, 1.6 * scale);
        }
        let color = theme::bevy(theme::tint(scn.actor(*claimant).color, 0.1));
        spawn(tris, color, 0.2, "Hatching of disputed land");
    }
    // The coastline.
    let mut coast = Tris::default();
    for feature in &data.asset.features {
        coast.polyline(&ring_vec(&feature.ring), true, 1.3 * scale, false);
    }
    spawn(coast, theme::bevy(theme::COASTLINE), 0.4, "Coastline");
}

/// The graticule's colour: a little lighter than the coastal sea.
pub const GRATICULE: [u8; 3] = [52, 92, 126];
