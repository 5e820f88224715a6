//! The map's layers under the markers: the sea shaded by distance from the coast (three bands,
//! lighter near the shore, over the deep-sea clear colour), the graticule, and, over the land,
//! the hatching of disputed land and the coastline. The sea bands are built once per map; the
//! strokes whose width is given in pixels (coast, hatching, graticule) are built again only when
//! the zoom has changed by a quarter, never per frame.

use bevy::prelude::*;

use super::geo::{Strokes, Tris, graticule, graticule_step, hatch, ring_vec, signed_area2};
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
    // One mesh, the band nearest the coast first and raised above the wider ones: the depth
    // test then rejects the wider bands' pixels under it before they are shaded (three
    // overlapping meshes shaded those pixels three times on the software renderer).
    let mut positions: Vec<[f32; 3]> = Vec::new();
    let mut colors: Vec<[f32; 4]> = Vec::new();
    let mut indices: Vec<u32> = Vec::new();
    for (k, (km, rgb)) in SEA_BANDS.iter().enumerate().rev() {
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
        let base = positions.len() as u32;
        let colour = theme::bevy(*rgb).to_linear().to_f32_array();
        positions.extend(tris.positions.iter().map(|p| [p[0], p[1], k as f32 * 0.5]));
        colors.extend(std::iter::repeat_n(colour, tris.positions.len()));
        indices.extend(tris.indices.iter().map(|i| base + i));
    }
    let mesh = Mesh::new(
        bevy::mesh::PrimitiveTopology::TriangleList,
        bevy::asset::RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, colors)
    .with_inserted_indices(bevy::mesh::Indices::U32(indices));
    commands.spawn((
        Mesh2d(meshes.add(mesh)),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(Color::WHITE))),
        Transform::from_xyz(0.0, 0.0, -3.0),
        DespawnOnExit(Screen::Playing),
        Name::new("Sea shaded by distance from the coast"),
    ));
}

/// A coastal band `km` wide around a ring (simplified to half the band's width), on the sea side
/// only (the land is drawn over the other side, so shading it was wasted): a quad per side, and a
/// rounded join only where the coast turns sharply (a disc at every point multiplied the software
/// renderer's overdraw: 250 ms a frame at 720p).
fn band(tris: &mut Tris, points: &[Vec2], km: f32) {
    let n = points.len();
    if n < 2 {
        return;
    }
    // Outward is the right of the direction of travel on a counter-clockwise ring.
    let outward = if signed_area2(points) >= 0.0 {
        -1.0
    } else {
        1.0
    };
    for i in 0..n {
        let (a, b) = (points[i], points[(i + 1) % n]);
        let dir = (b - a).normalize_or_zero();
        if dir == Vec2::ZERO {
            continue;
        }
        let out = dir.perp() * (outward * km);
        tris.tri(a, b, b + out);
        tris.tri(a, b + out, a + out);
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
    let mut spawn = |mesh: Mesh, material: ColorMaterial, z: f32, name: &str| {
        commands.spawn((
            Mesh2d(meshes.add(mesh)),
            MeshMaterial2d(materials.add(material)),
            Transform::from_xyz(0.0, 0.0, z),
            ZoomLayer,
            DespawnOnExit(Screen::Playing),
            Name::new(name.to_owned()),
        ));
    };
    // The graticule, over the sea and under the land: thin and faint, so drawn hard-edged
    // (blending soft edges over the whole map costs the software renderer more than it shows).
    let mut grid = Tris::default();
    let step = graticule_step(scale);
    for line in graticule(&data.asset.projection, data.asset.bbox, step) {
        grid.polyline(&line.points, false, scale, false);
    }
    if !grid.indices.is_empty() {
        let material = ColorMaterial::from_color(theme::bevy(GRATICULE));
        spawn(grid.into_mesh(), material, -1.0, "Graticule");
    }
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
        if !tris.indices.is_empty() {
            let color = theme::bevy(theme::tint(scn.actor(*claimant).color, 0.1));
            let material = ColorMaterial::from_color(color);
            spawn(tris.into_mesh(), material, 0.2, "Hatching of disputed land");
        }
    }
    // The coastline, with soft edges (a one-pixel ramp blended over land and sea): the edge
    // between land and sea looks smooth even where the renderer does no multisampling.
    let mut coast = Strokes::default();
    for feature in &data.asset.features {
        coast.polyline(&ring_vec(&feature.ring), true, 1.6 * scale, scale);
    }
    if !coast.indices.is_empty() {
        let material = ColorMaterial {
            color: theme::bevy(theme::COASTLINE),
            alpha_mode: bevy::sprite_render::AlphaMode2d::Blend,
            ..default()
        };
        spawn(coast.into_mesh(), material, 0.4, "Coastline");
    }
}

/// The graticule's colour: a little lighter than the coastal sea.
pub const GRATICULE: [u8; 3] = [52, 92, 126];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every triangle of a coastal band lies on the sea side of the ring, whichever way the ring
    /// turns (the land over the other side would hide it anyway).
    #[test]
    fn a_coastal_band_lies_on_the_sea_side_only() {
        let square = vec![
            Vec2::ZERO,
            Vec2::new(100.0, 0.0),
            Vec2::new(100.0, 100.0),
            Vec2::new(0.0, 100.0),
        ];
        let mut reversed = square.clone();
        reversed.reverse();
        for ring in [square, reversed] {
            let mut tris = Tris::default();
            band(&mut tris, &ring, 10.0);
            assert!(!tris.indices.is_empty());
            for tri in tris.indices.chunks(3) {
                let centre = tri
                    .iter()
                    .map(|&k| {
                        Vec2::new(tris.positions[k as usize][0], tris.positions[k as usize][1])
                    })
                    .sum::<Vec2>()
                    / 3.0;
                let inside = centre.x > 1.0 && centre.x < 99.0 && centre.y > 1.0 && centre.y < 99.0;
                // The joins at the corners are whole discs; only the sides' quads are checked.
                let near_corner = ring.iter().any(|c| c.distance(centre) < 10.0);
                assert!(
                    !inside || near_corner,
                    "a band triangle at {centre} is on land"
                );
            }
        }
    }
}
