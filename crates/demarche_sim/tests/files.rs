//! One reading rule for every file the game reads: regular files only, a size cap enforced while
//! reading, no symlink out of the scenario folder, a UTF-8 byte-order mark accepted. Each test
//! here is the regression test of a hostile input that once hung, exhausted memory or leaked.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use common::Copy;
use demarche_sim::replay::Replay;
use demarche_sim::save::SaveFile;

/// Runs `read` on another thread and gives its result, or fails the test when it takes longer
/// than a few seconds (it would hang for ever, or until memory runs out).
fn within_seconds<T: Send + 'static>(what: &str, read: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(read());
    });
    receive
        .recv_timeout(Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("{what} did not return within 5 s"))
}

fn fifo(dir: &Path) -> PathBuf {
    let path = dir.join("pipe.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    path
}

#[test]
fn a_fifo_given_as_a_save_or_a_replay_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    let save = pipe.clone();
    let error = within_seconds("reading a FIFO as a save", move || {
        SaveFile::read(&save).err().map(|e| e.to_string())
    })
    .expect("a FIFO is no save");
    assert!(error.contains("not a regular file"), "{error}");
    let error = within_seconds("reading a FIFO as a replay", move || {
        Replay::read(&pipe).err().map(|e| e.to_string())
    })
    .expect("a FIFO is no replay");
    assert!(error.contains("not a regular file"), "{error}");
}

#[test]
fn a_character_device_given_as_a_save_is_refused_at_once() {
    let error = within_seconds("reading /dev/zero as a save", || {
        SaveFile::read(Path::new("/dev/zero"))
            .err()
            .map(|e| e.to_string())
    })
    .expect("/dev/zero is no save");
    assert!(error.contains("not a regular file"), "{error}");
}

#[test]
fn a_core_scenario_file_linked_from_outside_the_folder_is_refused_and_not_echoed() {
    let copy = Copy::new();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.ron");
    std::fs::write(&secret, "SECRET-MARKER-7741 this is not RON").unwrap();
    let actors = copy.path().join("actors.ron");
    std::fs::remove_file(&actors).unwrap();
    std::os::unix::fs::symlink(&secret, &actors).unwrap();
    let error = demarche_sim::load(copy.path()).expect_err("a link out of the folder is refused");
    let rendered = demarche_sim::scenario::render_problems(&error.problems);
    assert!(
        rendered.contains("leaves the scenario folder"),
        "{rendered}"
    );
    assert!(!rendered.contains("SECRET-MARKER"), "{rendered}");
}

#[test]
fn a_byte_order_mark_is_accepted_in_scenario_files_saves_and_replays() {
    let copy = Copy::new();
    let text = copy.read("actors.ron");
    copy.write("actors.ron", &format!("\u{feff}{text}"));
    if let Err(e) = demarche_sim::load(copy.path()) {
        panic!("{}", demarche_sim::scenario::render_problems(&e.problems));
    }

    let dir = tempfile::tempdir().unwrap();
    let scn = common::fixture();
    let mut game = demarche_sim::Game::new(scn.clone(), 3);
    game.step().unwrap();
    let save = dir.path().join("bom.save.ron");
    SaveFile::of(&game, Default::default())
        .write(&save)
        .unwrap();
    let text = std::fs::read_to_string(&save).unwrap();
    std::fs::write(&save, format!("\u{feff}{text}")).unwrap();
    SaveFile::read(&save).expect("a save with a BOM reads");

    let replay = dir.path().join("bom.replay.ron");
    let mut recording = Replay::start(&scn, 3);
    recording.record(&scn, 1, &Default::default(), game.history()[0].hash);
    recording.write(&replay).unwrap();
    let text = std::fs::read_to_string(&replay).unwrap();
    std::fs::write(&replay, format!("\u{feff}{text}")).unwrap();
    Replay::read(&replay).expect("a replay with a BOM reads");
}
