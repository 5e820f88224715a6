//! An orders file for the fixture: parsed and checked (sides, turns, actions, targets). Never a
//! panic.
#![no_main]

mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scn = common::fixture();
    let _ = demarche_cli::commands::run::parse_orders(
        &scn,
        Path::new("fuzz.orders.ron"),
        text.to_owned(),
    );
});
