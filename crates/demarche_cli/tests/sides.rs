//! Sides on the command line, against the binary: `--side ACTOR=POLICY` for every side with a
//! did-you-mean and the list of sides on a mistake, and a side's `flag` from the scenario as an
//! option (`--aldova hawk`) that works only where the scenario declares it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../demarche_sim/tests/fixtures/two_rivers")
        .to_string_lossy()
        .into_owned()
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/japan_russia_2022")
}

fn run(scenario: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .args(["run", "--scenario", scenario, "--turns", "2", "--json"])
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The state hashes of a run, in order.
fn hashes(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .split("\"hash\":\"")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| *c != '"').collect())
        .collect()
}

#[test]
fn a_mistyped_side_gets_a_did_you_mean_and_the_sides() {
    let out = run(&fixture(), &["--side", "ald=hawk"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(
            "unknown side `ald`; did you mean `ALD`? The sides of this scenario are: ALD, BOR"
        ),
        "{err}"
    );
    let out = run(&fixture(), &["--side", "LEAGUE=hawk"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("The sides of this scenario are: ALD, BOR"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_side_flag_is_the_same_as_side() {
    let by_flag = run(&fixture(), &["--aldova", "hawk", "--borenia=dove"]);
    let by_side = run(&fixture(), &["--side", "ALD=hawk", "--side", "BOR=dove"]);
    assert!(by_flag.status.success(), "{}", stderr(&by_flag));
    assert!(by_side.status.success(), "{}", stderr(&by_side));
    assert!(hashes(&by_flag).len() >= 2, "a hash per turn");
    assert_eq!(hashes(&by_flag), hashes(&by_side));
    let historical = run(&fixture(), &[]);
    assert_ne!(
        hashes(&by_flag),
        hashes(&historical),
        "the flags changed nothing"
    );
}

#[test]
fn a_flag_the_scenario_does_not_declare_is_refused_with_its_flags() {
    let out = run(&fixture(), &["--japan", "hawk"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("no side flag `japan`"), "{err}");
    assert!(err.contains("--aldova, --borenia"), "{err}");
    let out = run(&fixture(), &["--aldva", "hawk"]);
    assert!(
        stderr(&out).contains("did you mean `--aldova`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_2022_flags_still_work() {
    let bundled = bundled().to_string_lossy().into_owned();
    let by_flag = run(&bundled, &["--japan", "random", "--russia", "hawk"]);
    let by_side = run(&bundled, &["--side", "JPN=random", "--side", "RUS=hawk"]);
    assert!(by_flag.status.success(), "{}", stderr(&by_flag));
    assert_eq!(hashes(&by_flag), hashes(&by_side));
}
