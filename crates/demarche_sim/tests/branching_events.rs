//! Branching events: a dated event with a `chance` happens in some games and not in others,
//! drawn from the game's seed; a second event on the same date with
//! `condition: Not(Happened(first))` makes the other branch, so every game takes exactly one.

mod common;

use std::sync::Arc;

use common::Copy;
use demarche_sim::policy::{Historical, Policy};
use demarche_sim::scenario::render_problems;
use demarche_sim::{EventId, Game};

const BRANCHES: &str = r#"    (id: "talks_leak", name: "The talks leak", description: "A newspaper prints the draft.", when: Dated("2031-03-04"), kind: ThirdParty, chance: 0.5, effects: [Tension(3)], concepts: ["cheap_talk"], source: ["fixture"]),
    (id: "talks_hold", name: "The talks stay quiet", description: "Nothing leaks.", when: Dated("2031-03-04"), kind: ThirdParty, condition: Not(Happened("talks_leak")), effects: [Tension(-1)], concepts: ["cheap_talk"], source: ["fixture"]),
"#;

/// The fixture with `items` added at the start of `events.ron` (before its first dated event,
/// since dated events are listed in date order).
fn with_events(items: &str) -> Copy {
    let copy = Copy::new();
    let text = copy.read("events.ron");
    let start = text.find('[').expect("a list") + 1;
    copy.write(
        "events.ron",
        &format!("{}\n{items}{}", &text[..start], &text[start..]),
    );
    copy
}

/// Which of the two branches happened in the first turns of the game with this seed.
fn branch(scn: &Arc<demarche_sim::Scenario>, seed: u64) -> (u32, u32) {
    let mut game = Game::new(scn.clone(), seed);
    let mut policies: [Box<dyn Policy>; 2] = [Box::new(Historical), Box::new(Historical)];
    common::play_turns(&mut game, &mut policies, 2);
    let id = |key: &str| EventId::from_index(scn.events.iter().position(|e| e.key == key).unwrap());
    let record = &game.state().record;
    (
        record.times_happened(id("talks_leak")),
        record.times_happened(id("talks_hold")),
    )
}

#[test]
fn a_dated_event_with_a_chance_branches_by_seed_and_each_game_takes_one_branch() {
    let copy = with_events(BRANCHES);
    let scn = common::load(copy.path());
    let mut leaks = 0;
    for seed in 1..=40u64 {
        let (leak, hold) = branch(&scn, seed);
        assert_eq!(
            leak + hold,
            1,
            "seed {seed}: exactly one branch ({leak}, {hold})"
        );
        assert_eq!(
            branch(&scn, seed),
            (leak, hold),
            "seed {seed}: the same seed, the same branch"
        );
        leaks += leak;
    }
    assert!(
        (8..=32).contains(&leaks),
        "a chance of 0.5 leaked in {leaks} of 40 games"
    );
}

#[test]
fn a_chance_on_a_random_event_is_refused_where_it_is_written() {
    let copy = with_events(
        r#"    (id: "odd", name: "Odd", description: "A random event with a chance.", when: Random(probability: 0.1, per_tension: 0, max_times: 1), kind: ThirdParty, chance: 0.5, effects: [Tension(1)], concepts: ["cheap_talk"]),
"#,
    );
    let problems = match demarche_sim::load(copy.path()) {
        Ok(_) => panic!("a chance on a random event loaded"),
        Err(e) => e.problems,
    };
    assert!(
        problems.iter().any(|p| p.is_error()
            && p.message.contains("`chance` is for dated events")
            && p.path.ends_with(".chance")),
        "{}",
        render_problems(&problems)
    );
}
