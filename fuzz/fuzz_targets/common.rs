#![allow(dead_code)]
//! What the fuzz targets share: the tests' fixture scenario, in memory.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use demarche_sim::Scenario;

/// The fixture's folder.
pub fn fixture_dir() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../crates/demarche_sim/tests/fixtures/two_rivers"
    ))
}

/// Every file of the fixture by its path inside the folder.
pub fn fixture_files() -> &'static BTreeMap<String, Vec<u8>> {
    static FILES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut files = BTreeMap::new();
        let mut stack = vec![fixture_dir().to_path_buf()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).expect("the fixture folder") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let name = path.strip_prefix(fixture_dir()).expect("inside");
                    files.insert(
                        name.to_string_lossy().into_owned(),
                        std::fs::read(&path).expect("a file"),
                    );
                }
            }
        }
        files
    })
}

/// The fixture scenario, loaded once.
pub fn fixture() -> Arc<Scenario> {
    static SCENARIO: OnceLock<Arc<Scenario>> = OnceLock::new();
    SCENARIO
        .get_or_init(|| {
            Arc::new(
                demarche_sim::scenario::load_files("two_rivers", fixture_files().clone())
                    .expect("the fixture loads")
                    .scenario,
            )
        })
        .clone()
}
