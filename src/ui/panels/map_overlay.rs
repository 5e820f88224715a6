//! Drawn over the map: the region names and the last turn's order names placed without overlap
//! (see [`crate::map::labels`]) with halos, the graticule's degrees along the map's edges, the
//! scale bar, the legend, the last turn's incidents where they happened, the card of the
//! hovered region, and the map's error banner.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::report::{ReportEvent, TurnReport};
use demarche_sim::scenario::Scenario;

use crate::map::geo::{GraticuleLine, degree_label, graticule, graticule_step, scale_bar};
use crate::map::icons::{KINDS, kind_name, pictogram};
use crate::map::labels::{self, HALO, LabelKind};
use crate::map::{FramePending, markers};
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
    )
    .add_systems(Update, reframe_when_panels_fold);
}

/// Frames the map again when the panels fold away or come back.
fn reframe_when_panels_fold(
    state: Res<UiState>,
    pending: Option<ResMut<FramePending>>,
    mut was: Local<bool>,
) {
    if state.map_only != *was {
        *was = state.map_only;
        if let Some(mut pending) = pending {
            pending.0 = 3;
        }
    }
}

/// The graticule last computed: its step and lines (again only when the step changes).
#[derive(Default)]
struct GraticuleCache(Option<(f64, Vec<GraticuleLine>)>);

fn show(mut canvas: Canvas, state: Res<UiState>, world: UiWorld, mut cache: Local<GraticuleCache>) {
    let (Some((ctx, root, _)), Some(session)) = (canvas.parts(), world.session.as_deref()) else {
        return;
    };
    let ctx = &ctx;
    let free = root.available_rect_before_wrap();
    let legend = legend(ctx, session, free);
    map_overlay(ctx, root, session, &world, legend, &mut cache);
    hover_card(ctx, session, &world, state.free);
    if let Some(error) = &world.map.error {
        banner(ctx, error);
    }
}

/// The last turn's events that happened somewhere on the map: incidents and other militarized
/// acts.
pub fn incidents(report: &TurnReport) -> impl Iterator<Item = &ReportEvent> {
    report
        .events
        .iter()
        .filter(|e| !e.regions.is_empty() && (e.mid.is_some() || e.kind.key() == "event.incident"))
}

/// A text with a dark halo around it (the text's galley drawn eight times around, then over).
fn halo_text(
    painter: &egui::Painter,
    pos: egui::Pos2,
    galley: std::sync::Arc<egui::Galley>,
    color: egui::Color32,
) {
    let shade = egui::Color32::from_rgba_unmultiplied(6, 14, 22, 220);
    for (dx, dy) in [
        (-1.0, -1.0),
        (0.0, -1.0),
        (1.0, -1.0),
        (-1.0, 0.0),
        (1.0, 0.0),
        (-1.0, 1.0),
        (0.0, 1.0),
        (1.0, 1.0),
    ] {
        painter.galley_with_override_text_color(
            pos + egui::vec2(dx, dy) * 1.5,
            galley.clone(),
            shade,
        );
    }
    painter.galley_with_override_text_color(pos, galley, color);
}

/// Everything drawn over the map but the hover card: graticule degrees, the scale bar, the
/// incidents and the placed labels.
fn map_overlay(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    session: &Session,
    world: &UiWorld,
    legend: Option<egui::Rect>,
    cache: &mut GraticuleCache,
) {
    let (Some(data), Ok((camera, transform))) = (&world.map.data, world.camera.single()) else {
        return;
    };
    let scn = session.scenario();
    let zoom = ctx.zoom_factor();
    let free = root.available_rect_before_wrap();
    let painter = ctx
        .layer_painter(egui::LayerId::background())
        .with_clip_rect(free);
    let to_screen = |p: Vec2| {
        crate::map::camera::world_to_window(camera, transform, p)
            .map(|v| egui::pos2(v.x / zoom, v.y / zoom))
    };
    let (centre, _) = data.extent();
    let km_per_pt = match (to_screen(centre), to_screen(centre + Vec2::new(100.0, 0.0))) {
        (Some(a), Some(b)) if (b.x - a.x).abs() > 1e-3 => 100.0 / (b.x - a.x).abs(),
        _ => return,
    };
    let mut obstacles: Vec<egui::Rect> = legend.into_iter().collect();
    // The scale bar, bottom left.
    let (km, length) = scale_bar(km_per_pt, 150.0);
    let base = free.left_bottom() + egui::vec2(14.0, -16.0);
    let bar = egui::Rect::from_min_max(
        base + egui::vec2(-6.0, -24.0),
        base + egui::vec2(length + 6.0, 8.0),
    );
    painter.rect_filled(
        bar,
        3.0,
        egui::Color32::from_rgba_unmultiplied(6, 14, 22, 170),
    );
    for k in 0..4 {
        let x0 = base.x + length * k as f32 / 4.0;
        let fill = if k % 2 == 0 {
            egui::Color32::WHITE
        } else {
            egui::Color32::from_gray(40)
        };
        painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x0, base.y - 3.0),
                egui::pos2(x0 + length / 4.0, base.y + 3.0),
            ),
            0.0,
            fill,
        );
    }
    painter.rect_stroke(
        egui::Rect::from_min_max(base - egui::vec2(0.0, 3.0), base + egui::vec2(length, 3.0)),
        0.0,
        egui::Stroke::new(1.0, egui::Color32::WHITE),
        egui::StrokeKind::Outside,
    );
    painter.text(
        base + egui::vec2(0.0, -6.0),
        egui::Align2::LEFT_BOTTOM,
        format!("{km:.0} km"),
        egui::FontId::proportional(12.0),
        egui::Color32::WHITE,
    );
    obstacles.push(bar);
    // The graticule's degrees, meridians along the top edge and parallels along the left.
    let step = graticule_step(km_per_pt / zoom);
    if cache.0.as_ref().is_none_or(|(s, _)| *s != step) {
        cache.0 = Some((
            step,
            graticule(&data.asset.projection, data.asset.bbox, step),
        ));
    }
    let font = egui::FontId::proportional(11.5);
    let muted = egui::Color32::from_rgb(150, 180, 205);
    for line in cache.0.iter().flat_map(|(_, lines)| lines) {
        let points: Vec<egui::Pos2> = line.points.iter().filter_map(|p| to_screen(*p)).collect();
        let (edge, vertical) = if line.meridian {
            (free.top() + 3.0, true)
        } else {
            (free.left() + 3.0, false)
        };
        let crossing = points.windows(2).find_map(|w| {
            let (a, b) = if vertical {
                (w[0].y - edge, w[1].y - edge)
            } else {
                (w[0].x - edge, w[1].x - edge)
            };
            ((a < 0.0) != (b < 0.0)).then(|| w[0].lerp(w[1], a / (a - b)))
        });
        let Some(at) = crossing else { continue };
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                degree_label(line.degrees, line.meridian),
                font.clone(),
                muted,
            )
        });
        let pos = if vertical {
            egui::pos2(at.x + 3.0, free.top() + 2.0)
        } else {
            egui::pos2(free.left() + 3.0, at.y - galley.size().y - 1.0)
        };
        let rect = egui::Rect::from_min_size(pos, galley.size());
        if !free.contains_rect(rect) || obstacles.iter().any(|o| o.intersects(rect)) {
            continue;
        }
        obstacles.push(rect.expand(2.0));
        halo_text(&painter, pos, galley, muted);
    }
    // The last turn's incidents where they happened.
    let report = session.game.last_report();
    let mut marks: std::collections::BTreeMap<usize, usize> = Default::default();
    let icon = markers::SIZE / zoom;
    for (k, event) in report.into_iter().flat_map(incidents).enumerate() {
        for region in &event.regions {
            let Some(at) = to_screen(data.anchor(*region)) else {
                continue;
            };
            let n = marks.entry(region.index()).or_default();
            let centre = at + egui::vec2(icon + 8.0 + 20.0 * *n as f32, -icon - 8.0);
            *n += 1;
            let rect = egui::Rect::from_center_size(centre, egui::vec2(20.0, 18.0));
            if !free.contains_rect(rect) {
                continue;
            }
            incident_mark(&painter, centre);
            obstacles.push(rect);
            root.interact(
                rect,
                egui::Id::new(("incident", k, region.index())),
                egui::Sense::hover(),
            )
            .on_hover_text(format!("Incident this turn: {}", event.text));
        }
    }
    // The labels.
    let icons = markers::positions(data, session, &world.flow, km_per_pt / zoom);
    let measure = |text: &str, size: f32| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                egui::FontId::proportional(size),
                egui::Color32::WHITE,
            )
        })
        .size()
    };
    let mut scene = labels::scene(data, scn, report, &icons, icon, &to_screen, &measure);
    scene.obstacles.extend(obstacles);
    let placed = labels::layout(&scene.labels, free, &scene.obstacles, &scene.islands);
    for p in placed {
        let (label, kind) = (&scene.labels[p.index], scene.kinds[p.index]);
        let color = label_color(scn, kind);
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                label.text.clone(),
                egui::FontId::proportional(kind.font_size()),
                color,
            )
        });
        halo_text(&painter, p.rect.min + egui::vec2(HALO, HALO), galley, color);
    }
}

/// A label's colour.
fn label_color(scn: &Scenario, kind: LabelKind) -> egui::Color32 {
    match kind {
        LabelKind::Disputed => theme::ACCENT,
        LabelKind::Land => egui::Color32::from_rgb(236, 240, 244),
        LabelKind::Sea => egui::Color32::from_rgb(150, 190, 222),
        LabelKind::Strait | LabelKind::Lake => egui::Color32::from_rgb(170, 205, 230),
        LabelKind::Move(actor) => theme::egui(theme::tint(scn.actor(actor).color, 0.35)),
    }
}

/// The incident mark: an orange warning triangle with an exclamation mark.
fn incident_mark(painter: &egui::Painter, centre: egui::Pos2) {
    let points = vec![
        centre + egui::vec2(0.0, -9.0),
        centre + egui::vec2(10.0, 8.0),
        centre + egui::vec2(-10.0, 8.0),
    ];
    painter.add(egui::Shape::convex_polygon(
        points,
        theme::egui(theme::INCIDENT),
        egui::Stroke::new(1.5, egui::Color32::WHITE),
    ));
    painter.text(
        centre + egui::vec2(0.0, 1.5),
        egui::Align2::CENTER_CENTER,
        "!",
        egui::FontId::proportional(13.0),
        egui::Color32::WHITE,
    );
}

/// A force icon in the legend: a grey disc with the kind's pictogram.
fn legend_icon(ui: &mut egui::Ui, kind: demarche_sim::scenario::ForceKind, fill: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 20.0), egui::Sense::hover());
    let painter = ui.painter();
    let c = rect.center();
    painter.circle(c, 9.5, fill, egui::Stroke::new(1.2, egui::Color32::WHITE));
    for part in pictogram(kind) {
        let points = part
            .iter()
            .map(|p| c + egui::vec2(p.x, -p.y) * 8.2)
            .collect();
        painter.add(egui::Shape::convex_polygon(
            points,
            egui::Color32::WHITE,
            egui::Stroke::NONE,
        ));
    }
}

/// A swatch in the legend.
fn swatch(ui: &mut egui::Ui, fill: egui::Color32, hatch: Option<egui::Color32>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 14.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, fill);
    if let Some(stripe) = hatch {
        let clip = painter.with_clip_rect(rect);
        for k in -3..6 {
            let x = rect.left() + k as f32 * 5.0;
            clip.line_segment(
                [
                    egui::pos2(x, rect.bottom()),
                    egui::pos2(x + 14.0, rect.top()),
                ],
                egui::Stroke::new(1.6, stripe),
            );
        }
    }
}

/// The force kinds of a scenario, in the legend's order.
pub fn kinds_present(scn: &Scenario) -> Vec<demarche_sim::scenario::ForceKind> {
    KINDS
        .into_iter()
        .filter(|k| scn.forces.iter().any(|f| f.kind == *k))
        .collect()
}

/// The legend in the map's lower right corner (folds away); returns where it is drawn.
fn legend(ctx: &egui::Context, session: &Session, free: egui::Rect) -> Option<egui::Rect> {
    let scn = session.scenario();
    let response = egui::Area::new(egui::Id::new("map_legend"))
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .fixed_pos(free.right_bottom() - egui::vec2(8.0, 8.0))
        .order(egui::Order::Middle)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                    ui.spacing_mut().item_spacing.y = 2.0;
                    // Open where there is room for it (1920x1080), folded on smaller windows.
                    egui::CollapsingHeader::new(egui::RichText::new("Legend").strong())
                        .default_open(free.height() > 700.0)
                        .show(ui, |ui| legend_body(ui, scn));
                });
        })
        .response;
    Some(response.rect)
}

fn legend_body(ui: &mut egui::Ui, scn: &Scenario) {
    for kind in kinds_present(scn) {
        ui.horizontal(|ui| {
            legend_icon(ui, kind, egui::Color32::from_gray(95));
            ui.label(kind_name(kind));
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Icons in the owner's colour:");
        let mut owners: Vec<_> = scn.forces.iter().map(|f| f.owner).collect();
        owners.sort();
        owners.dedup();
        for owner in owners {
            let actor = scn.actor(owner);
            ui.label(
                egui::RichText::new(&actor.name)
                    .color(theme::egui(actor.color))
                    .strong(),
            );
        }
    });
    let disputed = scn.regions.iter().find(|r| r.is_disputed());
    if let Some(region) = disputed
        && let (Some(admin), Some(claim)) = (region.administered_by, region.claimed_by.first())
    {
        ui.horizontal(|ui| {
            swatch(
                ui,
                theme::egui(theme::tint(scn.actor(admin).color, 0.45)),
                Some(theme::egui(theme::tint(scn.actor(*claim).color, 0.1))),
            );
            ui.label(format!(
                "Disputed: held by {}, hatched for {}'s claim",
                scn.actor(admin).name,
                scn.actor(*claim).name
            ));
        });
    }
    ui.horizontal(|ui| {
        swatch(ui, theme::egui(crate::map::layers::SEA_BANDS[2].1), None);
        ui.label("Land tinted by who holds it; sea lighter near the coast");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 14.0), egui::Sense::hover());
        ui.painter().arrow(
            rect.left_center(),
            egui::vec2(rect.width(), 0.0),
            egui::Stroke::new(2.0, egui::Color32::from_rgb(230, 159, 0)),
        );
        ui.label("Last turn's moves, with their orders");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 18.0), egui::Sense::hover());
        incident_mark(ui.painter(), rect.center());
        ui.label("Last turn's incidents (hover for what happened)");
    });
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
            crate::map::camera::world_to_window(camera, transform, data.anchor(region_id))
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
                    (None, _) if region.kind.is_water() => {
                        ui.label("International waters and straits");
                    }
                    (None, _) => {
                        ui.label("Administered by no one");
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
