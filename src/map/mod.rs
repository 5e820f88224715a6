//! The map: real coastlines from the scenario's map asset (stroked, over a sea shaded by
//! distance from the coast, with a graticule), land tinted by administrator and disputed land
//! hatched, the scenario's regions (hover and select), force icons where the simulation puts
//! them, and the turn's moves and incidents. Labels, the scale bar and the legend are drawn over
//! it by `ui::panels::map_overlay`, with the placement of [`labels`].

pub mod camera;
pub mod data;
pub mod geo;
pub mod icons;
pub mod labels;
pub mod land;
pub mod layers;
pub mod markers;
pub mod overlays;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use demarche_sim::RegionId;

use crate::session::{Screen, Session};
pub use data::MapData;

/// The loaded map, or why it could not be loaded.
#[derive(Resource, Default)]
pub struct MapState {
    /// The map for the current session's scenario.
    pub data: Option<MapData>,
    /// The scenario id it was built for.
    pub scenario: Option<String>,
    /// Why the map is missing.
    pub error: Option<String>,
}

/// The region under the cursor and the selected one.
#[derive(Resource, Default, Clone, Copy, Debug, PartialEq)]
pub struct MapSelection {
    /// Under the cursor.
    pub hovered: Option<RegionId>,
    /// Clicked.
    pub selected: Option<RegionId>,
    /// The cursor in map coordinates (km).
    pub cursor: Option<Vec2>,
}

/// Whether the pointer is over a panel or window, and the part of the window the panels leave
/// free for the map (set by the UI each frame).
#[derive(Resource, Default, Clone, Copy, Debug)]
pub struct UiPointer {
    /// The pointer is over egui.
    pub over_ui: bool,
    /// The free area in logical pixels: min corner and max corner.
    pub free: Option<(Vec2, Vec2)>,
}

/// Frames to wait before framing the map, so the panels have settled (0: nothing to do).
#[derive(Resource, Default, Clone, Copy, Debug)]
pub struct FramePending(pub u8);

/// Set while taking a screenshot: the pointer (wherever Xvfb left it) hovers nothing.
#[derive(Resource, Default, Clone, Copy, Debug)]
pub struct IgnorePointer;

/// The camera that shows the map.
#[derive(Component)]
pub struct MapCamera;

/// Drawing the map: meshes, markers, gizmos, camera.
pub struct MapPlugin;

impl Plugin for MapPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<MapState>()
            .init_resource::<MapSelection>()
            .init_resource::<UiPointer>()
            .init_resource::<FramePending>()
            .init_resource::<layers::ZoomBuilt>()
            .add_systems(Startup, (overlays::configure_gizmos, camera::choose_msaa))
            .add_systems(
                PreStartup,
                camera::spawn.before(bevy_egui::EguiStartupSet::InitContexts),
            )
            .add_systems(
                OnEnter(Screen::Playing),
                (
                    load_map,
                    land::spawn,
                    layers::spawn_sea,
                    markers::spawn,
                    |mut f: ResMut<FramePending>| f.0 = 4,
                )
                    .chain(),
            )
            .add_systems(
                Update,
                (
                    camera::fit_viewport,
                    camera::frame,
                    camera::controls,
                    camera::hover_and_select,
                    layers::rebuild,
                    markers::place,
                    overlays::draw,
                )
                    .chain()
                    .run_if(in_state(Screen::Playing)),
            );
    }
}

/// The map asset file of a scenario: `<map>.map.ron` in the scenario's own folder if it ships
/// one, else in the shared maps, `<assets>/maps/` first (the lookup `demarche validate` and the
/// classroom share: [`demarche_map::find_map_file`]). When there is none, the path under
/// `<assets>/maps/`, whose loading then says so.
pub fn map_file(scenario_dir: &Path, map: &str) -> PathBuf {
    let assets = crate::paths::find_dir("assets").join("maps");
    let mut shared = vec![assets.clone()];
    shared.extend(demarche_map::shared_map_dirs(scenario_dir));
    demarche_map::find_map_file(scenario_dir, map, &shared)
        .unwrap_or_else(|_| assets.join(demarche_map::lookup::map_file_name(map)))
}

/// Loads the map of the session's scenario (once per scenario).
pub fn load_map(session: Option<Res<Session>>, mut map: ResMut<MapState>) {
    let Some(session) = session else { return };
    let scn = session.scenario();
    if map.scenario.as_deref() == Some(scn.meta.id.as_str()) && map.data.is_some() {
        return;
    }
    let path = map_file(&session.scenario_dir, &scn.meta.map);
    match demarche_map::MapAsset::load(&path) {
        Ok(asset) => {
            map.data = Some(MapData::build(asset, scn));
            map.error = None;
        }
        Err(e) => {
            map.data = None;
            map.error = Some(format!("The map could not be loaded: {e}"));
        }
    }
    map.scenario = Some(scn.meta.id.clone());
}
