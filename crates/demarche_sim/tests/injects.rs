//! A teacher's injects: checked like scenario files (located, every problem at once, with a
//! did-you-mean); fired in their turn, or in the first turn their condition holds; reported as
//! injects; their decisions answered or not by the next orders; kept in saves and replays, so a
//! recorded game with injects replays with the same hashes.

mod common;

use std::path::Path;

use demarche_sim::policy::{Leaning, Policy, RuleBased};
use demarche_sim::replay::Replay;
use demarche_sim::report::{Provenance, ReportKind};
use demarche_sim::save::SaveFile;
use demarche_sim::scenario::injects::{LoadedInject, parse_injects};
use demarche_sim::{Game, Side};

/// The fixture's sample inject file (also the fuzzer's seed).
const GOOD: &str = include_str!("data/injects/two_rivers.ron");

fn loaded(text: &str) -> Vec<LoadedInject> {
    parse_injects(&common::fixture(), Path::new("class.ron"), text.into())
        .expect("a good inject file")
        .0
}

fn policies() -> [Box<dyn Policy>; 2] {
    [
        Box::new(RuleBased::new(Leaning::Hawk, 5)),
        Box::new(RuleBased::new(Leaning::Dove, 5)),
    ]
}

#[test]
fn a_broken_inject_file_is_refused_with_every_problem_located() {
    let broken = r#"[
    (
        id: "a",
        title: "One",
        text: "Text.",
        turn: 99,
        effects: [Relation("ALD", "LEAGEU", 5)],
    ),
    (
        id: "b",
        title: "",
        text: "Text.",
        when: TrackIs("island_talk", Active),
        decision: (side: "LEAGUE", question: "Q?", options: ["dip_protets"]),
    ),
    (
        id: "c",
        title: "Three",
        text: "Text.",
    ),
]"#;
    let err = parse_injects(&common::fixture(), Path::new("class.ron"), broken.into())
        .expect_err("a broken file");
    let rendered = demarche_sim::scenario::render_problems(&err.problems);
    for needle in [
        "turn 99 is outside the game",
        "LEAGEU",
        "LEAGUE",
        "island_talks",
        "not a playable side",
        "dip_protest",
        "needs `turn` or `when`",
    ] {
        assert!(rendered.contains(needle), "{needle} in\n{rendered}");
    }
    assert!(
        err.problems.iter().all(|p| p.location.is_some()),
        "{rendered}"
    );
    assert!(
        err.problems
            .iter()
            .all(|p| p.file == Path::new("class.ron")),
        "{rendered}"
    );
    assert!(err.error_count() >= 6, "{rendered}");
}

#[test]
fn injects_fire_in_their_turn_or_when_their_condition_holds() {
    let mut game = Game::new(common::fixture(), 5);
    game.add_injects(loaded(GOOD)).expect("added");
    let hashes = common::play_turns(&mut game, &mut policies(), 6);
    let fired: Vec<(u32, &str)> = game
        .history()
        .iter()
        .flat_map(|r| {
            r.events
                .iter()
                .filter(|e| e.kind == ReportKind::Inject)
                .map(move |e| (r.turn, e.id.as_str()))
        })
        .collect();
    assert_eq!(fired, [(3, "inject:summit"), (5, "inject:when_tense")]);
    let line = game.history()[2]
        .events
        .iter()
        .find(|e| e.id == "inject:summit")
        .expect("the summit");
    assert_eq!(line.provenance, Provenance::Inject);
    assert!(
        game.history()[3]
            .events
            .iter()
            .any(|e| e.id == "rule:answer:summit"),
        "the next turn's report settles the decision"
    );
    assert!(game.has_fired("summit") && game.has_fired("when_tense"));

    // The same game without injects differs from turn 3 on, and not before.
    let mut plain = Game::new(common::fixture(), 5);
    let plain_hashes = common::play_turns(&mut plain, &mut policies(), 6);
    assert_eq!(hashes[..2], plain_hashes[..2]);
    assert_ne!(hashes[2], plain_hashes[2]);
}

#[test]
fn an_inject_is_refused_twice_or_for_a_past_turn_and_can_be_taken_back_before_it_fires() {
    let mut game = Game::new(common::fixture(), 5);
    game.add_injects(loaded(GOOD)).expect("added");
    assert!(
        game.add_injects(loaded(GOOD)).is_err(),
        "the same ids twice"
    );
    common::play_turns(&mut game, &mut policies(), 3);
    assert!(game.withdraw_inject("summit").is_err(), "fired already");
    let late = loaded(
        r#"[(id: "late", title: "Late", text: "Too late.", turn: 2, effects: [Tension(1)])]"#,
    );
    assert!(game.add_injects(late).is_err(), "turn 2 is over");
    let now = loaded(&format!(
        r#"[(id: "now", title: "Now", text: "This turn.", turn: {}, effects: [Tension(1)])]"#,
        game.turn()
    ));
    game.add_injects(now).expect("this turn");
    let taken = game.withdraw_inject("now").expect("taken back");
    assert_eq!(taken.inject.key, "now");
    assert!(game.injects().iter().all(|e| e.inject.key != "now"));
}

#[test]
fn saves_and_replays_keep_the_injects_and_reproduce_every_hash() {
    let scn = common::fixture();
    let mut game = Game::new(scn.clone(), 9);
    game.add_injects(loaded(GOOD)).expect("added");
    let mut replay = Replay::start(&scn, 9);
    replay.injects = game.injects().iter().map(|e| e.raw.clone()).collect();
    let mut policies = policies();
    for _ in 0..4 {
        let turn = game.turn();
        let mut orders: [Vec<_>; 2] = Default::default();
        for side in Side::BOTH {
            orders[side.index()] = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders[side.index()].clone());
        }
        let report = game.resolve().expect("a turn").clone();
        assert_eq!(report.turn, turn);
        replay.record_report(&scn, &orders, &report);
    }
    let (again, mismatches) = replay.replay(scn.clone()).expect("replays");
    assert!(mismatches.is_empty(), "{mismatches:?}");
    assert_eq!(again.history().len(), 4);

    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("game.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&path)
        .expect("saved");
    let mut restored = SaveFile::read(&path)
        .expect("read")
        .restore(scn.clone(), &path)
        .expect("restored");
    assert_eq!(restored.injects().len(), 2);
    // A restored game rebuilds an earlier turn by replaying its orders, injects included.
    assert_eq!(
        restored.state_at(4).expect("turn 4"),
        game.state_at(4).expect("turn 4")
    );
    assert!(restored.has_fired("summit") && !restored.has_fired("when_tense"));
    let mut straight = game.branch_at(game.turn()).expect("a copy");
    for g in [&mut restored, &mut straight] {
        common::play_turns(g, &mut policies_again(), 2);
    }
    assert_eq!(restored.hash(), straight.hash(), "the save plays on alike");
    assert!(restored.has_fired("when_tense"));
}

fn policies_again() -> [Box<dyn Policy>; 2] {
    policies()
}
