//! The scenario loader, from memory: the first byte picks one of the fixture's files, the rest
//! replaces it. Loading must give a scenario or located problems, never panic or hang.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let mut files = common::fixture_files().clone();
    let names: Vec<String> = files.keys().cloned().collect();
    let name = &names[usize::from(pick) % names.len()];
    files.insert(name.clone(), bytes.to_vec());
    if let Err(error) = demarche_sim::scenario::load_files("fuzz", files) {
        let _ = demarche_sim::scenario::render_problems(&error.problems);
    }
});
