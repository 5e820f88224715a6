//! The test fixture itself: it carries every kind of effect, track operation, signal, target and
//! event timing the engine knows (so the engine's tests exercise them all), its record plays
//! without a refusal, and it plays to its end with every built-in policy.

mod common;

use std::collections::BTreeSet;

use demarche_sim::policy::{self, Historical, Leaning, Policy, RuleBased};
use demarche_sim::scenario::{Effect, SignalKind, Target, TrackOp, When};
use demarche_sim::{Game, Side};

/// The name of an effect's kind. Exhaustive on purpose: a new kind of effect must be named here,
/// and then the fixture must use it.
fn effect_kind(effect: &Effect) -> &'static str {
    match effect {
        Effect::Adjust(..) => "Adjust",
        Effect::Tension(_) => "Tension",
        Effect::Relation(..) => "Relation",
        Effect::Impose { .. } => "Impose",
        Effect::Threaten { .. } => "Threaten",
        Effect::Lift { .. } => "Lift",
        Effect::Track(..) => "Track",
        Effect::BackChannel(_) => "BackChannel",
        Effect::Move(..) => "Move",
        Effect::Recall(_) => "Recall",
        Effect::Activity(..) => "Activity",
        Effect::Scramble(..) => "Scramble",
        Effect::ScrambleAgainst(..) => "ScrambleAgainst",
        Effect::CoalitionPackage(_) => "CoalitionPackage",
        Effect::Election(_) => "Election",
        Effect::Clash => "Clash",
    }
}

const EFFECT_KINDS: [&str; 16] = [
    "Adjust",
    "Tension",
    "Relation",
    "Impose",
    "Threaten",
    "Lift",
    "Track",
    "BackChannel",
    "Move",
    "Recall",
    "Activity",
    "Scramble",
    "ScrambleAgainst",
    "CoalitionPackage",
    "Election",
    "Clash",
];

/// The name of a track operation (exhaustive, like [`effect_kind`]).
fn track_op(op: &TrackOp) -> &'static str {
    match op {
        TrackOp::Propose => "Propose",
        TrackOp::Accept => "Accept",
        TrackOp::Reject => "Reject",
        TrackOp::Suspend => "Suspend",
        TrackOp::Terminate => "Terminate",
        TrackOp::Resume => "Resume",
        TrackOp::Progress(_) => "Progress",
    }
}

const TRACK_OPS: [&str; 7] = [
    "Propose",
    "Accept",
    "Reject",
    "Suspend",
    "Terminate",
    "Resume",
    "Progress",
];

/// Every effect the fixture holds: in actions, events, tracks and rungs.
fn all_effects(scn: &demarche_sim::Scenario) -> Vec<&Effect> {
    let actions = scn.actions.iter().flat_map(|a| &a.effects);
    let events = scn.events.iter().flat_map(|e| &e.effects);
    let tracks = scn
        .tracks
        .iter()
        .flat_map(|t| t.on_halt.iter().chain(&t.while_active));
    let rungs = scn.ladder.iter().flat_map(|r| &r.on_reach);
    actions.chain(events).chain(tracks).chain(rungs).collect()
}

#[test]
fn the_fixture_carries_every_kind_of_effect_and_track_operation() {
    let scn = common::fixture();
    let effects = all_effects(&scn);
    let kinds: BTreeSet<&str> = effects.iter().map(|e| effect_kind(e)).collect();
    for kind in EFFECT_KINDS {
        assert!(kinds.contains(kind), "no `{kind}` effect in the fixture");
    }
    let ops: BTreeSet<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Track(_, op) => Some(track_op(op)),
            _ => None,
        })
        .collect();
    for op in TRACK_OPS {
        assert!(
            ops.contains(op),
            "no `Track(_, {op})` effect in the fixture"
        );
    }
    // The incident that ends the game on a clash, and the outcome that catches every other end.
    assert!(scn.events.iter().any(|e| {
        matches!(e.when, When::Incident(_)) && e.effects.iter().any(|x| matches!(x, Effect::Clash))
    }));
    assert!(
        scn.outcomes
            .last()
            .is_some_and(|o| matches!(o.condition, demarche_sim::scenario::Condition::Always))
    );
}

#[test]
fn the_fixture_carries_every_signal_target_and_event_timing() {
    let scn = common::fixture();
    for signal in [
        SignalKind::CheapTalk,
        SignalKind::SunkCost,
        SignalKind::TiedHands,
    ] {
        assert!(
            scn.actions.iter().any(|a| a.signal == signal),
            "no {signal:?} action"
        );
    }
    for category in demarche_sim::scenario::Category::ALL {
        assert!(
            scn.actions.iter().any(|a| a.category == category),
            "no {category:?} action"
        );
    }
    let target = |t: &Target| match t {
        Target::Nothing => 0,
        Target::Track(_) => 1,
        Target::Region(_) => 2,
    };
    let targets: BTreeSet<u8> = scn.actions.iter().map(|a| target(&a.target)).collect();
    assert_eq!(targets.len(), 3, "actions with each kind of target");
    let when = |w: &When| match w {
        When::Dated(_) => 0,
        When::Random { .. } => 1,
        When::Incident(_) => 2,
    };
    let timings: BTreeSet<u8> = scn.events.iter().map(|e| when(&e.when)).collect();
    assert_eq!(timings.len(), 3, "dated, random and incident events");
    assert!(
        scn.tracks.iter().any(|t| !t.requires_active.is_empty()),
        "a track that needs another"
    );
    for side in Side::BOTH {
        assert!(scn.has_record(side), "{side:?} has a record");
    }
}

/// Plays a whole game of the fixture with one policy per side.
fn play(seed: u64, policies: &mut [Box<dyn Policy>; 2]) -> Game {
    let mut game = Game::new(common::fixture(), seed);
    while !game.is_over() {
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("turn");
    }
    game
}

#[test]
fn the_fixtures_record_plays_without_a_refusal() {
    let scn = common::fixture();
    let game = play(
        scn.meta.default_seed,
        &mut [Box::new(Historical), Box::new(Historical)],
    );
    common::assert_played_to_the_end_without_a_refusal(&game);
}

#[test]
fn the_fixture_plays_to_its_end_with_every_builtin_policy() {
    for name in ["historical", "random", "hawk", "dove"] {
        for seed in 1..=3 {
            let mut policies = [
                policy::builtin(name, seed).unwrap(),
                policy::builtin(name, seed + 1).unwrap(),
            ];
            let game = play(seed, &mut policies);
            assert!(
                game.view().status.ended.is_some(),
                "{name}, seed {seed}: the game has an outcome"
            );
        }
    }
}

#[test]
fn the_record_counts_the_orders_that_follow_the_record() {
    let scn = common::fixture();
    let game = play(
        scn.meta.default_seed,
        &mut [Box::new(Historical), Box::new(Historical)],
    );
    let view = game.view();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let taken = view.record.orders_taken(actor);
        assert!(taken > 10, "{side:?} carried out {taken} orders");
        assert_eq!(
            view.record.times_on_record(actor),
            taken,
            "every order of the historical run is the record's"
        );
    }

    // Other conduct is counted off the record.
    let mut game = Game::new(scn.clone(), scn.meta.default_seed);
    let mut hawk = RuleBased::new(Leaning::Hawk, 3);
    while game.turn() <= 6 && !game.is_over() {
        for side in Side::BOTH {
            let orders = hawk.orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("turn");
    }
    let view = game.view();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        assert!(
            view.record.times_on_record(actor) * 2 < view.record.orders_taken(actor),
            "{side:?}: {} of {} on the record",
            view.record.times_on_record(actor),
            view.record.orders_taken(actor)
        );
    }
}
