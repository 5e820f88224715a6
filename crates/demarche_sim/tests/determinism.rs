//! The determinism contract: same scenario, seed and orders give the same hashes; saves and
//! replays reproduce the straight game exactly.

mod common;

use demarche_sim::policy::{self, Policy};
use demarche_sim::replay::Replay;
use demarche_sim::save::SaveFile;
use demarche_sim::{Game, Side};

/// Plays `turns` turns with the given policies, returning each turn's hash.
fn play(game: &mut Game, policies: &mut [Box<dyn Policy>; 2], turns: u32) -> Vec<String> {
    let mut hashes = Vec::new();
    for _ in 0..turns {
        if game.is_over() {
            break;
        }
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        hashes.push(game.resolve().expect("turn").hash.to_string());
    }
    hashes
}

fn random_pair(seed: u64) -> [Box<dyn Policy>; 2] {
    [
        policy::builtin("random", seed).unwrap(),
        policy::builtin("random", seed + 1).unwrap(),
    ]
}

#[test]
fn same_seed_same_hashes_other_seed_other_hashes() {
    let scn = common::fixture();
    let a = play(&mut Game::new(scn.clone(), 7), &mut random_pair(7), 22);
    let b = play(&mut Game::new(scn.clone(), 7), &mut random_pair(7), 22);
    assert_eq!(a, b);
    assert!(!a.is_empty());
    let c = play(&mut Game::new(scn.clone(), 8), &mut random_pair(7), 22);
    assert_ne!(a, c, "another seed should change the hashes");
}

#[test]
fn a_replay_reproduces_every_hash() {
    let scn = common::fixture();
    let mut game = Game::new(scn.clone(), 11);
    let mut policies = random_pair(3);
    let mut replay = Replay::start(&scn, 11);
    while !game.is_over() {
        let mut orders: [Vec<_>; 2] = Default::default();
        for side in Side::BOTH {
            orders[side.index()] = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders[side.index()].clone());
        }
        let turn = game.turn();
        let hash = game.resolve().unwrap().hash;
        replay.record(&scn, turn, &orders, hash);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("game.replay.ron");
    replay.write(&path).unwrap();
    let read = Replay::read(&path).unwrap();
    assert_eq!(read, replay);
    let (hashes, mismatches) = read.verify(scn.clone()).unwrap();
    assert!(mismatches.is_empty(), "{mismatches:?}");
    assert_eq!(hashes.len(), replay.turns.len());

    let mut tampered = read.clone();
    tampered.turns[2].hash = "0000000000000000".into();
    let (_, mismatches) = tampered.verify(scn).unwrap();
    assert_eq!(mismatches.len(), 1);
    assert_eq!(mismatches[0].turn, tampered.turns[2].turn);
}

#[test]
fn save_at_turn_five_then_load_gives_the_straight_game() {
    let scn = common::fixture();
    let straight = play(&mut Game::new(scn.clone(), 5), &mut random_pair(5), 22);

    let mut game = Game::new(scn.clone(), 5);
    let mut policies = random_pair(5);
    let first = play(&mut game, &mut policies, 5);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("turn5.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&path)
        .unwrap();
    drop(game);
    let mut loaded = SaveFile::read(&path)
        .unwrap()
        .restore(scn.clone(), &path)
        .unwrap();
    assert_eq!(loaded.turn(), 6);
    let rest = play(&mut loaded, &mut policies, 22);
    let joined: Vec<String> = first.into_iter().chain(rest).collect();
    assert_eq!(joined, straight);
    assert_eq!(loaded.history().len(), straight.len());
}

#[test]
fn a_failed_save_keeps_the_earlier_one() {
    let scn = common::fixture();
    let game = Game::new(scn.clone(), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&path)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    // Writing into a folder that does not exist fails and must not touch the earlier save.
    let bad = dir.path().join("missing-folder").join("x.save.ron");
    assert!(SaveFile::of(&game, Default::default()).write(&bad).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn damaged_and_foreign_saves_give_clear_errors() {
    let scn = common::fixture();
    let game = Game::new(scn.clone(), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&path)
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();

    std::fs::write(&path, &text[..text.len() / 3]).unwrap();
    let error = SaveFile::read(&path).unwrap_err().to_string();
    assert!(error.contains("not a readable save"), "{error}");

    std::fs::write(&path, text.replacen("version: 2", "version: 99", 1)).unwrap();
    let error = SaveFile::read(&path).unwrap_err().to_string();
    assert!(error.contains("save format version 99"), "{error}");

    std::fs::write(
        &path,
        text.replacen("scenario_hash: \"", "scenario_hash: \"f", 1),
    )
    .unwrap();
    let error = SaveFile::read(&path)
        .unwrap()
        .restore(scn, &path)
        .err()
        .unwrap()
        .to_string();
    assert!(
        error.contains("different version of the scenario"),
        "{error}"
    );

    std::fs::write(&path, b"\xff\xfe garbage").unwrap();
    assert!(SaveFile::read(&path).is_err());
}

#[test]
fn the_outcome_does_not_depend_on_threads() {
    let scn = common::fixture();
    let make = |seed: u64| random_pair(seed);
    let one = demarche_sim::batch::run(scn.clone(), 6, 99, 1, make, |_| {});
    let two = demarche_sim::batch::run(scn, 6, 99, 2, make, |_| {});
    let hashes = |r: &Vec<demarche_sim::batch::GameResult>| {
        r.iter().map(|g| g.state.hash()).collect::<Vec<_>>()
    };
    assert_eq!(hashes(&one), hashes(&two));
}

#[test]
fn a_quiet_turn_changes_the_state_exactly_as_a_reported_one() {
    // Look-ahead games run quiet: they write no report text at all (no causes, no lines, no
    // headlines), which is most of a turn's cost. The state they reach must be the one a
    // reported game reaches, turn by turn, on every scenario we ship and on the fixture.
    let mut scenarios = vec![common::fixture()];
    for name in ["japan_russia_2022", "turkey_russia_2015"] {
        scenarios.push(common::load(&common::bundled_root().join(name)));
    }
    for scn in scenarios {
        for seed in [3, 4] {
            let run = |fast: bool| {
                let mut game = Game::new(scn.clone(), seed);
                game.set_fast(fast);
                let mut policies = [
                    policy::builtin("hawk", seed).unwrap(),
                    policy::builtin("random", seed + 1).unwrap(),
                ];
                let mut states = Vec::new();
                while !game.is_over() {
                    for side in Side::BOTH {
                        let orders = policies[side.index()].orders(&game.side_view(side));
                        game.submit_unchecked(side, orders);
                    }
                    game.step().expect("turn");
                    states.push(game.hash());
                }
                (states, game.history().len())
            };
            let (reported, kept) = run(false);
            let (quiet, none) = run(true);
            assert!(reported.len() > 5, "{}: too short a game", scn.meta.id);
            assert_eq!(reported, quiet, "{} seed {seed}", scn.meta.id);
            assert_eq!(
                (kept, none),
                (reported.len(), 0),
                "reports kept only when asked"
            );
        }
    }
}
