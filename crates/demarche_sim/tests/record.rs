//! The record beside the game never runs ahead of it: at every turn, what a side's view
//! compares holds no record note or milestone date of a later turn, and milestones are found
//! in the turn their condition first holds.

mod common;

use demarche_sim::policy::{Historical, Leaning, Policy, RuleBased};
use demarche_sim::record::compare;
use demarche_sim::{Game, Side};

/// Every record note of the scenario with its turn.
fn notes(game: &Game) -> Vec<(u32, String)> {
    let scn = game.scenario();
    Side::BOTH
        .iter()
        .flat_map(|side| {
            scn.record_notes[side.index()]
                .iter()
                .enumerate()
                .filter_map(|(i, n)| n.note.clone().map(|note| (i as u32 + 1, note)))
        })
        .collect()
}

#[test]
fn a_side_s_record_comparison_never_tells_a_later_turn() {
    let mut game = Game::new(common::fixture(), 4);
    let mut policies: [Box<dyn Policy>; 2] = [
        Box::new(RuleBased::new(Leaning::Hawk, 4)),
        Box::new(RuleBased::new(Leaning::Dove, 4)),
    ];
    let all_notes = notes(&game);
    assert!(all_notes.len() >= 3, "the fixture's record has notes");
    let mut seen_late_notes = false;
    while !game.is_over() {
        for side in Side::BOTH {
            let view = game.side_view(side);
            let played = view.history().len() as u32;
            let shown =
                serde_json::to_string(&compare(view.scenario(), view.history(), game.is_over()))
                    .expect("JSON");
            for (turn, note) in &all_notes {
                assert_eq!(
                    shown.contains(note.as_str()),
                    *turn <= played,
                    "turn {played}: the note of turn {turn}"
                );
                seen_late_notes |= *turn > played;
            }
            let scn = view.scenario();
            for m in &scn.milestones {
                let told = shown.contains(&m.date.to_string());
                let due = scn
                    .meta
                    .calendar
                    .turn_of(m.date)
                    .is_some_and(|t| t <= played);
                assert!(!told || due, "turn {played}: {} told early", m.key);
            }
            let orders = policies[side.index()].orders(&view);
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("a turn");
    }
    assert!(seen_late_notes);
}

#[test]
fn the_record_s_own_run_reaches_the_fixture_s_milestones_on_time() {
    let mut game = Game::new(common::fixture(), 4);
    while !game.is_over() {
        for side in Side::BOTH {
            let orders = Historical.orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("a turn");
    }
    let comparison = compare(game.scenario(), game.history(), true);
    let turns: Vec<(Option<u32>, Option<u32>)> = comparison
        .milestones
        .iter()
        .map(|m| (m.real_turn, m.game_turn))
        .collect();
    assert_eq!(turns, [(Some(3), Some(3)), (Some(9), Some(9))]);
    assert_eq!(comparison.departed, [None, None]);
}
