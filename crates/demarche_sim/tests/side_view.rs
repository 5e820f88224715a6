//! A side's view: nothing private of the other side reaches it (private resolve, belief,
//! political capital, audience costs, orders of the current turn, refused orders, private
//! changes), however it is read or serialized, while the owner's own view holds all of it.

mod common;

use demarche_sim::policy::orders_of;
use demarche_sim::report::{Metric, ReportKind};
use demarche_sim::scenario::{Indicator, Order};
use demarche_sim::{ActionId, Game, Scenario, Side, SideView};

/// Marker values planted in the first side's private state; none appears anywhere by chance.
const RESOLVE: f64 = 0.123456789;
const BELIEF: (f64, f64) = (12.3456789, 3.87654321);
const CAPITAL: f64 = 13.5791357;
const AUDIENCE: f64 = 14.2468024;
const MARKERS: [&str; 5] = [
    "0.123456789",
    "12.3456789",
    "3.87654321",
    "13.5791357",
    "14.2468024",
];

/// The JSON a browser would be sent for this side.
fn json(view: &SideView) -> String {
    serde_json::to_string(&view.snapshot()).expect("a side's snapshot serializes to JSON")
}

/// A game whose first side carries the markers in its private state.
fn planted_game() -> Game {
    let scn = common::fixture();
    let mut game = Game::new(scn.clone(), 7);
    let mut state = game.state();
    let first = scn.actor_of(Side::First);
    state.intel.resolve[Side::First.index()] = RESOLVE;
    state.intel.beliefs[Side::First.index()] = BELIEF;
    state.indicators.actors[first.index()][Indicator::Capital.index()] = CAPITAL;
    state.indicators.actors[first.index()][Indicator::AudienceCost.index()] = AUDIENCE;
    game.set_state(state);
    game
}

/// An order `side` can never give: the first action of the other side's that it may not take.
fn foreign_order(scn: &Scenario, side: Side) -> Order {
    let me = scn.actor_of(side);
    let id = (0..scn.actions.len())
        .map(ActionId::from_index)
        .find(|&id| !scn.action(id).actors.contains(&me))
        .expect("an action this side cannot take");
    orders_of(scn, id).remove(0)
}

#[test]
fn the_other_side_sees_none_of_the_planted_private_state() {
    let game = planted_game();
    let theirs = json(&game.side_view(Side::Second));
    let mine = json(&game.side_view(Side::First));
    for marker in MARKERS {
        assert!(
            !theirs.contains(marker),
            "the second side's view holds {marker}"
        );
        assert!(
            mine.contains(marker),
            "the first side's own view lacks {marker}"
        );
    }
    // Read through the view's accessors too, not only its serialized form.
    let scn = game.scenario();
    let first = scn.actor_of(Side::First);
    let view = game.side_view(Side::Second);
    assert_ne!(view.view().intel.resolve[0], RESOLVE);
    assert_ne!(view.view().intel.beliefs[0], BELIEF);
    assert_ne!(view.view().ind.get(first, Indicator::Capital), CAPITAL);
    assert_ne!(
        view.view().ind.get(first, Indicator::AudienceCost),
        AUDIENCE
    );
    assert!(
        view.series(Metric::Actor(first, Indicator::Capital))
            .is_empty()
    );
    assert!(view.series(Metric::Belief(Side::First)).is_empty());
    // What both may see is the same in both views.
    let own = game.side_view(Side::First);
    assert_eq!(view.view().ind.tension, own.view().ind.tension);
    assert_eq!(view.scores(), own.scores());
    assert_eq!(
        view.view().ind.get(first, Indicator::Approval),
        own.view().ind.get(first, Indicator::Approval)
    );
}

#[test]
fn the_other_side_does_not_see_orders_submitted_for_the_current_turn() {
    let mut game = planted_game();
    let scn = game.scenario_arc().clone();
    let order = game.side_view(Side::First).candidates().remove(0);
    let key = format!("\"{}\"", scn.action(order.action).key);
    game.submit(Side::First, vec![order.clone()])
        .expect("an available order");
    let theirs = game.side_view(Side::Second);
    assert!(theirs.submitted().is_empty());
    assert!(
        !json(&theirs).contains(&key),
        "the second side sees the first side's {key}"
    );
    let mine = game.side_view(Side::First);
    assert_eq!(mine.submitted(), std::slice::from_ref(&order));
    assert!(json(&mine).contains(&key));
}

#[test]
fn reports_keep_refused_orders_and_private_changes_with_their_owner() {
    let mut game = planted_game();
    let scn = game.scenario_arc().clone();
    let first = scn.actor_of(Side::First);
    for _ in 0..3 {
        for side in Side::BOTH {
            let mut orders = game.side_view(side).candidates();
            orders.truncate(1);
            orders.push(foreign_order(&scn, side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("a turn");
    }
    let refused_by = |history: &[demarche_sim::report::TurnReport], side: Side| {
        history
            .iter()
            .filter(|r| !r.refused[side.index()].is_empty())
            .count()
            + history
                .iter()
                .flat_map(|r| &r.events)
                .filter(|e| e.kind == ReportKind::Refused && e.actor == Some(scn.actor_of(side)))
                .count()
    };
    let private = |history: &[demarche_sim::report::TurnReport]| {
        history
            .iter()
            .flat_map(|r| &r.changes)
            .filter(|c| {
                matches!(
                    c.metric,
                    Metric::Actor(a, Indicator::Capital | Indicator::AudienceCost) if a == first
                ) || c.metric == Metric::Belief(Side::First)
            })
            .count()
    };
    // The observer's reports hold both: otherwise this test could not fail.
    assert_eq!(refused_by(game.history(), Side::First), 6);
    assert!(private(game.history()) > 0);

    let theirs = game.side_view(Side::Second);
    assert_eq!(refused_by(theirs.history(), Side::First), 0);
    assert_eq!(private(theirs.history()), 0);
    assert_eq!(refused_by(theirs.history(), Side::Second), 6);
    let mine = game.side_view(Side::First);
    assert_eq!(refused_by(mine.history(), Side::First), 6);
    assert_eq!(private(mine.history()), private(game.history()));
    assert_eq!(refused_by(mine.history(), Side::Second), 0);

    // The refused order's reason is in the first side's reports only.
    let refusal = format!("{} cannot take this action", scn.actor(first).name);
    assert!(json(&mine).contains(&refusal));
    assert!(!json(&theirs).contains(&refusal));
    // The first side's resolve never changes, so its marker stays there for it alone.
    assert!(json(&mine).contains(MARKERS[0]));
    assert!(!json(&theirs).contains(MARKERS[0]));
}

#[test]
fn a_snapshot_gives_back_the_state_the_side_sees() {
    let mut game = planted_game();
    for side in Side::BOTH {
        let orders = game.scenario().historical_orders(side, 1).to_vec();
        game.submit_unchecked(side, orders);
    }
    game.resolve().expect("a turn");
    let view = game.side_view(Side::Second);
    let snapshot = view.snapshot();
    assert!(!snapshot.taken.is_empty(), "the record's counts travel");
    let text = serde_json::to_string(&snapshot).expect("JSON");
    let _: demarche_sim::SideSnapshot = serde_json::from_str(&text).expect("JSON reads back");
    // JSON numbers may lose the last bit; RON keeps them exactly.
    let text = ron::to_string(&snapshot).expect("RON");
    let back: demarche_sim::SideSnapshot = ron::from_str(&text).expect("RON reads back");
    assert_eq!(back, snapshot);
    assert_eq!(&back.full_state(), view.state());
}

#[test]
fn the_quick_verdict_is_always_the_checked_one() {
    // `allows` is `check` without the reason written out (for look-aheads); the two must never
    // disagree. Every order of every action, alone and after the side's earlier orders, at
    // every turn of random games of both bundled scenarios and the fixture.
    let mut scenarios = vec![common::fixture()];
    for name in ["japan_russia_2022", "turkey_russia_2015"] {
        scenarios.push(common::load(&common::bundled_root().join(name)));
    }
    let mut refused = 0;
    for scn in scenarios {
        let mut game = Game::new(scn.clone(), 9);
        let mut policies = [
            demarche_sim::policy::builtin("random", 9).unwrap(),
            demarche_sim::policy::builtin("hawk", 10).unwrap(),
        ];
        while !game.is_over() {
            for side in Side::BOTH {
                let view = game.side_view(side);
                let mut earlier: Vec<Order> = Vec::new();
                for a in 0..scn.actions.len() {
                    for order in orders_of(&scn, ActionId::from_index(a)) {
                        for given in [&[][..], &earlier[..]] {
                            let checked = view.check(&order, given);
                            assert_eq!(view.allows(&order, given), checked.is_ok(), "{order:?}");
                            assert_eq!(game.allows(side, &order, given), checked.is_ok());
                            refused += usize::from(checked.is_err());
                        }
                        if view.allows(&order, &earlier) && earlier.len() < 3 {
                            earlier.push(order);
                        }
                    }
                }
                let orders = policies[side.index()].orders(&view);
                game.submit_unchecked(side, orders);
            }
            game.step().expect("turn");
        }
    }
    assert!(refused > 1000, "too few refusals to compare: {refused}");
}
