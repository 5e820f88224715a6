//! The actions panel on the left: this turn's drafted orders with their memos, then the actions
//! of the open category (greyed out with reasons), each with its target, details and expected
//! effects.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::scenario::{Category, Order, Target, Visibility};
use demarche_sim::{ActionId, Side};

use crate::session::{Flow, Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{UiState, format};

/// The actions panel on the left, while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::LeftPanel)
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>, session: Res<Session>, flow: Res<Flow>) {
    let Some((_, root, out)) = canvas.parts() else {
        return;
    };
    if state.map_only {
        return;
    }
    let (state, session, flow) = (&mut *state, &*session, &*flow);
    let viewer = session.viewer(flow);
    egui::Panel::left("actions")
        .resizable(true)
        .default_size(340.0)
        .min_size(260.0)
        .max_size(420.0)
        .show(root, |ui| {
            actions_panel(ui, state, session, viewer, flow, out);
        });
}

pub(crate) fn actions_panel(
    ui: &mut egui::Ui,
    state: &mut UiState,
    session: &Session,
    viewer: Side,
    flow: &Flow,
    out: &mut Vec<Intent>,
) {
    let scn = session.scenario();
    let me = scn.actor_of(viewer);
    let planning = *flow == Flow::Planning(viewer);
    orders_list(ui, session, flow, viewer, planning, out);
    let drafts = &session.drafts[viewer.index()];
    ui.label(format!("Capital left: {:.0}", session.capital_left(viewer)));
    if !session.ai_reasons[viewer.other().index()].is_empty() && !session.is_human(viewer.other()) {
        ui.collapsing("The AI's reasoning last turn", |ui| {
            for reason in &session.ai_reasons[viewer.other().index()] {
                ui.label(egui::RichText::new(reason).small());
            }
        })
        .header_response
        .on_hover_text(
            "What the other side's AI said about its orders (revealed after they resolved).",
        );
    }
    ui.separator();
    ui.heading("Actions");
    ui.horizontal_wrapped(|ui| {
        for (i, category) in Category::ALL.into_iter().enumerate() {
            let selected = state.category == Some(category);
            if ui
                .selectable_label(selected, format!("{} {}", i + 1, category.label()))
                .on_hover_text(format!(
                    "Show {} actions (key {})",
                    category.label().to_lowercase(),
                    i + 1
                ))
                .clicked()
            {
                state.category = if selected { None } else { Some(category) };
            }
        }
    });
    let Some(category) = state.category else {
        ui.label(egui::RichText::new("Choose a category (1–4).").color(theme::MUTED));
        return;
    };
    let seen = session.side_view(viewer);
    let mut rows: Vec<(ActionId, Order, Result<(), String>)> = scn
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.category == category && a.actors.contains(&me))
        .map(|(i, _)| {
            let id = ActionId::from_index(i);
            let (track, region) = state.targets.get(&id).copied().unwrap_or_default();
            let order = Order {
                action: id,
                track,
                region,
            };
            let available = if planning {
                seen.check(&order, drafts)
            } else {
                Err("not your turn to plan".into())
            };
            (id, order, available)
        })
        .collect();
    // What can be done now first, then the rest, each in catalogue order.
    rows.sort_by_key(|(id, _, available)| (available.is_err(), *id));
    egui::ScrollArea::vertical()
        .id_salt("actions")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (id, order, available) in rows {
                let action = scn.action(id);
                ui.group(|ui| {
                    ui.horizontal_top(|ui| {
                        let add = ui.add_enabled(available.is_ok(), egui::Button::new("＋ Add"));
                        let add = match &available {
                            Ok(()) => add.on_hover_text("Add to this turn's orders"),
                            Err(why) => add.on_disabled_hover_text(format!("Unavailable: {why}")),
                        };
                        if add.clicked() {
                            out.push(Intent::AddOrder(viewer, order.clone()));
                        }
                        action_name(ui, action, available.is_ok());
                    });
                    target_picker(ui, state, session, id, &action.target);
                    if let Err(why) = &available
                        && planning
                    {
                        ui.label(egui::RichText::new(why).small().color(theme::MUTED));
                    }
                    let open = state.focused == Some(id);
                    let header = ui.selectable_label(
                        open,
                        if open {
                            "Hide details"
                        } else {
                            "Details and expected effects"
                        },
                    );
                    if header
                        .on_hover_text(
                            "The action's effects, what it signals, its IR concept and sources",
                        )
                        .clicked()
                    {
                        state.focused = if open { None } else { Some(id) };
                    }
                    if open {
                        details(ui, state, session, viewer, &order, available.is_ok());
                    }
                });
            }
        });
}

/// The orders the panel lists (see [`Session::panel_orders`]): this turn's drafts, each with
/// a button to remove it while planning, or the orders of the turn just resolved while its
/// playback and report are shown. Long labels wrap; a tooltip gives the whole text.
fn orders_list(
    ui: &mut egui::Ui,
    session: &Session,
    flow: &Flow,
    viewer: Side,
    planning: bool,
    out: &mut Vec<Intent>,
) {
    let shown = session.panel_orders(flow, viewer);
    if shown.resolved {
        ui.heading(format!("Orders of turn {} (resolved)", shown.turn));
    } else {
        ui.heading("Orders this turn");
    }
    if shown.orders.is_empty() {
        let empty = if shown.resolved {
            "No orders were carried out this turn."
        } else {
            "No orders yet: add actions below, then End turn."
        };
        ui.label(egui::RichText::new(empty).color(theme::MUTED));
    }
    for (i, order) in shown.orders.iter().enumerate() {
        let text = order_label(session, order);
        ui.horizontal_top(|ui| {
            if !shown.resolved
                && ui
                    .add_enabled(planning, egui::Button::new("✖").small())
                    .on_hover_text("Remove this order")
                    .clicked()
            {
                out.push(Intent::RemoveOrder(viewer, i));
            }
            ui.add(egui::Label::new(text.as_str()).wrap())
                .on_hover_text(text.as_str());
        });
        if !shown.resolved {
            super::memo::order_field(ui, session, viewer, i, planning, out);
        }
    }
    super::memo::note(ui, session, viewer, &shown, planning, out);
}

/// An action's name (muted when unavailable), wrapped to the panel's width with its cost
/// below; the tooltip gives the whole name and the description.
fn action_name(ui: &mut egui::Ui, action: &demarche_sim::scenario::Action, available: bool) {
    ui.vertical(|ui| {
        let name = egui::RichText::new(&action.name).strong();
        let name = if available {
            name
        } else {
            name.color(theme::MUTED)
        };
        ui.add(egui::Label::new(name).wrap())
            .on_hover_text(format!("{}\n\n{}", action.name, action.description));
        ui.label(egui::RichText::new(format::cost(action)).small());
    });
}

fn target_picker(
    ui: &mut egui::Ui,
    state: &mut UiState,
    session: &Session,
    id: ActionId,
    target: &Target,
) {
    let scn = session.scenario();
    let entry = state.targets.entry(id).or_default();
    match target {
        Target::Nothing => {}
        Target::Track(allowed) => choice(
            ui,
            ("track", id.0),
            &mut entry.0,
            allowed,
            (0..scn.tracks.len()).map(demarche_sim::TrackId::from_index),
            |t| scn.track(t).name.as_str(),
            "choose a track",
            "The track this order acts on",
        ),
        Target::Region(allowed) => choice(
            ui,
            ("region", id.0),
            &mut entry.1,
            allowed,
            (0..scn.regions.len()).map(demarche_sim::RegionId::from_index),
            |r| scn.region(r).name(),
            "choose a region",
            "The region this order acts in",
        ),
    }
}

/// A drop-down of the ids an order may target (`allowed`, or every id when that is empty),
/// preselecting the first.
#[allow(clippy::too_many_arguments)]
fn choice<'n, T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    salt: (&str, u16),
    slot: &mut Option<T>,
    allowed: &[T],
    every: impl Iterator<Item = T>,
    name: impl Fn(T) -> &'n str,
    placeholder: &'n str,
    tip: &str,
) {
    let list: Vec<T> = if allowed.is_empty() {
        every.collect()
    } else {
        allowed.to_vec()
    };
    if slot.is_none() {
        *slot = list.first().copied();
    }
    egui::ComboBox::from_id_salt(salt)
        .selected_text(slot.map_or(placeholder, &name))
        .show_ui(ui, |ui| {
            for item in list {
                ui.selectable_value(slot, Some(item), name(item));
            }
        })
        .response
        .on_hover_text(tip);
}

fn details(
    ui: &mut egui::Ui,
    state: &mut UiState,
    session: &Session,
    viewer: Side,
    order: &Order,
    available: bool,
) {
    let scn = session.scenario();
    let action = scn.action(order.action);
    ui.label(&action.description);
    ui.label(egui::RichText::new("Does").strong());
    for effect in &action.effects {
        ui.label(format!("• {}", format::effect(scn, effect, viewer)));
    }
    let rung = &scn.ladder[usize::from(action.rung)];
    let mut facts = vec![
        format!("{:?} signal", action.signal)
            .replace("CheapTalk", "Cheap-talk")
            .replace("SunkCost", "Sunk-cost")
            .replace("TiedHands", "Tied-hands"),
        format!("{:?}", action.stance).to_lowercase(),
        if action.visibility == Visibility::Public {
            "public".into()
        } else {
            "private".into()
        },
    ];
    if action.rung > 0 {
        facts.push(format!("escalation rung {} ({})", rung.level, rung.name));
    }
    if let Some(mid) = action.mid {
        facts.push(format!(
            "MID action {mid}: {} (hostility {})",
            demarche_sim::scenario::validate::MID_NAMES[usize::from(mid).min(21)],
            demarche_sim::scenario::validate::MID_HOSTILITY[usize::from(mid).min(21)]
        ));
    }
    ui.label(egui::RichText::new(facts.join(" · ")).small())
        .on_hover_text(format::signal(action.signal));
    if available {
        ui.label(egui::RichText::new("Expected next turn (estimate)").strong())
            .on_hover_text("One turn played forward from what your side knows, with and without this order. The other side's choices and chance are not known: this is a hint, not a promise.");
        let deltas = state.preview.get(session, viewer, order).to_vec();
        if deltas.is_empty() {
            ui.label(
                egui::RichText::new("no visible change next turn")
                    .small()
                    .color(theme::MUTED),
            );
        }
        for (label, delta) in deltas {
            let color = if delta >= 0.0 {
                theme::GOOD
            } else {
                theme::BAD
            };
            ui.label(
                egui::RichText::new(format!("{label}: {}", format::signed(delta)))
                    .small()
                    .color(color),
            );
        }
    }
    for concept in &action.concepts {
        let c = &scn.concepts[concept.index()];
        ui.label(
            egui::RichText::new(format!("Concept: {}", c.term))
                .strong()
                .color(theme::ACCENT),
        )
        .on_hover_text(format!("{}\n\nIn the game: {}", c.definition, c.in_game));
    }
    if !action.sources.is_empty() {
        let sources: Vec<&str> = action
            .sources
            .iter()
            .map(|s| scn.sources[s.index()].key.as_str())
            .collect();
        ui.label(
            egui::RichText::new(format!("Sources: {}", sources.join(", ")))
                .small()
                .color(theme::MUTED),
        );
    }
}

/// An order in words.
pub fn order_label(session: &Session, order: &Order) -> String {
    let scn = session.scenario();
    let action = scn.action(order.action);
    let mut text = format!("{} ({})", action.name, format::cost(action));
    if let Some(t) = order.track {
        text.push_str(&format!(" · {}", scn.track(t).name));
    }
    if let Some(r) = order.region {
        text.push_str(&format!(" · {}", scn.region(r).name()));
    }
    text
}
