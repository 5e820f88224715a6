//! Domestic politics: approval answers economic pain, energy prices, rally effects and audience
//! costs; hawks and doves push back on what the government does; elections follow approval.

use super::Ctx;
use crate::ids::*;
use crate::report::Cause;
use crate::scenario::{Indicator, Stance};

/// What hawks and doves at home make of an action: approval moves with the balance of the two.
pub fn stance_reaction(ctx: &mut Ctx, actor: ActorId, stance: Stance, name: &str) {
    let hawks = ctx.ind.get(actor, Indicator::Hawks);
    let doves = ctx.ind.get(actor, Indicator::Doves);
    let balance = match stance {
        Stance::Hawkish => (hawks - doves) / 100.0,
        Stance::Dovish => (doves - hawks) / 100.0,
        Stance::Neutral => return,
    };
    let amount = balance * ctx.scn.params.stance_effect;
    let cause = ctx.log.cause_with(|| {
        let (who, verb) = match (stance == Stance::Hawkish, balance >= 0.0) {
            (true, true) => ("hawks", "welcome"),
            (false, true) => ("doves", "welcome"),
            (true, false) => ("doves", "object to"),
            (false, false) => ("hawks", "object to"),
        };
        Cause::rule("stance", format!("{who} {verb} \"{name}\""))
    });
    ctx.adjust(actor, Indicator::Approval, amount, &cause);
}

/// A public commitment: the audience-cost meter rises (tying hands).
pub fn commit(ctx: &mut Ctx, actor: ActorId, name: &str) {
    let Some(setup) = ctx.scn.actor(actor).side.as_ref() else {
        return;
    };
    let amount = ctx.scn.params.audience_per_commitment * setup.sensitivity.audience;
    let cause = ctx
        .log
        .cause_with(|| Cause::rule("audience_costs", format!("public commitment: \"{name}\"")));
    ctx.adjust(actor, Indicator::AudienceCost, amount, &cause);
}

/// Backing down: approval pays in proportion to the audience-cost meter, which then halves, and
/// the other side learns something about resolve.
pub fn backdown(ctx: &mut Ctx, actor: ActorId, what: &str) {
    let meter = ctx.ind.get(actor, Indicator::AudienceCost);
    let cost = meter * ctx.scn.params.backdown_factor;
    let cause = Cause::rule("backdown", format!("backing down: {what}"));
    ctx.adjust(actor, Indicator::Approval, -cost, &cause);
    let relief = ctx.scn.params.audience_relief_divisor;
    ctx.adjust(actor, Indicator::AudienceCost, -meter / relief, &cause);
    if let Some(side) = ctx.scn.side_of(actor) {
        ctx.log.backdowns[side.index()] += 1;
    }
    ctx.log.consequence_with(
        "backdown",
        || format!("{}: {what}.", ctx.scn.actor(actor).name),
        Some(actor),
    );
}

/// An election: won above the threshold (capital, a fresh mandate), lost below (capital lost,
/// doves stronger).
pub fn election(ctx: &mut Ctx, actor: ActorId) {
    let approval = ctx.ind.get(actor, Indicator::Approval);
    let name = ctx.scn.actor(actor).name.clone();
    if approval >= ctx.scn.params.election_threshold {
        let cause = Cause::rule("election", format!("{name}'s government wins the election"));
        let p = &ctx.scn.params;
        let (capital, relief, approval_gain) = (
            p.election_capital,
            p.audience_relief_divisor,
            p.election_approval,
        );
        ctx.adjust(actor, Indicator::Capital, capital, &cause);
        let meter = ctx.ind.get(actor, Indicator::AudienceCost);
        ctx.adjust(actor, Indicator::AudienceCost, -meter / relief, &cause);
        ctx.adjust(actor, Indicator::Approval, approval_gain, &cause);
        ctx.log.headline_with(|| {
            format!("{name}: the government wins the election with {approval:.0}% approval.")
        });
    } else {
        let cause = Cause::rule(
            "election",
            format!("{name}'s government loses ground in the election"),
        );
        let p = &ctx.scn.params;
        let (capital, doves) = (p.election_capital, p.election_doves);
        ctx.adjust(actor, Indicator::Capital, -capital, &cause);
        ctx.adjust(actor, Indicator::Doves, doves, &cause);
        ctx.log.headline_with(|| {
            format!(
                "{name}: the government loses ground in the election ({approval:.0}% approval)."
            )
        });
    }
}

/// The domestic step of a turn, for both sides, then the dyad's tension.
pub fn update(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let p = &scn.params;
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let Some(setup) = scn.actor(actor).side.as_ref() else {
            continue;
        };
        let s = setup.sensitivity;
        let i = side.index();
        let resolve = ctx.intel.resolve[i];
        let pain = ctx.log.pain[i];
        if pain > 0.0 {
            let amount = -pain
                * p.pain_to_approval
                * s.pain
                * (p.pain_resolve_base - p.pain_resolve_relief * resolve);
            ctx.adjust(
                actor,
                Indicator::Approval,
                amount,
                &ctx.because("economic_pain", "economic pain from sanctions"),
            );
        }
        let stress = ctx.ind.get(actor, Indicator::EnergyStress);
        if stress > p.energy_stress_threshold {
            let amount = -(stress - p.energy_stress_threshold) / p.energy_stress_step
                * p.energy_to_approval
                * s.energy;
            ctx.adjust(
                actor,
                Indicator::Approval,
                amount,
                &ctx.because("energy_prices", "high energy prices"),
            );
        }
        let provocations = ctx.log.provocations[i];
        if provocations > 0.0 {
            let rally = (provocations * p.rally_per_provocation * s.rally).min(p.rally_cap);
            ctx.adjust(
                actor,
                Indicator::Approval,
                rally,
                &ctx.because(
                    "rally",
                    "rally round the flag against the other side's moves",
                ),
            );
            ctx.adjust(
                actor,
                Indicator::Hawks,
                p.hawks_per_provocation * provocations,
                &ctx.because("provocations", "the other side's provocations"),
            );
        }
        if pain > 0.0 || stress > p.energy_stress_threshold {
            let amount = p.doves_per_pain * pain
                + p.doves_per_stress * (stress - p.energy_stress_threshold).max(0.0);
            ctx.adjust(
                actor,
                Indicator::Doves,
                amount,
                &ctx.because("pain_doves", "the costs of confrontation"),
            );
        }
        let drift = ctx.because("drift", "pressures fade over time");
        for indicator in [Indicator::Hawks, Indicator::Doves] {
            let v = ctx.ind.get(actor, indicator);
            let start = scn.actor(actor).start_indicators()[indicator.index()];
            ctx.adjust(actor, indicator, p.pressure_drift * (start - v), &drift);
        }
        let meter = ctx.ind.get(actor, Indicator::AudienceCost);
        ctx.adjust(
            actor,
            Indicator::AudienceCost,
            -meter * p.audience_decay,
            &ctx.because("audience_decay", "commitments fade from memory"),
        );
        let approval = ctx.ind.get(actor, Indicator::Approval);
        ctx.adjust(
            actor,
            Indicator::Approval,
            p.approval_drift * (setup.approval_baseline - approval),
            &ctx.because("approval_drift", "opinion drifts back to its baseline"),
        );
        ctx.adjust(
            actor,
            Indicator::EnergyStress,
            -stress * p.energy_decay,
            &ctx.because("energy_adaptation", "markets adapt"),
        );
    }
    for (a, spec) in scn.actors.iter().enumerate() {
        let actor = ActorId::from_index(a);
        let economy = ctx.ind.get(actor, Indicator::Economy);
        let start = spec.start_indicators()[Indicator::Economy.index()];
        if economy < start {
            ctx.adjust(
                actor,
                Indicator::Economy,
                p.economy_recovery * (start - economy),
                &ctx.because("recovery", "the economy adjusts"),
            );
        }
        let readiness = ctx.ind.get(actor, Indicator::Readiness);
        let base = spec.start_indicators()[Indicator::Readiness.index()];
        if readiness < base {
            ctx.adjust(
                actor,
                Indicator::Readiness,
                p.readiness_recovery.min(base - readiness),
                &ctx.because("readiness", "forces rest and refit"),
            );
        }
    }
    let tension = ctx.ind.tension;
    if tension > p.tension_floor {
        ctx.tension(
            -p.tension_decay * (tension - p.tension_floor),
            &ctx.because("tension_decay", "tension subsides without new incidents"),
        );
    }
}

/// Political capital for the next turn: income scaled by approval, up to the cap.
pub fn income(ctx: &mut Ctx) {
    let scn = ctx.scn;
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let Some(setup) = scn.actor(actor).side.as_ref() else {
            continue;
        };
        let approval = ctx.ind.get(actor, Indicator::Approval);
        let p = &scn.params;
        let amount =
            setup.capital_per_turn * (p.income_base + p.income_per_approval * approval / 100.0);
        let cause = ctx.log.cause_with(|| {
            Cause::rule(
                "income",
                format!("political capital at {approval:.0}% approval"),
            )
        });
        ctx.adjust(actor, Indicator::Capital, amount, &cause);
    }
}
