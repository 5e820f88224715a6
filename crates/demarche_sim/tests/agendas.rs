//! A game that varies: each side draws a hidden agenda (objective weights) and starting
//! indicators within ranges from the seed; a draw is fixed by the seed or by naming the agenda;
//! the other side never sees which agenda was drawn; replays and rewinds keep a named agenda.

mod common;

use demarche_sim::policy::{Leaning, Policy, RuleBased};
use demarche_sim::replay::Replay;
use demarche_sim::scenario::Indicator;
use demarche_sim::{Game, Side};

fn agendas(seed: u64) -> [Option<String>; 2] {
    let game = Game::new(common::fixture(), seed);
    Side::BOTH.map(|s| game.agenda(s).map(str::to_owned))
}

#[test]
fn the_seed_fixes_the_draw_and_seeds_vary_it() {
    assert_eq!(agendas(5), agendas(5));
    let drawn: std::collections::BTreeSet<[Option<String>; 2]> = (0..40).map(agendas).collect();
    assert!(drawn.len() >= 3, "{drawn:?}");
    assert!(drawn.iter().all(|a| a.iter().all(Option::is_some)));
    let scn = common::fixture();
    let ald = scn.names.actors["ALD"];
    for seed in 0..40 {
        let approval = Game::new(scn.clone(), seed)
            .view()
            .ind
            .get(ald, Indicator::Approval);
        assert!((50.0..=60.0).contains(&approval), "seed {seed}: {approval}");
    }
}

#[test]
fn an_agenda_changes_the_weights_and_the_other_side_does_not_see_it() {
    let scn = common::fixture();
    let mut game = Game::new(scn.clone(), 5);
    game.set_agenda(Side::First, Some("league_first"))
        .expect("named");
    game.set_agenda(Side::Second, Some("economy_first"))
        .expect("named");
    let league = scn
        .objectives
        .iter()
        .position(|o| o.key == "ald_league")
        .unwrap();
    let economy = scn
        .objectives
        .iter()
        .position(|o| o.key == "bor_economy")
        .unwrap();
    assert_eq!(game.view().status.weight(&scn, league), 5.0);
    let borenia = game.side_view(Side::Second);
    assert_eq!(
        borenia.view().status.agendas[0],
        None,
        "Aldova's agenda is hidden"
    );
    assert_eq!(
        borenia.view().status.weight(&scn, league),
        scn.objectives[league].weight
    );
    assert_eq!(
        borenia.view().status.weight(&scn, economy),
        5.0,
        "its own it knows"
    );
    let err = game
        .set_agenda(Side::First, Some("leage_first"))
        .expect_err("unknown");
    assert!(err.to_string().contains("league_first"), "{err}");
    assert!(
        game.set_agenda(Side::First, Some("economy_first")).is_err(),
        "Borenia's"
    );
}

#[test]
fn a_named_agenda_survives_replays_and_rewinds() {
    let scn = common::fixture();
    let mut game = Game::new(scn.clone(), 8);
    let drawn = game.agenda(Side::First).map(str::to_owned);
    let other = ["league_first", "energy_first"]
        .into_iter()
        .find(|k| Some(*k) != drawn.as_deref())
        .unwrap();
    game.set_agenda(Side::First, Some(other)).expect("named");
    let mut policies: [Box<dyn Policy>; 2] = [
        Box::new(RuleBased::new(Leaning::Hawk, 8)),
        Box::new(RuleBased::new(Leaning::Dove, 8)),
    ];
    common::play_turns(&mut game, &mut policies, 4);
    assert!(
        game.set_agenda(Side::First, None).is_err(),
        "not after the start"
    );
    let replay = Replay::of_game(&game).expect("the orders are known");
    assert_eq!(replay.agendas[0].as_deref(), Some(other));
    let (again, mismatches) = replay.replay(scn.clone()).expect("replays");
    assert!(mismatches.is_empty(), "{mismatches:?}");
    assert_eq!(again.agenda(Side::First), Some(other));
    let branch = game.branch_at(2).expect("a branch");
    assert_eq!(branch.agenda(Side::First), Some(other));
}
