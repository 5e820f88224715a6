//! Words for numbers and rules: effects of an action in plain language, signed numbers, the
//! history of an indicator for the charts.

use demarche_sim::Side;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::scenario::{Action, Effect, Scenario, SignalKind, TrackOp, Who};

/// A signed number with one decimal: `+2.5`, `−1.0`.
pub fn signed(x: f64) -> String {
    if x < 0.0 {
        format!("−{:.1}", -x)
    } else {
        format!("+{x:.1}")
    }
}

fn who(scn: &Scenario, who: Who, actor: Side) -> String {
    match who {
        Who::Actor(a) => scn.actor(a).name.clone(),
        Who::Me => scn.actor(scn.actor_of(actor)).name.clone(),
        Who::Opponent => scn.actor(scn.actor_of(actor.other())).name.clone(),
    }
}

/// What an effect does, in words, for the action preview.
pub fn effect(scn: &Scenario, effect: &Effect, side: Side) -> String {
    match effect {
        Effect::Adjust(w, indicator, amount) => format!(
            "{} {}: {}",
            who(scn, *w, side),
            indicator.label(),
            signed(*amount)
        ),
        Effect::Tension(amount) => format!("tension {}", signed(*amount)),
        Effect::Relation(a, b, amount) => format!(
            "relation {}–{}: {}",
            who(scn, *a, side),
            who(scn, *b, side),
            signed(*amount)
        ),
        Effect::Impose {
            sector,
            measure,
            size,
            severity,
        } => format!(
            "{} on {} ({:.0}% of the trade, sanction level +{severity:.0})",
            measure.label(),
            scn.sector(*sector).name,
            size * 100.0
        ),
        Effect::Threaten {
            sector,
            measure,
            deadline,
            ..
        } => format!(
            "threaten a {} on {} within {deadline} turn(s)",
            measure.label(),
            scn.sector(*sector).name
        ),
        Effect::Lift { sector, measure } => format!(
            "lift the {} on {}",
            measure.label(),
            scn.sector(*sector).name
        ),
        Effect::Track(track, op) => {
            let name = track.map_or("the chosen track".to_owned(), |t| scn.track(t).name.clone());
            match op {
                TrackOp::Propose => format!("propose progress on {name} (answered next turn)"),
                TrackOp::Accept => format!("accept the proposal on {name}"),
                TrackOp::Reject => format!("reject the proposal on {name}"),
                TrackOp::Suspend => format!("suspend {name}"),
                TrackOp::Terminate => format!("terminate {name} for good"),
                TrackOp::Resume => format!("resume {name}"),
                TrackOp::Progress(x) => format!("{name}: progress {}", signed(*x)),
            }
        }
        Effect::BackChannel(x) => format!("back-channel trust {}", signed(*x)),
        Effect::Move(force, path) => format!(
            "{} moves via {}",
            scn.force(*force).name,
            path.iter()
                .map(|r| scn.region(*r).name().to_owned())
                .collect::<Vec<_>>()
                .join(" → ")
        ),
        Effect::Recall(force) => format!("{} returns home", scn.force(*force).name),
        Effect::Activity(region, x) => format!(
            "military activity in {} ({x:.0})",
            region.map_or("the chosen region".to_owned(), |r| scn
                .region(r)
                .name()
                .to_owned())
        ),
        Effect::Scramble(w, n) => format!("{} scrambles {n} times", who(scn, *w, side)),
        Effect::ScrambleAgainst(w, t, n) => format!(
            "{} scrambles {n} times against {}",
            who(scn, *w, side),
            who(scn, *t, side)
        ),
        Effect::CoalitionPackage(x) => format!("coalition expectation +{x:.0}"),
        Effect::Election(w) => format!("election in {}", who(scn, *w, side)),
        Effect::Clash => "armed clash".into(),
    }
}

/// What a signal kind means, for the tooltip.
pub fn signal(kind: SignalKind) -> &'static str {
    match kind {
        SignalKind::CheapTalk => {
            "Cheap talk: costs nothing, so it does not change the other side's belief about your resolve."
        }
        SignalKind::SunkCost => "Sunk cost: paid up front, so it is a credible signal of resolve.",
        SignalKind::TiedHands => {
            "Tied hands: a public commitment; backing down later costs approval (audience costs)."
        }
    }
}

/// The cost line of an action.
pub fn cost(action: &Action) -> String {
    if action.readiness > 0.0 {
        format!(
            "{:.0} PC · {:.0} readiness",
            action.capital, action.readiness
        )
    } else {
        format!("{:.0} PC", action.capital)
    }
}

/// An order written with string ids, in words: the action's name, with its track or region
/// (the ids themselves for what the scenario does not know).
pub fn raw_order(scn: &Scenario, order: &RawOrder) -> String {
    let Ok(built) = scn.resolve_order(order) else {
        return order.action.clone();
    };
    let mut text = scn.action(built.action).name.clone();
    if let Some(t) = built.track {
        text.push_str(&format!(" · {}", scn.track(t).name));
    }
    if let Some(r) = built.region {
        text.push_str(&format!(" · {}", scn.region(r).name()));
    }
    text
}

/// Orders in words, joined with semicolons, or `none` for no orders.
pub fn raw_orders(scn: &Scenario, orders: &[RawOrder], none: &str) -> String {
    if orders.is_empty() {
        return none.to_owned();
    }
    orders
        .iter()
        .map(|o| raw_order(scn, o))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A source by its key: its citation and its address (the key itself when the scenario does not
/// list it).
pub fn source(scn: &Scenario, key: &str) -> (String, Option<String>) {
    scn.sources.iter().find(|s| s.key == key).map_or_else(
        || (key.to_owned(), None),
        |s| (s.citation.clone(), s.url.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_numbers_with_a_real_minus() {
        assert_eq!(signed(2.04), "+2.0");
        assert_eq!(signed(-1.0), "−1.0");
    }
}
