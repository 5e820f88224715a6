//! A teacher's injects: fired in their turn or the first turn their condition holds (each once,
//! where dated events fire), reported as injects, with the scenario's effects; a decision they
//! put to a side is answered, or not, by that side's next orders.

use super::Ctx;
use super::effects::{Origin, apply_all, regions_of};
use crate::report::{Cause, Provenance, ReportEvent, ReportKind};
use crate::scenario::{Inject, Visibility};
use crate::state::PendingDecision;

/// Fires the injects due this turn, in the book's order.
pub fn fire_due(ctx: &mut Ctx, book: &[&Inject]) {
    let turn = ctx.turn();
    for inject in book.iter().copied() {
        if ctx.record.injected.binary_search(&inject.key).is_ok() {
            continue;
        }
        let due = match (inject.turn, &inject.when) {
            (Some(t), _) => t == turn,
            (None, Some(condition)) => ctx.view().holds(condition, inject.actor),
            (None, None) => false,
        };
        if due {
            fire(ctx, inject);
        }
    }
}

fn fire(ctx: &mut Ctx, inject: &Inject) {
    let scn = ctx.scn;
    if let Err(i) = ctx.record.injected.binary_search(&inject.key) {
        ctx.record.injected.insert(i, inject.key.clone());
    }
    ctx.log.say(ReportEvent {
        id: format!("inject:{}", inject.key),
        text: format!("{}: {}", inject.title, inject.text),
        actor: inject.actor,
        kind: ReportKind::Inject,
        visibility: Visibility::Public,
        concepts: inject.concepts.clone(),
        mid: None,
        regions: regions_of(scn, &inject.effects, None),
        provenance: Provenance::Inject,
    });
    let cause = Cause {
        source: format!("inject:{}", inject.key),
        text: inject.title.clone(),
    };
    let origin = Origin {
        actor: inject.actor,
        ..Origin::default()
    };
    apply_all(ctx, &inject.effects, origin, &cause);
    if let Some(decision) = &inject.decision
        && let Some(side) = scn.side_of(decision.side)
    {
        let options: Vec<String> = decision
            .options
            .iter()
            .map(|a| format!("\"{}\"", scn.action(*a).name))
            .collect();
        ctx.log.consequence(
            &format!("decision:{}", inject.key),
            format!(
                "{} is asked: {} It answers with its next orders ({}).",
                scn.actor(decision.side).name,
                decision.question,
                options.join(" or ")
            ),
            Some(decision.side),
        );
        ctx.record.decisions.push(PendingDecision {
            inject: inject.key.clone(),
            side,
            question: decision.question.clone(),
            options: decision.options.clone(),
            asked: ctx.turn(),
        });
    }
}

/// Settles the decisions asked in an earlier turn against the orders carried out this turn:
/// the report says which option the side chose, or that it chose none.
pub fn settle_decisions(ctx: &mut Ctx) {
    let turn = ctx.turn();
    let scn = ctx.scn;
    let (due, waiting): (Vec<PendingDecision>, Vec<PendingDecision>) =
        std::mem::take(&mut ctx.record.decisions)
            .into_iter()
            .partition(|d| d.asked < turn);
    ctx.record.decisions = waiting;
    for d in due {
        let actor = scn.actor_of(d.side);
        let chosen = ctx.log.accepted[d.side.index()]
            .iter()
            .find(|o| d.options.contains(&o.action))
            .map(|o| scn.action(o.action).name.clone());
        let name = &scn.actor(actor).name;
        let text = match chosen {
            Some(action) => format!("{name} answers \"{}\": {action}.", d.question),
            None => format!("{name} leaves \"{}\" unanswered.", d.question),
        };
        ctx.log
            .consequence(&format!("answer:{}", d.inject), text, Some(actor));
    }
}
