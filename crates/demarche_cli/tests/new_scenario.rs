//! `demarche new DIR --sides A,B`: a new scenario folder that validates clean and plays, with
//! the author's ids and names; a folder in use is never overwritten.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_new_scenario_validates_clean_plays_and_names_its_sides() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("my_dyad");
    let folder = folder.to_str().unwrap();
    let made = run(&[
        "new",
        folder,
        "--sides",
        "AAA,BBB",
        "--names",
        "Atlantis,Borduria",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(text(&made.stdout).contains("validates clean (0 warnings)"));

    let checked = run(&["validate", folder]);
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    assert!(
        text(&checked.stdout).contains("(0 warnings)"),
        "{}",
        text(&checked.stdout)
    );

    let played = run(&[
        "run",
        "--scenario",
        folder,
        "--side",
        "AAA=hawk",
        "--side",
        "BBB=ai",
        "--turns",
        "3",
    ]);
    assert!(played.status.success(), "{}", text(&played.stderr));
    assert!(text(&played.stdout).contains("Atlantis"));

    let misspelt = run(&["run", "--scenario", folder, "--side", "aaa=hawk"]);
    assert_eq!(misspelt.status.code(), Some(1));
    let err = text(&misspelt.stderr);
    assert!(
        err.contains("did you mean `AAA`?") && err.contains("AAA, BBB"),
        "{err}"
    );

    for file in std::fs::read_dir(folder).expect("the folder") {
        let path = file.expect("an entry").path();
        if path.is_file() {
            let body = std::fs::read_to_string(&path).expect("a text file");
            for old in ["Aldova", "Borenia", "\"ALD\"", "\"BOR\"", "two_rivers"] {
                assert!(!body.contains(old), "{old} left in {}", path.display());
            }
        }
    }
}

#[test]
fn new_refuses_a_folder_in_use_and_bad_ids_and_keeps_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let used = dir.path().join("used");
    std::fs::create_dir(&used).expect("a folder");
    std::fs::write(used.join("notes.txt"), "mine").expect("a file");
    let refused = run(&["new", used.to_str().unwrap(), "--sides", "AAA,BBB"]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(used.join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&used).expect("the folder").count(), 1);

    let fresh = dir.path().join("fresh");
    for sides in ["AAA", "AAA,AAA", "aaa,BBB", "AAA,LEAGUE", "A-B,CCC"] {
        let bad = run(&["new", fresh.to_str().unwrap(), "--sides", sides]);
        assert_eq!(bad.status.code(), Some(1), "--sides {sides}");
        assert!(!fresh.exists(), "--sides {sides} left a folder");
    }
}

#[test]
fn validate_watch_checks_again_after_each_save() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("watched");
    let made = run(&["new", folder.to_str().unwrap(), "--sides", "AAA,BBB"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .args(["validate", "--watch", folder.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the watcher starts");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for = |needle: &str| -> bool {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return true,
                Ok(_) => {}
                Err(_) => return false,
            }
        }
        false
    };
    let seen = wait_for("watching 1 folder");
    let actors = folder.join("actors.ron");
    let good = std::fs::read_to_string(&actors).expect("actors.ron");
    std::fs::write(&actors, good.replace("kind: Coalition", "kind: Coalitoin")).expect("saved");
    let broken = seen && wait_for("did you mean `Coalition`?");
    std::fs::write(&actors, &good).expect("saved");
    let fixed = broken && wait_for("(0 warnings)");
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen, "the watcher started");
    assert!(broken, "the broken save was reported");
    assert!(fixed, "the fixed save was checked again");
}
