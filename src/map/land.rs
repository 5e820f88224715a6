//! Land: one mesh per feature of the map asset, tinted with the colour of the actor that
//! administers its region (the feature's own country where no region names it).

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use super::MapState;
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

/// Spawns the land meshes for the session's map.
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
}
