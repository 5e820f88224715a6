//! Helpers shared by the simulation's integration tests.
//!
//! The engine's tests run on the made-up fixture `tests/fixtures/two_rivers` ([`fixture`]); only
//! the tests of the 2022 scenario's own history and numbers load it ([`scenario`]).
#![allow(dead_code, missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use demarche_sim::hash::StateHash;
use demarche_sim::policy::Policy;
use demarche_sim::{Game, Scenario, Side};

/// Plays `turns` turns with a policy per side, each deciding from its side's view; returns each
/// turn's hash.
pub fn play_turns(
    game: &mut Game,
    policies: &mut [Box<dyn Policy>; 2],
    turns: u32,
) -> Vec<StateHash> {
    let mut hashes = Vec::new();
    for _ in 0..turns {
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        hashes.push(game.resolve().expect("a turn").hash);
    }
    hashes
}

/// Plays both sides' record (the historical policy) to the end of the game.
pub fn play_the_record(game: &mut Game) {
    let mut policy = demarche_sim::policy::Historical;
    while !game.is_over() {
        for side in Side::BOTH {
            let orders = policy.orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().expect("turn");
    }
}

/// The record beside a game of the record: every milestone is reached, within a turn of its
/// real date where it has one, and neither side ever leaves the record.
pub fn assert_the_record_reaches_its_milestones(game: &Game) -> demarche_sim::record::Comparison {
    let scn = game.scenario();
    let comparison = demarche_sim::record::compare(scn, game.history(), game.is_over());
    assert_eq!(comparison.milestones.len(), scn.milestones.len());
    for row in &comparison.milestones {
        let reached = row
            .game_turn
            .unwrap_or_else(|| panic!("the record's own run misses `{}`", row.key));
        if let Some(real) = row.real_turn {
            assert!(
                reached.abs_diff(real) <= 1,
                "`{}`: reached in turn {reached}, really in turn {real}",
                row.key
            );
        }
    }
    assert_eq!(
        comparison.departed,
        [None, None],
        "the record follows itself"
    );
    comparison
}

/// The game ran to its last turn and no order of either side was ever refused.
pub fn assert_played_to_the_end_without_a_refusal(game: &Game) {
    assert_eq!(
        game.history().len() as u32,
        game.scenario().meta.calendar.turns,
        "the game runs to its last turn"
    );
    for report in game.history() {
        for side in Side::BOTH {
            assert!(
                report.refused[side.index()].is_empty(),
                "turn {}: refused {:?}",
                report.turn,
                report.refused[side.index()]
            );
        }
    }
}

/// The game's turn that contains a date (`YYYY-MM-DD`) of its calendar.
pub fn turn_of(game: &Game, date: &str) -> u32 {
    game.scenario()
        .meta
        .calendar
        .turn_of(date.parse().expect("a date"))
        .expect("a date within the calendar")
}

/// The seeds among `seeds` whose game of the record ends in an armed clash.
pub fn record_clashes(scn: &Arc<Scenario>, seeds: std::ops::RangeInclusive<u64>) -> Vec<u64> {
    seeds
        .filter(|&seed| {
            let mut game = Game::new(scn.clone(), seed);
            play_the_record(&mut game);
            game.view().mil.clash
        })
        .collect()
}

/// The engine's test fixture: a small made-up scenario (`tests/fixtures/two_rivers`).
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two_rivers")
}

/// The test fixture, loaded once.
pub fn fixture() -> Arc<Scenario> {
    static FIXTURE: OnceLock<Arc<Scenario>> = OnceLock::new();
    FIXTURE.get_or_init(|| load(&fixture_dir())).clone()
}

/// The folder of the bundled scenarios (`scenarios/`).
pub fn bundled_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios")
}

/// The bundled 2022 scenario's folder.
pub fn scenario_dir() -> PathBuf {
    bundled_root().join("japan_russia_2022")
}

/// The bundled 2022 scenario, loaded once: for the tests of its own history and numbers only.
pub fn scenario() -> Arc<Scenario> {
    static SCENARIO: OnceLock<Arc<Scenario>> = OnceLock::new();
    SCENARIO.get_or_init(|| load(&scenario_dir())).clone()
}

/// Loads a scenario folder, failing the test with every problem found.
pub fn load(dir: &Path) -> Arc<Scenario> {
    match demarche_sim::load(dir) {
        Ok(loaded) => Arc::new(loaded.scenario),
        Err(e) => panic!("{}", demarche_sim::scenario::render_problems(&e.problems)),
    }
}

/// A copy of the test fixture in a temporary folder, to break on purpose.
pub struct Copy {
    pub dir: tempfile::TempDir,
}

impl Copy {
    pub fn new() -> Copy {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(&fixture_dir(), dir.path());
        Copy { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(file)).expect("file of the copy")
    }

    pub fn write(&self, file: &str, text: &str) {
        std::fs::write(self.dir.path().join(file), text).expect("write into the copy");
    }

    /// Replaces the value of the first `field:` in `file` (up to the next `,`, `)` or line end)
    /// with `value`.
    pub fn set_first(&self, file: &str, field: &str, value: &str) {
        let text = self.read(file);
        let key = format!("{field}:");
        let start = text
            .find(&key)
            .unwrap_or_else(|| panic!("no `{key}` in {file}"))
            + key.len();
        let end = start
            + text[start..]
                .find([',', ')', '\n'])
                .expect("the end of the value");
        self.write(file, &format!("{} {value}{}", &text[..start], &text[end..]));
    }

    /// Replaces the first occurrence of `from` in `file`, failing the test if it is absent.
    pub fn replace(&self, file: &str, from: &str, to: &str) {
        let text = self.read(file);
        assert!(text.contains(from), "`{from}` not found in {file}");
        self.write(file, &text.replacen(from, to, 1));
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("scenario folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
