//! The game screen: the top bar, the actions and orders on the left, intelligence, tracks,
//! sanctions, news and charts on the right, and the windows over the map.

use bevy_egui::egui;
use demarche_sim::report::Metric;
use demarche_sim::scenario::{Category, Indicator, Order, Target, TrackStatus, Visibility};
use demarche_sim::{ActionId, Side};

use super::{RightTab, UiState, UiWorld, format, overlays, report};
use crate::session::{Flow, Intent, Session};
use crate::theme;

/// Draws the game screen.
pub fn draw(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    state: &mut UiState,
    world: &UiWorld,
    out: &mut Vec<Intent>,
) {
    let Some(session) = world.session.as_deref() else {
        return;
    };
    let flow = &*world.flow;
    if let Flow::Handover(side) = flow {
        overlays::handover(root, session, *side, out);
        return;
    }
    let viewer = session.viewer(flow);
    top_bar(root, state, session, viewer, flow, out);
    egui::Panel::left("actions")
        .resizable(true)
        .default_size(340.0)
        .min_size(260.0)
        .max_size(420.0)
        .show(root, |ui| {
            actions_panel(ui, state, session, viewer, flow, out);
        });
    egui::Panel::right("intel")
        .resizable(true)
        .default_size(320.0)
        .min_size(250.0)
        .max_size(400.0)
        .show(root, |ui| {
            right_panel(ui, state, session, viewer);
        });
    overlays::map_labels(ctx, root, session, world);
    overlays::hover_card(ctx, session, world, state.free);
    if let Some(error) = &world.map.error {
        overlays::banner(ctx, error);
    }
    match flow {
        Flow::Thinking => overlays::thinking(ctx, session),
        Flow::Playback { .. } => overlays::playback_hint(ctx, out),
        Flow::Report => {
            if let Some(r) = session.game.last_report() {
                report::window(ctx, session, r, viewer, true, out);
            }
        }
        _ => {}
    }
    if state.report_open && *flow != Flow::Report {
        if let Some(r) = session.game.last_report() {
            if report::window(ctx, session, r, viewer, false, out) {
                state.report_open = false;
            }
        } else {
            state.report_open = false;
        }
    }
    if world.paused.0 {
        overlays::pause(ctx, state, out);
    }
    if state.help {
        overlays::help(ctx, &mut state.help);
    }
}

fn stat(
    ui: &mut egui::Ui,
    session: &Session,
    label: &str,
    value: String,
    metric: Option<Metric>,
    tip: &str,
) {
    let response = ui.label(egui::RichText::new(format!("{label} {value}")).strong());
    let why = metric
        .and_then(|m| session.game.last_report().and_then(|r| r.change_of(m)))
        .map(|c| {
            let lines: Vec<String> = c
                .causes
                .iter()
                .take(6)
                .map(|(cause, amount)| format!("{} {}", format::signed(*amount), cause.text))
                .collect();
            format!(
                "\n\nLast turn {} → {}:\n{}",
                c.before.round(),
                c.after.round(),
                lines.join("\n")
            )
        })
        .unwrap_or_default();
    response.on_hover_text(format!("{tip}{why}"));
}

fn top_bar(
    root: &mut egui::Ui,
    state: &mut UiState,
    session: &Session,
    viewer: Side,
    flow: &Flow,
    out: &mut Vec<Intent>,
) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    let me = scn.actor_of(viewer);
    let turn = session.game.turn().min(scn.meta.calendar.turns);
    egui::Panel::top("top").show(root, |ui| {
        ui.horizontal(|ui| {
            let color = theme::egui(scn.actor(me).color);
            ui.label(egui::RichText::new(&scn.actor(me).name).size(18.0).strong().color(color))
                .on_hover_text("The side whose view you see.");
            ui.separator();
            ui.label(egui::RichText::new(format!(
                "Turn {turn}/{} · {} – {}",
                scn.meta.calendar.turns,
                scn.meta.calendar.turn_start(turn),
                scn.meta.calendar.turn_end(turn)
            )).strong())
            .on_hover_text("Each turn covers two weeks; both sides' orders resolve together.");
            ui.separator();
            let rung = &scn.ladder[usize::from(view.mil.rung)];
            ui.label(egui::RichText::new(format!("Rung {} · {}", rung.level, rung.name)).strong().color(theme::ACCENT))
                .on_hover_text(format!(
                    "The escalation ladder (after Kahn), MID hostility level {}.\n{}\nHighest so far: rung {}.",
                    rung.hostility, rung.description, view.mil.max_rung
                ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Menu").on_hover_text("Pause: save, load, quit (Esc)").clicked() {
                    out.push(Intent::TogglePause);
                }
                if ui.button("Help").on_hover_text("Keyboard shortcuts (F1)").clicked() {
                    state.help = !state.help;
                }
                let planning = matches!(flow, Flow::Planning(_));
                let end = ui.add_enabled(planning, egui::Button::new(egui::RichText::new("End turn (Enter)").strong()).fill(egui::Color32::from_rgb(0, 90, 150)));
                if end
                    .on_hover_text("Submit your orders; both sides' orders resolve together.")
                    .on_disabled_hover_text("Waiting for the other side, the AI or the report.")
                    .clicked()
                {
                    out.push(Intent::EndTurn);
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            let left = session.capital_left(viewer);
            stat(ui, session, "Capital", format!("{left:.0}"), Some(Metric::Actor(me, Indicator::Capital)), "Political capital left after your drafted orders: the budget for actions.");
            stat(ui, session, "Approval", format!("{:.0}%", view.ind.get(me, Indicator::Approval)), Some(Metric::Actor(me, Indicator::Approval)), "Public approval of your government.");
            stat(ui, session, "Economy", format!("{:.0}", view.ind.get(me, Indicator::Economy)), Some(Metric::Actor(me, Indicator::Economy)), "Health of your economy (0–100).");
            stat(ui, session, "Energy", format!("{:.0}", view.ind.get(me, Indicator::EnergyStress)), Some(Metric::Actor(me, Indicator::EnergyStress)), "Energy stress: pressure on supply and prices (0–100).");
            stat(ui, session, "Standing", format!("{:.0}", view.ind.get(me, Indicator::Standing)), Some(Metric::Actor(me, Indicator::Standing)), "International standing (0–100).");
            ui.separator();
            stat(ui, session, "Tension", format!("{:.0}", view.ind.tension), Some(Metric::Tension), "Tension between the two sides (0–100): it drives incident risk.");
            stat(ui, session, "Trade", format!("¥{:.0}bn", view.ind.trade), Some(Metric::Trade), "Trade between the two sides, yen billions a year.");
            ui.separator();
            stat(ui, session, "Score", format!("{:.0}", view.status.scores[viewer.index()]), None, "Your objectives met so far, weighted (0–100).");
        });
    });
}

fn actions_panel(
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
    ui.heading("Orders this turn");
    let drafts = &session.drafts[viewer.index()];
    if drafts.is_empty() {
        ui.label(
            egui::RichText::new("No orders yet: add actions below, then End turn.")
                .color(theme::MUTED),
        );
    }
    for (i, order) in drafts.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(planning, egui::Button::new("✖").small())
                .on_hover_text("Remove this order")
                .clicked()
            {
                out.push(Intent::RemoveOrder(viewer, i));
            }
            ui.label(order_label(session, order));
        });
    }
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
                    ui.horizontal(|ui| {
                        let add = ui.add_enabled(available.is_ok(), egui::Button::new("＋ Add"));
                        let add = match &available {
                            Ok(()) => add.on_hover_text("Add to this turn's orders"),
                            Err(why) => add.on_disabled_hover_text(format!("Unavailable: {why}")),
                        };
                        if add.clicked() {
                            out.push(Intent::AddOrder(viewer, order.clone()));
                        }
                        let name = egui::RichText::new(&action.name).strong();
                        let name = if available.is_ok() {
                            name
                        } else {
                            name.color(theme::MUTED)
                        };
                        let label = ui.label(name);
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(egui::RichText::new(format::cost(action)).small());
                        });
                        label.on_hover_text(&action.description);
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

fn right_panel(ui: &mut egui::Ui, state: &mut UiState, session: &Session, viewer: Side) {
    ui.horizontal_wrapped(|ui| {
        for tab in RightTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.title())
                .on_hover_text("Tab cycles the tabs");
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("right")
        .auto_shrink([false, false])
        .show(ui, |ui| match state.tab {
            RightTab::Intelligence => intelligence(ui, session, viewer),
            RightTab::Tracks => tracks(ui, session),
            RightTab::Sanctions => sanctions(ui, session),
            RightTab::News => news(ui, session, viewer),
            RightTab::Charts => charts(ui, session, viewer),
        });
}

fn intelligence(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    let other = scn.actor_of(viewer.other());
    ui.heading(format!("{} as we see it", scn.actor(other).name));
    egui::Grid::new("other")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for indicator in [
                Indicator::Economy,
                Indicator::Approval,
                Indicator::Standing,
                Indicator::Readiness,
                Indicator::Hawks,
                Indicator::Doves,
                Indicator::EnergyStress,
            ] {
                ui.label(indicator.label());
                ui.label(format!("{:.0}", view.ind.get(other, indicator)));
                ui.end_row();
            }
            ui.label("political capital");
            ui.label(egui::RichText::new("unknown").color(theme::MUTED))
                .on_hover_text("The other side's budget is not public.");
            ui.end_row();
        });
    ui.add_space(6.0);
    let (alpha, beta) = view.intel.beliefs[viewer.index()];
    let mean = alpha / (alpha + beta);
    let sd = (alpha * beta / ((alpha + beta).powi(2) * (alpha + beta + 1.0))).sqrt();
    ui.label(egui::RichText::new("Our estimate of their resolve").strong());
    ui.add(egui::ProgressBar::new(mean as f32).text(format!("{:.0}% ± {:.0}", mean * 100.0, sd * 100.0)))
        .on_hover_text("Updated only by costly signals (sunk costs, tied hands) and by climb-downs; cheap talk moves nothing (Fearon 1997). The true value stays hidden.");
    if let Some(change) = seen
        .last_report()
        .and_then(|r| r.change_of(Metric::Belief(viewer)))
    {
        for (cause, amount) in &change.causes {
            ui.label(
                egui::RichText::new(format!("{} {}", format::signed(*amount), cause.text)).small(),
            );
        }
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Our own government").strong());
    let me = scn.actor_of(viewer);
    ui.label(format!(
        "Resolve {:.0}% (private) · audience costs {:.0} · hawks {:.0} · doves {:.0}",
        view.intel.resolve[viewer.index()] * 100.0,
        view.ind.get(me, Indicator::AudienceCost),
        view.ind.get(me, Indicator::Hawks),
        view.ind.get(me, Indicator::Doves)
    ))
    .on_hover_text("Resolve lowers what economic pain costs you in approval. Audience costs are what backing down from public commitments would now cost.");
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Relations").strong());
    for (i, actor) in scn.actors.iter().enumerate() {
        let id = demarche_sim::ActorId::from_index(i);
        if id != me {
            ui.label(format!(
                "{} – {}: {:.0}",
                scn.actor(me).name,
                actor.name,
                view.ind.relation(me, id)
            ));
        }
    }
}

fn tracks(ui: &mut egui::Ui, session: &Session) {
    let scn = session.scenario();
    let view = session.game.view();
    for (i, track) in scn.tracks.iter().enumerate() {
        let state = &view.dip.tracks[i];
        let id = demarche_sim::TrackId::from_index(i);
        ui.group(|ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(&track.name).strong())
                    .on_hover_text(&track.description);
                let (text, color) = match state.status {
                    TrackStatus::Active => ("active", theme::GOOD),
                    TrackStatus::Suspended => ("suspended", theme::BAD),
                    TrackStatus::Terminated => ("terminated", egui::Color32::from_rgb(213, 94, 0)),
                };
                ui.label(egui::RichText::new(text).color(color));
            });
            ui.add(
                egui::ProgressBar::new((state.progress / 100.0) as f32).text(format!(
                    "{} · {:.0}",
                    track.stage_at(state.progress),
                    state.progress
                )),
            );
            if let Some(by) = state.halted_by {
                ui.label(egui::RichText::new(format!("halted by {}", scn.actor(by).name)).small());
            }
            for p in view.dip.proposals.iter().filter(|p| p.track == id) {
                ui.label(
                    egui::RichText::new(format!(
                        "proposal pending from {} (turn {})",
                        scn.actor(p.from).name,
                        p.turn
                    ))
                    .small()
                    .color(theme::ACCENT),
                );
            }
            if state.status == TrackStatus::Active
                && let Err(why) = demarche_sim::rules::talks::can_advance(&view, id)
            {
                ui.label(
                    egui::RichText::new(format!("cannot advance: {why}"))
                        .small()
                        .color(theme::MUTED),
                );
            }
        });
    }
    ui.label(format!("Back-channel trust: {:.0}", view.dip.back_channel))
        .on_hover_text("Private contact: agreed proposals go further, incidents are less likely.");
}

fn sanctions(ui: &mut egui::Ui, session: &Session) {
    let scn = session.scenario();
    let view = session.game.view();
    for side in Side::BOTH {
        let sender = scn.actor_of(side);
        let target = scn.actor_of(side.other());
        ui.label(
            egui::RichText::new(format!(
                "{} → {}: level {:.0}",
                scn.actor(sender).name,
                scn.actor(target).name,
                view.sanc.level(sender, target)
            ))
            .strong(),
        );
        let mut any = false;
        for m in view.sanc.measures.iter().filter(|m| m.sender == sender) {
            any = true;
            ui.label(format!(
                "• {} on {} ({:.0}%, since turn {})",
                m.kind.label(),
                scn.sector(m.sector).name,
                m.size * 100.0,
                m.since
            ));
        }
        for t in view.sanc.threats.iter().filter(|t| t.sender == sender) {
            any = true;
            ui.label(
                egui::RichText::new(format!(
                    "• threat: {} on {} by turn {}",
                    t.kind.label(),
                    scn.sector(t.sector).name,
                    t.deadline
                ))
                .color(theme::ACCENT),
            );
        }
        if !any {
            ui.label(egui::RichText::new("none").color(theme::MUTED));
        }
    }
    ui.add_space(6.0);
    ui.label(format!(
        "The coalition expects a sanction level of {:.0}",
        view.sanc.coalition_expectation
    ))
    .on_hover_text("Set by the G7/EU packages; members who lag lose standing.");
    if !view.sanc.episodes.is_empty() {
        ui.label(egui::RichText::new("Closed episodes (TIES)").strong());
        for e in &view.sanc.episodes {
            ui.label(
                egui::RichText::new(format!(
                    "turn {}: {} on {}: {}",
                    e.turn,
                    e.kind.label(),
                    scn.sector(e.sector).name,
                    e.outcome.label()
                ))
                .small(),
            );
        }
    }
}

fn news(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let seen = session.side_view(viewer);
    for report in seen.history().iter().rev() {
        ui.label(egui::RichText::new(format!("Turn {} · {}", report.turn, report.start)).strong());
        for h in &report.headlines {
            ui.label(egui::RichText::new(h).color(theme::ACCENT));
        }
        for e in &report.events {
            ui.label(egui::RichText::new(&e.text).small());
        }
        ui.separator();
    }
    if seen.history().is_empty() {
        ui.label(
            egui::RichText::new("Nothing yet: the news of each turn appears here.")
                .color(theme::MUTED),
        );
    }
}

fn charts(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    for (k, chart) in super::charts::standard(scn, Some(viewer))
        .iter()
        .enumerate()
    {
        super::charts::draw(ui, &|m| seen.series(m), &format!("chart_{k}"), chart, 140.0);
    }
}
