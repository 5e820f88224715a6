//! An inject file for the fixture: parsed, checked against the scenario (ids, turns, sides,
//! decisions), and when it passes, added to a game that plays a few turns. Never a panic.
#![no_main]

mod common;

use std::path::Path;

use demarche_sim::{Game, Side};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scn = common::fixture();
    let Ok((injects, _)) = demarche_sim::scenario::injects::parse_injects(
        &scn,
        Path::new("fuzz.injects.ron"),
        text.to_owned(),
    ) else {
        return;
    };
    let mut game = Game::new(scn, 1);
    if game.add_injects(injects).is_err() {
        return;
    }
    for _ in 0..4 {
        for side in Side::BOTH {
            game.submit_unchecked(side, Vec::new());
        }
        if game.step().is_err() {
            break;
        }
    }
});
