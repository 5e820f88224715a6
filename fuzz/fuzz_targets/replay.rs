//! A replay: read and verified on the fixture. Never a panic.
#![no_main]

mod common;

use std::path::Path;

use demarche_sim::replay::Replay;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(replay) = Replay::parse(text, Path::new("fuzz.replay.ron")) else {
        return;
    };
    // Bounded: a replay of the fixture has at most its ten turns.
    if replay.turns.len() > 64 {
        return;
    }
    let _ = replay.verify(common::fixture());
});
