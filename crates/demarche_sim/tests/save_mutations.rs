//! Saves are checked as strictly as scenarios: any mutation of a valid save either loads into a
//! game whose invariants hold and plays on, or is refused with an error that names the field;
//! it never panics, now or later (resolving a turn, reading the reports).

mod common;

use std::sync::OnceLock;

use demarche_sim::save::SaveFile;
use demarche_sim::{Game, Side, invariants};
use proptest::prelude::*;

/// A valid save of the fixture three turns in, as text.
fn save_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let scn = common::fixture();
        let mut game = Game::new(scn, 11);
        for _ in 0..3 {
            game.step().expect("a turn");
        }
        ron::ser::to_string_pretty(
            &SaveFile::of(&game, Default::default()),
            ron::ser::PrettyConfig::default(),
        )
        .expect("the save writes")
    })
}

/// Byte ranges of the numbers in the text.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if starts {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'e')
            {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

const REPLACEMENTS: [&str; 12] = [
    "0",
    "1",
    "2",
    "7",
    "40",
    "200",
    "255",
    "65535",
    "4294967295",
    "NaN",
    "inf",
    "1e300",
];

fn loads_or_refuses(text: &str) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("mutated.save.ron");
    std::fs::write(&path, text).expect("the file writes");
    let Ok(save) = SaveFile::read(&path) else {
        return;
    };
    let scn = common::fixture();
    let Ok(mut game) = save.restore(scn.clone(), &path) else {
        return;
    };
    let broken = invariants::check(&scn, &game.state());
    assert!(
        broken.is_empty(),
        "a save loaded with broken invariants: {broken:?}"
    );
    for report in game.history() {
        for change in &report.changes {
            let _ = change.metric.label(&scn);
        }
        for side in Side::BOTH {
            let _ = report.visible_to(&scn, side, false);
        }
    }
    for _ in 0..2 {
        if game.is_over() {
            break;
        }
        game.step().expect("a loaded game plays on");
        for side in Side::BOTH {
            let _ = game.side_view(side);
        }
    }
    let broken = invariants::check(&scn, &game.state());
    assert!(
        broken.is_empty(),
        "invariants broke while playing on: {broken:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_number_changed_in_a_save_loads_soundly_or_is_refused(
        pick in any::<prop::sample::Index>(),
        with in 0..REPLACEMENTS.len(),
    ) {
        let text = save_text();
        let spots = numbers(text);
        let (start, end) = spots[pick.index(spots.len())];
        let mutated = format!("{}{}{}", &text[..start], REPLACEMENTS[with], &text[end..]);
        loads_or_refuses(&mutated);
    }
}

#[test]
fn known_bad_saves_are_refused_with_the_field_named() {
    let text = save_text();
    for (from, to, field) in [
        ("rung: ", "rung: 200", "rung"),
        ("tension: ", "tension: NaN", "tension"),
        ("turn: ", "turn: 0", "clock.turn"),
    ] {
        let at = text
            .find(from)
            .unwrap_or_else(|| panic!("no `{from}` in the save"));
        let end = at + text[at..].find([',', '\n']).expect("the end of the value");
        let mutated = format!("{}{to}{}", &text[..at], &text[end..]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.save.ron");
        std::fs::write(&path, &mutated).unwrap();
        let save = SaveFile::read(&path).expect("the text parses");
        let error = save
            .restore(common::fixture(), &path)
            .err()
            .unwrap_or_else(|| panic!("`{to}` was accepted"))
            .to_string();
        assert!(error.contains(field), "{to}: {error}");
    }
}
