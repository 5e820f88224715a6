//! Saves and replays that can grow: files written by version 1 (main's build before issue 9,
//! kept in `tests/data/v1/`) still load and play on; version-2 saves carry each turn's orders, so
//! a loaded game rebuilds its earlier turns with the recorded hashes; newer or unknown versions
//! are refused with a clear message.

mod common;

use std::path::{Path, PathBuf};

use demarche_sim::hash::StateHash;
use demarche_sim::policy::{Historical, Policy, RandomPolicy};
use demarche_sim::replay::{REPLAY_VERSION, Replay};
use demarche_sim::save::{SAVE_VERSION, SaveFile};
use demarche_sim::{Game, GameError, Side};

fn v1(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/v1")
        .join(name)
}

/// The 2022 scenario as it was when the version-1 files were written (its own copy, with the
/// rules of that time in its `rules.ron`), loaded once.
fn v1_scenario() -> std::sync::Arc<demarche_sim::Scenario> {
    static SCENARIO: std::sync::OnceLock<std::sync::Arc<demarche_sim::Scenario>> =
        std::sync::OnceLock::new();
    SCENARIO
        .get_or_init(|| common::load(&v1("japan_russia_2022")))
        .clone()
}

/// Plays `turns` turns with the historical record for Japan and a random Russia.
fn play_on(game: &mut Game, turns: u32) -> Vec<StateHash> {
    let mut policies: [Box<dyn Policy>; 2] = [Box::new(Historical), Box::new(RandomPolicy::new(9))];
    common::play_turns(game, &mut policies, turns)
}

#[test]
fn a_version_1_save_loads_migrated_and_plays_on() {
    let path = v1("save_turn6.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("version: 1,"),
        "the fixture is a version-1 save"
    );
    let save = SaveFile::read(&path).expect("a version-1 save reads");
    assert_eq!(save.version, SAVE_VERSION);
    assert_eq!(save.turn_orders, None, "version 1 kept no orders");
    let recorded: Vec<StateHash> = save.history.iter().map(|r| r.hash).collect();
    let mut game = save.restore(v1_scenario(), &path).expect("it restores");
    assert_eq!(game.turn(), 7);
    assert_eq!(game.hash(), *recorded.last().unwrap());

    // The same game, rebuilt from the version-1 replay of its first six turns.
    let replay = Replay::read(&v1("replay_turn6.ron")).expect("a version-1 replay reads");
    let (hashes, mismatches) = replay.verify(v1_scenario()).expect("it verifies");
    assert!(mismatches.is_empty(), "{mismatches:?}");
    assert_eq!(hashes.iter().map(|(_, h)| *h).collect::<Vec<_>>(), recorded);
    let mut rebuilt = Game::new(v1_scenario(), replay.seed);
    for turn in &replay.turns {
        for side in Side::BOTH {
            let orders = turn.orders[side.index()]
                .iter()
                .map(|raw| rebuilt.scenario().resolve_order(raw).unwrap())
                .collect();
            rebuilt.submit_unchecked(side, orders);
        }
        rebuilt.step().unwrap();
    }

    // Both play on alike.
    assert_eq!(play_on(&mut game, 4), play_on(&mut rebuilt, 4));
    // The loaded game knows no orders before it was saved: its earlier turns cannot be rebuilt.
    let error = game.state_at(3).expect_err("turn 3 is before the save");
    assert!(
        matches!(error, GameError::PastUnknown { turn: 3 }),
        "{error}"
    );
    assert!(error.to_string().contains("version-1 save"), "{error}");
    // The turns played since are.
    assert_eq!(game.state_at(9).unwrap().hash(), game.history()[7].hash);
}

#[test]
fn version_1_replays_verify_with_their_recorded_hashes() {
    for name in ["replay_turn6.ron", "replay_full.ron"] {
        let path = v1(name);
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("version: 1,")
        );
        let replay = Replay::read(&path).expect("a version-1 replay reads");
        assert_eq!(replay.version, REPLAY_VERSION);
        assert!(replay.settings.is_empty());
        let (hashes, mismatches) = replay.verify(v1_scenario()).expect("it verifies");
        assert!(mismatches.is_empty(), "{name}: {mismatches:?}");
        assert_eq!(hashes.len(), replay.turns.len());
        for ((turn, hash), recorded) in hashes.iter().zip(&replay.turns) {
            assert_eq!(*turn, recorded.turn);
            assert_eq!(hash.to_string(), recorded.hash);
        }
    }
}

#[test]
fn a_version_2_save_rebuilds_every_earlier_turn_after_loading() {
    let mut game = Game::new(common::scenario(), 21);
    play_on(&mut game, 6);
    game.submit_unchecked(Side::First, Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&path)
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 2,"));
    assert!(text.contains("turn_orders: Some("));

    let loaded = SaveFile::read(&path)
        .unwrap()
        .restore(common::scenario(), &path)
        .unwrap();
    assert_eq!(loaded.turn_orders(), game.turn_orders());
    // No snapshot of this process: every earlier turn is rebuilt by replaying the saved orders,
    // and each must give the hash the saved history recorded.
    assert_eq!(
        loaded.state_at(1).unwrap(),
        Game::new(common::scenario(), 21).state()
    );
    for turn in 2..=7 {
        assert_eq!(
            loaded.state_at(turn).expect("rebuilt").hash(),
            loaded.history()[turn as usize - 2].hash,
            "turn {turn}"
        );
    }
}

#[test]
fn a_save_whose_orders_do_not_lead_to_its_history_is_caught_on_rewind() {
    let mut game = Game::new(common::scenario(), 21);
    play_on(&mut game, 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.save.ron");
    let mut save = SaveFile::of(&game, Default::default());
    let turns = save.turn_orders.as_mut().unwrap();
    turns[0].orders = [Vec::new(), Vec::new()];
    save.write(&path).unwrap();
    let loaded = SaveFile::read(&path)
        .unwrap()
        .restore(common::scenario(), &path)
        .unwrap();
    let error = loaded.state_at(3).expect_err("edited orders");
    assert!(
        matches!(error, GameError::Diverged { turn: 1, .. }),
        "{error}"
    );

    // Orders that do not cover every turn are refused when loading.
    let mut save = SaveFile::of(&game, Default::default());
    save.turn_orders.as_mut().unwrap().pop();
    save.write(&path).unwrap();
    let error = SaveFile::read(&path)
        .unwrap()
        .restore(common::scenario(), &path)
        .err()
        .expect("missing a turn")
        .to_string();
    assert!(error.contains("do not cover turns 1 to 3"), "{error}");
}

#[test]
fn newer_and_unknown_versions_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let game = Game::new(common::scenario(), 1);
    let save = dir.path().join("s.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&save)
        .unwrap();
    let text = std::fs::read_to_string(&save).unwrap();
    // A newer save, with a field this build has never heard of.
    let newer = text.replacen("version: 2,", "version: 3,", 1).replacen(
        "seed:",
        "future_field: 1,\n seed:",
        1,
    );
    std::fs::write(&save, newer).unwrap();
    let error = SaveFile::read(&save).unwrap_err().to_string();
    assert!(error.contains("save format version 3 is newer"), "{error}");
    assert!(error.contains("versions 1 to 2"), "{error}");
    std::fs::write(&save, text.replacen("version: 2,", "version: 0,", 1)).unwrap();
    let error = SaveFile::read(&save).unwrap_err().to_string();
    assert!(
        error.contains("save format version 0 is not a version"),
        "{error}"
    );

    let replay = dir.path().join("r.replay.ron");
    Replay::start(game.scenario(), 1).write(&replay).unwrap();
    let text = std::fs::read_to_string(&replay).unwrap();
    assert!(text.contains("version: 2,"));
    std::fs::write(
        &replay,
        text.replacen("version: 2,", "version: 7,", 1)
            .replacen("seed:", "players: {},\n seed:", 1),
    )
    .unwrap();
    let error = Replay::read(&replay).unwrap_err().to_string();
    assert!(
        error.contains("replay format version 7 is newer"),
        "{error}"
    );
}

#[test]
fn the_current_scenario_refuses_a_version_1_save_with_a_reason() {
    // Version 2 of the 2022 files plays by other rules (gestures wear), so its version-1 saves
    // belong to the frozen copy, and the current files say why they refuse one.
    let path = v1("save_turn6.ron");
    let save = SaveFile::read(&path).expect("a version-1 save reads");
    let Err(error) = save.restore(common::scenario(), &path) else {
        panic!("the current files took a version-1 save");
    };
    assert!(
        error
            .to_string()
            .contains("different version of the scenario"),
        "{error}"
    );
}
