//! The problems of a scenario saved while the menu or a briefing is shown: every located
//! problem (file, line, column, the line itself, a did-you-mean), in a window over the screen,
//! while the last good version of the scenario stays in use.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::session::{Catalog, Screen};
use crate::theme;
use crate::ui::UiWorld;
use crate::ui::pass::{Canvas, UiPass};

/// The window, on the menu and the briefing, over the screen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.after(UiPass::Screen)
            .before(UiPass::TopBar)
            .run_if(in_state(Screen::Menu).or_else(in_state(Screen::Briefing))),
    );
}

fn show(mut canvas: Canvas, world: UiWorld) {
    let Some((ctx, _, _)) = canvas.parts() else {
        return;
    };
    draw(&ctx, &world.catalog);
}

/// The window's title.
pub const TITLE: &str = "Problems in the saved scenario files";

/// The window listing each broken folder's problems; nothing when there are none.
pub fn draw(ctx: &egui::Context, catalog: &Catalog) {
    let broken: Vec<_> = catalog
        .entries
        .iter()
        .filter_map(|e| e.problems.as_ref().map(|p| (e, p)))
        .collect();
    if broken.is_empty() {
        return;
    }
    egui::Window::new(TITLE)
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 12.0))
        .default_width(640.0)
        .collapsible(true)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| {
                    for (entry, problems) in broken {
                        let kept = match &entry.loaded {
                            Ok(scn) => format!(
                                "{}: the last good version of {} is kept.",
                                entry.dir.display(),
                                scn.meta.title
                            ),
                            Err(_) => format!("{}: no good version to keep.", entry.dir.display()),
                        };
                        ui.colored_label(theme::BAD, kept);
                        ui.label(egui::RichText::new(problems).monospace().size(12.0));
                        ui.separator();
                    }
                    ui.label(
                        egui::RichText::new("Fix the file and save it: it is read again at once.")
                            .color(theme::MUTED),
                    );
                });
        });
}
