//! A short soak: rule-based and AI games with the invariants checked after every turn and a
//! save/load round trip in each game (`demarche soak` runs the full count).

use std::path::Path;
use std::sync::Arc;

use demarche_cli::commands::soak::{PAIRS, soak_one};

#[test]
fn games_keep_their_invariants_and_saves_play_on_like_the_straight_game() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/japan_russia_2022");
    let scn = Arc::new(
        demarche_sim::load(&dir)
            .expect("the bundled scenario")
            .scenario,
    );
    let mut turns = 0;
    for i in 0..24u64 {
        let names = PAIRS[i as usize % PAIRS.len()].map(str::to_owned);
        let soaked = soak_one(&scn, 1000 + i, &names).unwrap_or_else(|why| panic!("{why}"));
        assert_eq!(soaked.turns, soaked.checks);
        turns += soaked.turns;
    }
    let ai = ["ai:realist:easy".to_owned(), "random".to_owned()];
    turns += soak_one(&scn, 77, &ai)
        .unwrap_or_else(|why| panic!("{why}"))
        .turns;
    assert!(turns > 24 * 5, "the games were played: {turns} turns");
}

#[test]
fn broken_states_are_named_field_by_field() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/japan_russia_2022");
    let scn = demarche_sim::load(&dir)
        .expect("the bundled scenario")
        .scenario;
    let game = demarche_sim::Game::new(Arc::new(scn.clone()), 5);
    let sound = game.state();
    assert!(demarche_sim::invariants::check(&scn, &sound).is_empty());

    let mut state = sound.clone();
    state.indicators.tension = f64::NAN;
    state.military.rung = 200;
    state.clock.turn = 0;
    state.sanctions.flow_open[0] = 1.5;
    let fields: Vec<String> = demarche_sim::invariants::check(&scn, &state)
        .into_iter()
        .map(|b| b.field)
        .collect();
    for expected in [
        "indicators.tension",
        "military.rung",
        "clock.turn",
        "sanctions.flow_open[0]",
    ] {
        assert!(
            fields.iter().any(|f| f == expected),
            "{expected} in {fields:?}"
        );
    }

    let mut short = sound;
    short.military.forces.pop();
    let broken = demarche_sim::invariants::check(&scn, &short);
    assert_eq!(broken.len(), 1, "a wrong table size stops the other checks");
    assert_eq!(broken[0].field, "military.forces");
}
