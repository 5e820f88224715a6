//! The state at the start of any resolved turn, and branches: a branch plays other orders from
//! an earlier turn without touching the original, and is itself reproducible.

mod common;

use demarche_sim::policy::{Leaning, Policy, RandomPolicy, RuleBased};
use demarche_sim::{Game, GameError};

use common::play_turns as play;

fn hawk_and_dove(seed: u64) -> [Box<dyn Policy>; 2] {
    [
        Box::new(RuleBased::new(Leaning::Hawk, seed)),
        Box::new(RuleBased::new(Leaning::Dove, seed)),
    ]
}

fn random_pair(seed: u64) -> [Box<dyn Policy>; 2] {
    [
        Box::new(RandomPolicy::new(seed)),
        Box::new(RandomPolicy::new(seed ^ 1)),
    ]
}

#[test]
fn the_state_at_each_turn_is_the_one_its_previous_report_hashed() {
    let mut game = Game::new(common::fixture(), 3);
    let hashes = play(&mut game, &mut hawk_and_dove(3), 8);
    assert_eq!(game.state_at(1).expect("turn 1"), {
        let fresh = Game::new(common::fixture(), 3);
        fresh.state()
    });
    for turn in 2..=9 {
        let state = game.state_at(turn).expect("a resolved turn");
        assert_eq!(state.clock.turn, turn);
        assert_eq!(state.hash(), hashes[turn as usize - 2], "turn {turn}");
    }
    assert!(matches!(
        game.state_at(10),
        Err(GameError::NoSuchTurn { turn: 10, now: 9 })
    ));
    assert!(matches!(
        game.state_at(0),
        Err(GameError::NoSuchTurn { .. })
    ));
}

#[test]
fn a_branch_plays_other_orders_and_leaves_the_original_alone() {
    let mut game = Game::new(common::fixture(), 5);
    let original = play(&mut game, &mut hawk_and_dove(5), 8);
    let state_before = game.state();

    let mut branch = game.branch_at(5).expect("a branch at turn 5");
    assert_eq!(branch.turn(), 5);
    assert_eq!(branch.history().len(), 4);
    assert_eq!(branch.history(), &game.history()[..4]);
    let other = play(&mut branch, &mut random_pair(99), 4);
    assert_ne!(other, original[4..8], "other orders, another course");

    // The original is untouched.
    assert_eq!(game.state(), state_before);
    assert_eq!(
        game.history().iter().map(|r| r.hash).collect::<Vec<_>>(),
        original
    );

    // The branch is reproducible.
    let mut again = game.branch_at(5).expect("the same branch");
    assert_eq!(play(&mut again, &mut random_pair(99), 4), other);
    // And it has a past of its own to rewind.
    assert_eq!(
        branch.state_at(5).expect("its start"),
        game.state_at(5).unwrap()
    );
    assert_eq!(branch.state_at(7).unwrap().hash(), other[1]);
}

#[test]
fn rewinding_replays_the_recorded_orders_when_no_snapshot_is_kept() {
    let mut game = Game::new(common::fixture(), 8);
    let hashes = play(&mut game, &mut random_pair(8), 6);
    // A game resumed with its orders but without the snapshots of this process.
    let resumed = Game::resume_with_orders(
        game.scenario_arc().clone(),
        game.seed(),
        game.state(),
        game.history().to_vec(),
        game.turn_orders().map(<[_]>::to_vec),
    );
    for turn in 2..=7 {
        assert_eq!(
            resumed.state_at(turn).expect("replayed").hash(),
            hashes[turn as usize - 2]
        );
    }
    // Without its orders, only the current turn is known.
    let bare = Game::resume(
        game.scenario_arc().clone(),
        game.seed(),
        game.state(),
        game.history().to_vec(),
    );
    assert_eq!(bare.state_at(7).expect("now"), game.state());
    assert!(matches!(
        bare.state_at(3),
        Err(GameError::PastUnknown { turn: 3 })
    ));
}

#[test]
fn a_replay_that_diverges_from_the_reports_is_refused() {
    let mut game = Game::new(common::fixture(), 8);
    play(&mut game, &mut random_pair(8), 4);
    let mut orders = game.turn_orders().expect("known orders").to_vec();
    orders[1] = [Vec::new(), Vec::new()];
    orders[0][0].clear();
    orders[0][1].clear();
    let resumed = Game::resume_with_orders(
        game.scenario_arc().clone(),
        game.seed(),
        game.state(),
        game.history().to_vec(),
        Some(orders),
    );
    let error = resumed.state_at(4).expect_err("other orders, other hashes");
    assert!(
        matches!(error, GameError::Diverged { turn: 1, .. }),
        "{error}"
    );
}

#[test]
fn a_stopped_game_is_over_without_an_ending_and_keeps_its_stop_in_a_save() {
    let mut game = Game::new(common::fixture(), 3);
    game.stop_after(Some(4));
    let hashes = play(&mut game, &mut hawk_and_dove(3), 4);
    assert!(game.is_over() && game.stopped() && game.outcome().is_none());
    assert_eq!(game.last_turn(), 4);
    assert!(game.resolve().is_err(), "no fifth turn");
    let mut plain = Game::new(common::fixture(), 3);
    assert_eq!(
        play(&mut plain, &mut hawk_and_dove(3), 4),
        hashes,
        "a stop changes no hash"
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("stopped.save.ron");
    demarche_sim::save::SaveFile::of(&game, Default::default())
        .write(&path)
        .expect("saved");
    let restored = demarche_sim::save::SaveFile::read(&path)
        .expect("read")
        .restore(common::fixture(), &path)
        .expect("restored");
    assert!(restored.stopped());
    assert_eq!(restored.stop_turn(), Some(4));
}
