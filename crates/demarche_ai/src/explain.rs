//! Reasons for each order: which objective it serves, by how much, and what it signals given
//! the AI's belief about the other side. An order is said to serve an objective only when the
//! look-ahead attributes to that very order (the bundle against the bundle without it, on the
//! same futures) a gain of at least [`MATERIAL`] score points on that objective.

use demarche_sim::rules::orders::has_track_op;
use demarche_sim::scenario::{Order, SignalKind, Stance, TrackOp, Visibility};

use crate::opponent::Style;
use crate::search::{Searcher, Then};
use crate::spec::Budget;

/// The smallest gain, in score points (0–100), for which a reason names an objective.
pub const MATERIAL: f64 = 0.1;

/// What the look-ahead attributes to one order: the objective it helps most and by how many
/// score points (the bundle with the order against the bundle without it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attribution {
    /// The objective's index in the scenario.
    pub objective: usize,
    /// Score points (0–100 scale) the order adds to it in the look-ahead.
    pub points: f64,
}

/// One or two sentences per order of the chosen bundle, and the attribution each names.
pub(crate) fn explain(
    searcher: &Searcher,
    bundle: &[Order],
    then: Then,
    budget: Budget,
) -> Vec<(String, Option<Attribution>)> {
    let side_view = searcher.view;
    let scn = side_view.scenario();
    let me = scn.actor_of(searcher.side);
    let other = scn.actor(scn.actor_of(searcher.side.other()));
    let belief = searcher.belief();
    let view = side_view.view();
    let met_now = &view.status.objectives;
    let total_weight: f64 = scn
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| o.side == me)
        .map(|(k, _)| view.status.weight(scn, k))
        .sum::<f64>()
        .max(1e-9);
    // Compare like with like: the bundle and the bundle without each order, on the same futures.
    let outlook = searcher.evaluate(bundle, then, budget);
    bundle
        .iter()
        .enumerate()
        .map(|(i, order)| {
            let action = scn.action(order.action);
            let without: Vec<Order> = bundle
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| o.clone())
                .collect();
            let baseline = searcher.evaluate(&without, then, budget);
            let best = scn
                .objectives
                .iter()
                .enumerate()
                .filter(|(_, o)| o.side == me)
                .map(|(k, _)| Attribution {
                    objective: k,
                    points: 100.0
                        * (outlook.objectives[k] - baseline.objectives[k])
                        * view.status.weight(scn, k)
                        / total_weight,
                })
                .max_by(|a, b| a.points.total_cmp(&b.points))
                .filter(|a| a.points >= MATERIAL);
            let mut text = match best {
                Some(a) => format!(
                    "{}: serves our objective \"{}\" (+{:.1} points in our look-ahead: {}).",
                    action.name,
                    scn.objectives[a.objective].name,
                    a.points,
                    if met_now.get(a.objective).is_some_and(|d| *d >= 1.0) {
                        "it makes the objective safer to the end of the game"
                    } else {
                        "it brings the objective closer"
                    }
                ),
                None if side_view.historical_orders().contains(order) => format!(
                    "{}: what {} actually did in this turn of the record (from {}), and nothing in our look-ahead argues against it.",
                    action.name,
                    scn.actor(me).name,
                    scn.meta.calendar.turn_start(side_view.turn())
                ),
                None => match action.stance {
                    Stance::Hawkish => format!(
                        "{}: pressure answered with pressure, as a {} government would.",
                        action.name,
                        searcher.persona.name.to_lowercase()
                    ),
                    Stance::Dovish => format!(
                        "{}: keeps a way out of the crisis open at little cost to our objectives.",
                        action.name
                    ),
                    Stance::Neutral => format!(
                        "{}: a low-cost move that keeps our options open.",
                        action.name
                    ),
                },
            };
            text.push(' ');
            text.push_str(&signal_sentence(scn, action, order, &other.name, belief));
            if i == 0
                && let Some(read) = read_sentence(searcher, &other.name)
            {
                text.push(' ');
                text.push_str(&read);
            }
            (text, best)
        })
        .collect()
}

/// What the AI makes of the other side's conduct so far, once its read is confident.
fn read_sentence(searcher: &Searcher, other: &str) -> Option<String> {
    let (style, weight) = searcher.opponent().read(READ_CONFIDENCE)?;
    let how = match style {
        Style::Hawk => "like a hawk, paying for pressure",
        Style::Dove => "like a dove, paying for a way out",
        Style::Record => "much as it did in the historical record",
    };
    Some(format!(
        "Judged by what its moves cost it, {other} has played {how} (we put that at {:.0} %), and our look-ahead plans for it.",
        weight * 100.0
    ))
}

/// How sure the AI must be of the other side's style before it says so.
const READ_CONFIDENCE: f64 = 0.6;

fn signal_sentence(
    scn: &demarche_sim::Scenario,
    action: &demarche_sim::scenario::Action,
    order: &Order,
    other: &str,
    belief: f64,
) -> String {
    if has_track_op(action, TrackOp::Suspend) || has_track_op(action, TrackOp::Terminate) {
        let track = order
            .track
            .map(|t| scn.track(t).name.clone())
            .unwrap_or_else(|| "the talks".into());
        return format!("Halting {track} tells {other} that its pressure has a price.");
    }
    if action.visibility == Visibility::Private {
        return format!(
            "Done in private, it commits us to nothing in public; we put {other}'s resolve at {belief:.2}."
        );
    }
    match (action.signal, action.stance) {
        (SignalKind::SunkCost, _) => format!(
            "It is a costly signal, so {other} should read it as resolve; we put {other}'s resolve at {belief:.2}."
        ),
        (SignalKind::TiedHands, _) => format!(
            "It ties our hands in public: backing down later would cost approval, which makes it credible to {other}."
        ),
        (SignalKind::CheapTalk, Stance::Dovish) => format!(
            "With {other}'s resolve estimated at {belief:.2}, a gesture now keeps an off-ramp open."
        ),
        (SignalKind::CheapTalk, _) => "Words cost little here; they will not change minds, but they keep our position on record.".into(),
    }
}
