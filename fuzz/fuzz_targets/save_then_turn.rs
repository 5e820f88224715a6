//! A save: read, restored on the fixture and, if it loads, played for a turn with its reports
//! read as each side sees them. Never a panic.
#![no_main]

mod common;

use std::path::Path;

use demarche_sim::Side;
use demarche_sim::save::SaveFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.save.ron");
    let Ok(save) = SaveFile::parse(text, path) else {
        return;
    };
    let scn = common::fixture();
    let Ok(mut game) = save.restore(scn.clone(), path) else {
        return;
    };
    if !game.is_over() {
        let _ = game.resolve();
    }
    for side in Side::BOTH {
        let view = game.side_view(side);
        for report in view.history() {
            for change in &report.changes {
                let _ = change.metric.label(&scn);
            }
        }
    }
});
