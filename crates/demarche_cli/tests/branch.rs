//! `run --load SAVE --branch-at N`: go back to the start of a turn of a saved game and play on
//! with other orders, keeping the save as it was; the branch can be saved and recorded from its
//! first turn, and its replay confirms every hash.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the binary runs")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn hashes(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("turn").is_some())
        .map(|v| v["hash"].as_str().expect("a hash").to_owned())
        .collect()
}

#[test]
fn a_branch_keeps_the_turns_before_it_and_leaves_the_save_alone() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let scenario = root().join("crates/demarche_sim/tests/fixtures/two_rivers");
    let scenario = scenario.to_str().unwrap();
    let save = dir.path().join("trunk.save.ron");
    let trunk = run(&[
        "run",
        "--scenario",
        scenario,
        "--side",
        "ALD=hawk",
        "--side",
        "BOR=dove",
        "--seed",
        "6",
        "--turns",
        "6",
        "--save",
        save.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        trunk.status.success(),
        "{}",
        String::from_utf8_lossy(&trunk.stderr)
    );
    let trunk_hashes = hashes(&trunk);
    let saved = std::fs::read(&save).expect("the save");

    let branch_save = dir.path().join("branch.save.ron");
    let record = dir.path().join("branch.replay.ron");
    let branch = run(&[
        "run",
        "--scenario",
        scenario,
        "--load",
        save.to_str().unwrap(),
        "--branch-at",
        "3",
        "--side",
        "ALD=dove",
        "--side",
        "BOR=dove",
        "--turns",
        "2",
        "--save",
        branch_save.to_str().unwrap(),
        "--record",
        record.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        branch.status.success(),
        "{}",
        String::from_utf8_lossy(&branch.stderr)
    );
    let branch_hashes = hashes(&branch);
    assert_eq!(branch_hashes.len(), 2, "turns 3 and 4 played anew");
    assert_ne!(
        branch_hashes[0], trunk_hashes[2],
        "other orders, another turn 3"
    );
    assert_eq!(
        std::fs::read(&save).expect("the save"),
        saved,
        "the trunk's save is untouched"
    );

    let replayed = run(&[
        "replay",
        record.to_str().unwrap(),
        "--scenario",
        scenario,
        "--json",
    ]);
    assert!(
        replayed.status.success(),
        "{}",
        String::from_utf8_lossy(&replayed.stderr)
    );
    let all = hashes(&replayed);
    assert_eq!(all.len(), 4, "the branch's replay starts at turn 1");
    assert_eq!(
        all[..2],
        trunk_hashes[..2],
        "the turns before the branch are the trunk's"
    );
    assert_eq!(all[2..], branch_hashes[..]);

    let outside = run(&[
        "run",
        "--scenario",
        scenario,
        "--load",
        save.to_str().unwrap(),
        "--branch-at",
        "9",
    ]);
    assert_eq!(outside.status.code(), Some(1));
    let without = run(&["run", "--scenario", scenario, "--branch-at", "2"]);
    assert!(String::from_utf8_lossy(&without.stderr).contains("--load"));
}
