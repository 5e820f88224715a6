//! Things drawn over the map: region labels, the hover card, the hand-over screen, the AI's
//! thinking, the pause menu, help and notices.

use bevy_egui::egui;
use demarche_sim::Side;

use super::{UiState, UiWorld, shortcuts};
use crate::session::{Intent, Session};
use crate::theme;

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

/// Two players: everything hidden until the next player has the device.
pub fn handover(root: &mut egui::Ui, session: &Session, side: Side, out: &mut Vec<Intent>) {
    let scn = session.scenario();
    let actor = scn.actor(scn.actor_of(side));
    let rect = root.max_rect();
    root.painter()
        .rect_filled(rect, 0.0, egui::Color32::from_rgb(12, 16, 22));
    let mut ui = root.new_child(egui::UiBuilder::new().max_rect(rect.shrink(rect.width() * 0.25)));
    ui.vertical_centered(|ui| {
        ui.add_space(rect.height() * 0.2);
        ui.label(
            egui::RichText::new(format!("Pass the device to {}", actor.name))
                .size(32.0)
                .strong()
                .color(theme::egui(actor.color)),
        );
        ui.add_space(10.0);
        let other = scn.actor(scn.actor_of(side.other()));
        let text = if session.ready[side.other().index()] {
            format!(
                "{} has given its orders; they stay hidden until the turn resolves.",
                other.name
            )
        } else {
            format!("{} plays first this turn.", actor.name)
        };
        ui.label(egui::RichText::new(text).size(18.0));
        ui.add_space(16.0);
        if ui
            .add(egui::Button::new(
                egui::RichText::new(format!("I play {}: continue", actor.name)).size(20.0),
            ))
            .on_hover_text("Enter")
            .clicked()
        {
            out.push(Intent::HandoverDone);
        }
    });
}

/// The AI is deciding.
pub fn thinking(ctx: &egui::Context, session: &Session) {
    let scn = session.scenario();
    let names: Vec<&str> = Side::BOTH
        .iter()
        .filter(|s| !session.is_human(**s) && !session.ready[s.index()])
        .map(|s| scn.actor(scn.actor_of(*s)).name.as_str())
        .collect();
    egui::Window::new("thinking")
        .title_bar(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(if names.is_empty() {
                    "Resolving the turn…".to_owned()
                } else {
                    format!("{} deciding…", names.join(" and "))
                });
            });
        });
}

/// The playback of the turn, with a way to skip it.
pub fn playback_hint(ctx: &egui::Context, out: &mut Vec<Intent>) {
    egui::Window::new("playback")
        .title_bar(false)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("The turn plays out on the map…");
                if ui.button("Skip").on_hover_text("Space").clicked() {
                    out.push(Intent::SkipPlayback);
                }
            });
        });
}

/// The pause menu: resume, save, load, quit.
pub fn pause(ctx: &egui::Context, state: &mut UiState, out: &mut Vec<Intent>) {
    egui::Window::new("Paused")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            if ui.button("Resume").on_hover_text("Esc").clicked() {
                out.push(Intent::TogglePause);
            }
            if ui
                .button("Save")
                .on_hover_text("A new save in the saves folder (Ctrl+S); earlier saves are kept.")
                .clicked()
            {
                out.push(Intent::Save(None));
            }
            if ui
                .button("Export the debrief")
                .on_hover_text("The timeline so far (Markdown) and the indicators per turn (CSV), in the saves folder.")
                .clicked()
            {
                out.push(Intent::ExportDebrief);
            }
            ui.separator();
            ui.label("Load");
            super::menu::load_list(ui, state, out);
            ui.separator();
            if ui
                .button("Quit to the menu")
                .on_hover_text("The autosave of the last turn stays in the saves folder.")
                .clicked()
            {
                out.push(Intent::QuitToMenu);
            }
            if ui
                .button("Exit Démarche")
                .on_hover_text("The autosave of the last turn stays in the saves folder.")
                .clicked()
            {
                out.push(Intent::Exit);
            }
        });
}

/// The keyboard shortcuts.
pub fn help(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("keys")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (key, what) in shortcuts::HELP {
                        ui.label(egui::RichText::new(key).strong());
                        ui.label(what);
                        ui.end_row();
                    }
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

/// Recent notices in the corner.
pub fn notices(ctx: &egui::Context, world: &UiWorld) {
    if world.notices.items.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::new("notices"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                for (text, _) in &world.notices.items {
                    ui.label(text);
                }
            });
        });
}
