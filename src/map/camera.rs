//! The map camera: pan with the mouse or the keyboard, zoom toward the cursor, within limits;
//! hover and select regions.

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::{MapCamera, MapSelection, MapState, UiPointer};

use crate::session::Session;

/// Closest zoom (km per pixel).
pub const MIN_SCALE: f32 = 0.12;
/// Farthest zoom (km per pixel).
pub const MAX_SCALE: f32 = 2.5;

/// Start-up: the app's two cameras, never despawned. The map camera draws the map only in the
/// part of the window the panels leave free (its viewport follows [`UiPointer::free`]), so the
/// renderer shades no map under a panel; the UI camera, drawn after it with nothing of its own
/// to show, carries egui over the whole window.
pub fn spawn(mut commands: Commands, egui: Option<ResMut<bevy_egui::EguiGlobalSettings>>) {
    if let Some(mut egui) = egui {
        egui.auto_create_primary_context = false;
    }
    commands.spawn((
        Camera2d,
        Camera {
            order: 0,
            // The UI camera writes the shared picture to the window once.
            output_mode: bevy::camera::CameraOutputMode::Skip,
            ..default()
        },
        // Flat fills need no dithering, and the software renderer shades each pixel the
        // cheaper for it.
        bevy::core_pipeline::tonemapping::DebandDither::Disabled,
        MapCamera,
        Name::new("Map camera"),
    ));
    commands.spawn((
        Camera2d,
        Camera {
            order: 1,
            clear_color: ClearColorConfig::None,
            ..default()
        },
        bevy::camera::visibility::RenderLayers::none(),
        bevy_egui::PrimaryEguiContext,
        UiCamera,
        Name::new("UI camera"),
    ));
}

/// The camera that carries egui over the whole window.
#[derive(Component)]
pub struct UiCamera;

/// Start-up: multisampling (4x) smooths the map's edges on a graphics card; a software renderer
/// (Mesa's lavapipe, on a machine with no usable GPU) shades every sample on the CPU, which
/// doubled the frame time at 1920x1080, so there the map is drawn without it. `DEMARCHE_MSAA`
/// (`off`, `4`) overrides the choice. Both cameras share one setting, as they share one picture.
pub fn choose_msaa(
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
    mut cameras: Query<&mut bevy::render::view::Msaa, With<Camera>>,
) {
    let software = adapter.is_some_and(|a| a.device_type == wgpu_types::DeviceType::Cpu);
    let msaa = msaa_for(std::env::var("DEMARCHE_MSAA").ok().as_deref(), software);
    for mut m in &mut cameras {
        *m = msaa;
    }
}

/// The multisampling for an override (`DEMARCHE_MSAA`) and the kind of renderer.
pub fn msaa_for(choice: Option<&str>, software: bool) -> bevy::render::view::Msaa {
    use bevy::render::view::Msaa;
    match choice.map(str::trim) {
        Some("off" | "0" | "1") => Msaa::Off,
        Some("4") => Msaa::Sample4,
        _ if software => Msaa::Off,
        _ => Msaa::Sample4,
    }
}

/// Keeps the map camera's viewport on the free part of the window (physical pixels).
pub fn fit_viewport(
    ui: Res<UiPointer>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<&mut Camera, With<MapCamera>>,
) {
    let viewport = ui.free.and_then(|(min, max)| {
        viewport_for(min, max, window.scale_factor(), window.physical_size())
    });
    let key = |v: &Option<bevy::camera::Viewport>| {
        v.as_ref().map(|v| (v.physical_position, v.physical_size))
    };
    if key(&camera.viewport) != key(&viewport) {
        camera.viewport = viewport;
    }
}

/// The viewport (physical pixels) for a free area given in logical pixels, kept inside the
/// window; `None` (the whole window) when the area is empty.
pub fn viewport_for(
    min: Vec2,
    max: Vec2,
    scale: f32,
    window: UVec2,
) -> Option<bevy::camera::Viewport> {
    let lo = (min * scale).round().max(Vec2::ZERO).as_uvec2().min(window);
    let hi = (max * scale).round().max(Vec2::ZERO).as_uvec2().min(window);
    let size = hi.saturating_sub(lo);
    (size.x >= 1 && size.y >= 1).then(|| bevy::camera::Viewport {
        physical_position: lo,
        physical_size: size,
        ..default()
    })
}

/// A point on the map (km) in the window's logical pixels (Bevy's "viewport" coordinates count
/// from the window's corner, wherever the viewport is).
pub fn world_to_window(camera: &Camera, transform: &GlobalTransform, p: Vec2) -> Option<Vec2> {
    camera.world_to_viewport(transform, p.extend(0.0)).ok()
}

/// A point of the window (logical pixels) on the map (km).
pub fn window_to_world(camera: &Camera, transform: &GlobalTransform, p: Vec2) -> Option<Vec2> {
    camera.viewport_to_world_2d(transform, p).ok()
}

/// Frames the whole map in the area the panels leave free, once they are laid out.
pub fn frame(
    map: Res<MapState>,
    ui: Res<UiPointer>,
    mut pending: ResMut<super::FramePending>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
) {
    if pending.0 == 0 {
        return;
    }
    pending.0 -= 1;
    let (Some(data), Some((min, max)), 0) = (&map.data, ui.free, pending.0) else {
        return;
    };
    let (centre, size) = data.extent();
    let (mut transform, mut projection) = camera.into_inner();
    let Projection::Orthographic(ortho) = &mut *projection else {
        return;
    };
    let free = (max - min).max(Vec2::splat(100.0));
    ortho.scale = (size / free).max_element().clamp(MIN_SCALE, MAX_SCALE) * 1.02;
    // The viewport is the free area, so its centre is the camera's.
    transform.translation.x = centre.x;
    transform.translation.y = centre.y;
}

/// Pan (drag, arrows, WASD) and zoom (wheel, +/−), kept over the map.
#[allow(clippy::too_many_arguments)]
pub fn controls(
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    ui: Res<UiPointer>,
    time: Res<Time>,
    map: Res<MapState>,
    selection: Res<MapSelection>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
) {
    let Some(data) = &map.data else { return };
    let (mut transform, mut projection) = camera.into_inner();
    let Projection::Orthographic(ortho) = &mut *projection else {
        return;
    };
    let mut zoom = 0.0;
    if !ui.over_ui {
        zoom += match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => {
                scroll.delta.y / MouseScrollUnit::SCROLL_UNIT_CONVERSION_FACTOR
            }
        };
        if buttons.pressed(MouseButton::Left)
            || buttons.pressed(MouseButton::Right)
            || buttons.pressed(MouseButton::Middle)
        {
            transform.translation.x -= motion.delta.x * ortho.scale;
            transform.translation.y += motion.delta.y * ortho.scale;
        }
    }
    let dt = time.delta_secs();
    if keys.pressed(KeyCode::Equal) || keys.pressed(KeyCode::NumpadAdd) {
        zoom += 3.0 * dt;
    }
    if keys.pressed(KeyCode::Minus) || keys.pressed(KeyCode::NumpadSubtract) {
        zoom -= 3.0 * dt;
    }
    if zoom != 0.0 {
        let before = ortho.scale;
        ortho.scale =
            (ortho.scale * (1.0 - 0.12 * zoom).clamp(0.5, 1.5)).clamp(MIN_SCALE, MAX_SCALE);
        // Zoom toward the cursor so the place under it stays put.
        if let Some(cursor) = selection.cursor {
            let pivot = cursor.extend(transform.translation.z);
            transform.translation =
                pivot + (transform.translation - pivot) * (ortho.scale / before);
        }
    }
    let mut pan = Vec2::ZERO;
    if keys.pressed(KeyCode::ArrowLeft) || keys.pressed(KeyCode::KeyA) {
        pan.x -= 1.0;
    }
    if keys.pressed(KeyCode::ArrowRight) || keys.pressed(KeyCode::KeyD) {
        pan.x += 1.0;
    }
    if keys.pressed(KeyCode::ArrowUp) || keys.pressed(KeyCode::KeyW) {
        pan.y += 1.0;
    }
    if keys.pressed(KeyCode::ArrowDown) || keys.pressed(KeyCode::KeyS) {
        pan.y -= 1.0;
    }
    transform.translation += (pan * 500.0 * ortho.scale * dt).extend(0.0);
    let (centre, size) = data.extent();
    let half = size * 0.6;
    transform.translation.x = transform
        .translation
        .x
        .clamp(centre.x - half.x, centre.x + half.x);
    transform.translation.y = transform
        .translation
        .y
        .clamp(centre.y - half.y, centre.y + half.y);
}

/// The region under the cursor; a click selects it (a second click clears the selection).
#[allow(clippy::too_many_arguments)]
pub fn hover_and_select(
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    ui: Res<UiPointer>,
    map: Res<MapState>,
    session: Option<Res<Session>>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&Camera, &GlobalTransform), With<MapCamera>>,
    mut selection: ResMut<MapSelection>,
    mut dragged: Local<f32>,
    ignore: Option<Res<super::IgnorePointer>>,
) {
    let (Some(data), Some(session)) = (&map.data, session) else {
        return;
    };
    let (camera, transform) = *camera;
    selection.cursor = window
        .cursor_position()
        .and_then(|p| window_to_world(camera, transform, p));
    selection.hovered = match (selection.cursor, ui.over_ui, ignore.is_some()) {
        (Some(point), false, false) => data.hit(session.scenario(), point),
        _ => None,
    };
    if buttons.just_pressed(MouseButton::Left) {
        *dragged = 0.0;
    }
    if buttons.pressed(MouseButton::Left) {
        *dragged += motion.delta.length();
    }
    if buttons.just_released(MouseButton::Left) && *dragged < 4.0 && !ui.over_ui {
        selection.selected = if selection.selected == selection.hovered {
            None
        } else {
            selection.hovered
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::render::view::Msaa;

    #[test]
    fn the_viewport_is_the_free_area_in_physical_pixels_inside_the_window() {
        let v = viewport_for(
            Vec2::new(300.0, 80.0),
            Vec2::new(1500.0, 1080.0),
            1.5,
            UVec2::new(2880, 1620),
        )
        .expect("a free area");
        assert_eq!(v.physical_position, UVec2::new(450, 120));
        assert_eq!(v.physical_size, UVec2::new(1800, 1500));
        // Past the window's edge: clipped to it.
        let v = viewport_for(
            Vec2::new(-10.0, 0.0),
            Vec2::new(5000.0, 50.0),
            1.0,
            UVec2::new(800, 600),
        )
        .expect("a free area");
        assert_eq!(v.physical_position, UVec2::ZERO);
        assert_eq!(v.physical_size, UVec2::new(800, 50));
        // Nothing free: the whole window.
        assert!(
            viewport_for(
                Vec2::splat(10.0),
                Vec2::splat(10.0),
                1.0,
                UVec2::new(800, 600)
            )
            .is_none()
        );
    }

    #[test]
    fn multisampling_is_off_on_a_software_renderer_unless_asked_for() {
        assert_eq!(msaa_for(None, true), Msaa::Off);
        assert_eq!(msaa_for(None, false), Msaa::Sample4);
        assert_eq!(msaa_for(Some("4"), true), Msaa::Sample4);
        assert_eq!(msaa_for(Some("off"), false), Msaa::Off);
        assert_eq!(msaa_for(Some("nonsense"), false), Msaa::Sample4);
    }
}
