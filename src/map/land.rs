//! Land: one mesh per feature of the map asset, tinted with the colour of the actor that
//! administers its region (the feature's own country where no region names it), and over it one
//! mesh per region drawn by its outline on the land: a lake in the colour of water, a land
//! sector, a pass or a plateau in its administrator's colour.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use demarche_sim::scenario::RegionKind;

use super::MapState;
use super::data::ring_area;
use crate::session::{Screen, Session};
use crate::theme;

/// A land feature's mesh.
#[derive(Component)]
pub struct Land {
    /// Index of the feature in the map asset.
    pub feature: usize,
}

/// The land colour of a country: its actor's colour, lightened; grey for others.
pub fn land_color(session: &Session, country: &str) -> [u8; 3] {
    session
        .scenario()
        .actors
        .iter()
        .find(|a| a.key == country)
        .map_or(theme::LAND_OTHER, |a| theme::tint(a.color, 0.45))
}

/// The colour of a lake: the shallow sea's (`layers::SEA_BANDS`' nearest band).
pub const LAKE: [u8; 3] = [35, 76, 110];

/// A region drawn by its outline on the land.
#[derive(Component)]
pub struct OutlinedLand {
    /// The region.
    pub region: demarche_sim::RegionId,
}

/// Spawns the land meshes for the session's map, then the regions outlined on the land.
pub fn spawn(
    mut commands: Commands,
    map: Res<MapState>,
    session: Option<Res<Session>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let (Some(data), Some(session)) = (&map.data, session) else {
        return;
    };
    for (i, feature) in data.asset.features.iter().enumerate() {
        let positions: Vec<[f32; 3]> = feature.ring.iter().map(|p| [p[0], p[1], 0.0]).collect();
        let indices: Vec<u32> = feature.triangles.iter().flatten().copied().collect();
        let mesh = Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
        .with_inserted_indices(Indices::U32(indices));
        let admin = data.feature_region[i]
            .and_then(|r| session.scenario().region(r).administered_by)
            .map(|a| session.scenario().actor(a).key.clone());
        let country = admin.as_deref().unwrap_or(&feature.country);
        let color = theme::bevy(land_color(&session, country));
        commands.spawn((
            Mesh2d(meshes.add(mesh)),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(color))),
            Transform::from_xyz(0.0, 0.0, 0.0),
            Land { feature: i },
            DespawnOnExit(Screen::Playing),
            Name::new(feature.name.clone()),
        ));
    }
    let scn = session.scenario();
    // The largest first, each a little above the one before: a lake in a sector shows.
    let mut outlined: Vec<&super::data::RegionShape> = data
        .regions
        .iter()
        .filter(|shape| scn.region(shape.id).kind.on_land() && shape.outline.len() >= 3)
        .collect();
    outlined.sort_by(|a, b| ring_area(&b.outline).total_cmp(&ring_area(&a.outline)));
    let step = 0.09 / outlined.len().max(1) as f32;
    for (rank, shape) in outlined.into_iter().enumerate() {
        let region = scn.region(shape.id);
        let mut ring: Vec<[f64; 2]> = shape
            .outline
            .iter()
            .map(|p| [f64::from(p[0]), f64::from(p[1])])
            .collect();
        if demarche_map::geometry::signed_area2(&ring) < 0.0 {
            ring.reverse();
        }
        let indices: Vec<u32> = demarche_map::geometry::triangulate(&ring)
            .into_iter()
            .flatten()
            .collect();
        let positions: Vec<[f32; 3]> = ring
            .iter()
            .map(|p| [p[0] as f32, p[1] as f32, 0.0])
            .collect();
        let mesh = Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
        .with_inserted_indices(Indices::U32(indices));
        let rgb = if region.kind == RegionKind::Lake {
            LAKE
        } else {
            let admin = region.administered_by.map(|a| scn.actor(a).key.as_str());
            land_color(&session, admin.unwrap_or(""))
        };
        commands.spawn((
            Mesh2d(meshes.add(mesh)),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(theme::bevy(rgb)))),
            // Over the land, under the hatching (0.2) and the coastline.
            Transform::from_xyz(0.0, 0.0, 0.1 + step * rank as f32),
            OutlinedLand { region: shape.id },
            DespawnOnExit(Screen::Playing),
            Name::new(region.key.clone()),
        ));
    }
}
