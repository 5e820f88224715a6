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

/// Start-up: the one camera of the app (egui attaches to it, so it is never despawned).
pub fn spawn(mut commands: Commands) {
    commands.spawn((Camera2d, MapCamera, Name::new("Map camera")));
}

/// Frames the whole map in the area the panels leave free, once they are laid out.
pub fn frame(
    map: Res<MapState>,
    ui: Res<UiPointer>,
    mut pending: ResMut<super::FramePending>,
    window: Single<&Window, With<PrimaryWindow>>,
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
    let window_centre = Vec2::new(window.width(), window.height()) / 2.0;
    let shift = ((min + max) / 2.0 - window_centre) * ortho.scale;
    transform.translation.x = centre.x - shift.x;
    transform.translation.y = centre.y + shift.y;
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
        .and_then(|p| camera.viewport_to_world_2d(transform, p).ok());
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
