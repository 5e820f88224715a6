//! Drawn over the map: region labels, the card of the hovered region, and the map's error
//! banner.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::session::{Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{UiState, UiWorld};

/// Labels, the hover card and the map's error banner, while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::OverMap)
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show(mut canvas: Canvas, state: Res<UiState>, world: UiWorld) {
    let (Some((ctx, root, _)), Some(session)) = (canvas.parts(), world.session.as_deref()) else {
        return;
    };
    let ctx = &ctx;
    map_labels(ctx, root, session, &world);
    hover_card(ctx, session, &world, state.free);
    if let Some(error) = &world.map.error {
        banner(ctx, error);
    }
}

/// Region names at their anchors (and force names when zoomed in).
pub fn map_labels(ctx: &egui::Context, root: &egui::Ui, session: &Session, world: &UiWorld) {
    let (Some(data), Ok((camera, transform))) = (&world.map.data, world.camera.single()) else {
        return;
    };
    let scn = session.scenario();
    let zoom = ctx.zoom_factor();
    let free = root.available_rect_before_wrap();
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(free);
    for shape in &data.regions {
        let Ok(p) = camera.world_to_viewport(transform, shape.anchor.extend(0.0)) else {
            continue;
        };
        let pos = egui::pos2(p.x / zoom, p.y / zoom) + egui::vec2(0.0, 14.0);
        let region = scn.region(shape.id);
        let water = matches!(
            region.kind,
            demarche_sim::scenario::RegionKind::Sea | demarche_sim::scenario::RegionKind::Strait
        );
        let color = if region.is_disputed() {
            theme::ACCENT
        } else if water {
            egui::Color32::from_rgb(140, 180, 210)
        } else {
            egui::Color32::from_rgb(225, 232, 238)
        };
        let size = match region.kind {
            demarche_sim::scenario::RegionKind::Sea => 15.0,
            demarche_sim::scenario::RegionKind::Strait => 11.5,
            _ => 13.0,
        };
        painter.text(
            pos + egui::vec2(1.0, 1.0),
            egui::Align2::CENTER_TOP,
            region.name(),
            egui::FontId::proportional(size),
            egui::Color32::BLACK,
        );
        painter.text(
            pos,
            egui::Align2::CENTER_TOP,
            region.name(),
            egui::FontId::proportional(size),
            color,
        );
    }
}

/// The card of the hovered (or selected) region.
pub fn hover_card(
    ctx: &egui::Context,
    session: &Session,
    world: &UiWorld,
    free: Option<egui::Rect>,
) {
    let Some(region_id) = world.selection.hovered.or(world.selection.selected) else {
        return;
    };
    let scn = session.scenario();
    let region = scn.region(region_id);
    let view = session.game.view();
    let zoom = ctx.zoom_factor();
    let anchor = world
        .map
        .data
        .as_ref()
        .zip(world.camera.single().ok())
        .and_then(|(data, (camera, transform))| {
            camera
                .world_to_viewport(transform, data.anchor(region_id).extend(0.0))
                .ok()
        })
        .map(|p| egui::pos2(p.x / zoom + 24.0, p.y / zoom + 24.0));
    let mut at = match (world.selection.hovered, ctx.pointer_hover_pos()) {
        (Some(_), Some(p)) => p + egui::vec2(18.0, 18.0),
        _ => anchor.unwrap_or(egui::pos2(360.0, 80.0)),
    };
    // Keep the card on the map: flip it to the left of the point near the right edge.
    if let Some(free) = free {
        let right = free.max.x;
        if at.x + 350.0 > right {
            at.x = (at.x - 390.0).max(0.0);
        }
    }
    egui::Area::new(egui::Id::new("hover_card"))
        .fixed_pos(at)
        .order(egui::Order::Tooltip)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(340.0);
                ui.label(egui::RichText::new(region.name()).size(17.0).strong());
                for (lang, name) in &region.names {
                    if lang != "en" {
                        ui.label(name);
                    }
                }
                let admin = region.administered_by.map(|a| scn.actor(a).name.clone());
                match (admin, region.claimed_by.is_empty()) {
                    (Some(a), false) => {
                        let claim: Vec<&str> = region
                            .claimed_by
                            .iter()
                            .map(|c| scn.actor(*c).name.as_str())
                            .collect();
                        ui.label(
                            egui::RichText::new(format!(
                                "Administered by {a} · claimed by {}",
                                claim.join(", ")
                            ))
                            .color(theme::ACCENT)
                            .strong(),
                        );
                    }
                    (Some(a), true) => {
                        ui.label(format!("Administered by {a}"));
                    }
                    (None, _) => {
                        ui.label("International waters and straits");
                    }
                }
                let forces: Vec<String> = scn
                    .forces
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| view.mil.forces[*i].at == region_id)
                    .map(|(_, f)| format!("{} ({})", f.name, scn.actor(f.owner).name))
                    .collect();
                if !forces.is_empty() {
                    ui.label(egui::RichText::new("Forces present").strong());
                    for f in forces {
                        ui.label(format!("• {f}"));
                    }
                }
                ui.label(egui::RichText::new(&region.note).small());
            });
        });
}

/// A line across the top for a problem the player should know about.
pub fn banner(ctx: &egui::Context, text: &str) {
    egui::Area::new(egui::Id::new("banner"))
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.colored_label(theme::BAD, text);
            });
        });
}
