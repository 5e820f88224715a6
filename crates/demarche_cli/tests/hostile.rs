//! Hostile arguments and files against the headless binary: nothing may crash, hang, lose data
//! or be accepted silently. Each test is the regression test of one class of the reliability
//! issue.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_demarche-headless"));
    command.current_dir(root());
    command
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scenario() -> String {
    root()
        .join("scenarios/japan_russia_2022")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A short game, `turns` turns, with extra arguments.
fn short_game(turns: &str, extra: &[&str]) -> Output {
    let scenario = scenario();
    let mut args = vec!["run", "--scenario", &scenario, "--turns", turns];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn a_huge_batch_streams_instead_of_allocating_every_game_up_front() {
    let scenario = scenario();
    let mut child = bin()
        .args([
            "batch",
            "--scenario",
            &scenario,
            "--games",
            "4294967295",
            "--threads",
            "1",
            "--japan",
            "random",
            "--russia",
            "random",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    std::thread::sleep(Duration::from_millis(2500));
    let status = child.try_wait().expect("the child can be polled");
    if status.is_none() {
        child.kill().expect("the batch can be stopped");
    }
    let output = child.wait_with_output().expect("the batch ends");
    assert!(
        status.is_none(),
        "the batch should still be playing games after 2.5 s, but it ended with {status:?}: {}",
        text(&output.stderr)
    );
}

#[test]
fn threads_are_capped_at_what_the_machine_has() {
    let scenario = scenario();
    let output = run(&[
        "batch",
        "--scenario",
        &scenario,
        "--games",
        "4",
        "--threads",
        "100000",
        "--japan",
        "random",
        "--russia",
        "random",
        "--json",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("--threads 100000 is more than this machine's"),
        "the cap is announced: {stderr}"
    );
}

#[test]
fn an_output_path_that_cannot_be_written_is_refused_before_the_game_starts() {
    let output = short_game("3", &["--save", "/nonexistent-folder/game.save.ron"]);
    assert!(!output.status.success());
    assert!(
        text(&output.stdout).is_empty(),
        "no turn is played before the error: {}",
        text(&output.stdout)
    );
    assert!(text(&output.stderr).contains("nonexistent-folder"));
}

#[test]
fn an_existing_save_is_never_replaced_silently() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("game.save.ron");
    std::fs::write(&save, "precious").unwrap();
    let output = short_game("2", &["--save", save.to_str().unwrap()]);
    assert!(!output.status.success(), "an existing save is refused");
    assert!(text(&output.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&save).unwrap(), "precious");
    let forced = short_game("2", &["--save", save.to_str().unwrap(), "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert_ne!(std::fs::read_to_string(&save).unwrap(), "precious");
}

#[test]
fn save_and_record_to_the_same_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("game.ron");
    let path = file.to_str().unwrap();
    let output = short_game("2", &["--save", path, "--record", path]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("same file"));
    assert!(!file.exists());
}

#[test]
fn two_debriefs_of_the_same_game_go_to_two_folders() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for _ in 0..2 {
        let output = short_game("2", &["--seed", "4", "--debrief", out]);
        assert!(output.status.success(), "{}", text(&output.stderr));
    }
    let folders: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    assert_eq!(folders.len(), 2, "one folder per debrief");
    for folder in folders {
        assert!(folder.path().join("debrief.md").is_file());
    }
}

#[test]
fn printed_text_has_its_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new(&scenario()), dir.path());
    let actions = dir.path().join("actions.ron");
    let text_before = std::fs::read_to_string(&actions).unwrap();
    let marker = "name: \"";
    let at = text_before.find(marker).unwrap() + marker.len();
    let hostile = format!(
        "{}\\u{{1b}}[2J\\u{{7}}{}",
        &text_before[..at],
        &text_before[at..]
    );
    std::fs::write(&actions, hostile).unwrap();
    let scenario = dir.path().to_str().unwrap();
    let output = run(&[
        "run",
        "--scenario",
        scenario,
        "--japan",
        "historical",
        "--russia",
        "historical",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        !stdout.contains('\u{1b}'),
        "no raw escape reaches the terminal"
    );
    assert!(
        !stdout.contains('\u{7}'),
        "no raw bell reaches the terminal"
    );
    assert!(stdout.contains("\\u{1b}"), "the escape is shown escaped");
}

fn orders_file(body: &str) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), body).unwrap();
    file
}

#[test]
fn an_orders_file_naming_a_sides_turn_twice_is_refused_with_a_location() {
    let file = orders_file(
        "[\n  (side: \"JPN\", turn: 2, orders: []),\n  (side: \"JPN\", turn: 2, orders: []),\n]\n",
    );
    let output = short_game("3", &["--orders", file.path().to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains(":3:"), "the second entry's line: {stderr}");
    assert!(stderr.contains("twice"), "{stderr}");
}

#[test]
fn an_orders_file_naming_a_turn_outside_the_game_is_refused_with_a_location() {
    let file = orders_file("[\n  (side: \"RUS\", turn: 999, orders: []),\n]\n");
    let output = short_game("3", &["--orders", file.path().to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains(":2:"), "the entry's line: {stderr}");
    assert!(stderr.contains("999"), "{stderr}");
}

#[test]
fn an_orders_file_that_is_not_a_regular_file_is_refused() {
    let output = short_game("2", &["--orders", "/dev/zero"]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("not a regular file"));
}

#[test]
fn a_replay_that_holds_no_turn_is_not_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let replay = dir.path().join("empty.replay.ron");
    let made = short_game("1", &["--record", replay.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let recorded = std::fs::read_to_string(&replay).unwrap();
    let start = recorded.find("turns:").unwrap();
    let emptied = format!("{}turns: [],\n)\n", &recorded[..start]);
    std::fs::write(&replay, emptied).unwrap();
    let scenario = scenario();
    let output = run(&["replay", replay.to_str().unwrap(), "--scenario", &scenario]);
    assert!(!output.status.success(), "{}", text(&output.stdout));
    assert!(text(&output.stderr).contains("holds no turn"));
}

#[test]
fn a_replay_of_other_scenario_files_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let replay = dir.path().join("game.replay.ron");
    let made = short_game("2", &["--record", replay.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let recorded = std::fs::read_to_string(&replay).unwrap();
    let key = "scenario_hash: \"";
    let at = recorded.find(key).unwrap() + key.len();
    let changed = format!(
        "{}0000000000000000{}",
        &recorded[..at],
        &recorded[at + 16..]
    );
    std::fs::write(&replay, changed).unwrap();
    let scenario = scenario();
    let path = replay.to_str().unwrap();
    let refused = run(&["replay", path, "--scenario", &scenario]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("--force"));
    let forced = run(&["replay", path, "--scenario", &scenario, "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(text(&forced.stderr).contains("warning"));
}

#[test]
fn a_replays_scenario_id_is_never_used_as_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let replay = dir.path().join("game.replay.ron");
    let made = short_game("1", &["--record", replay.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let recorded = std::fs::read_to_string(&replay).unwrap();
    let hostile = recorded.replace(
        "scenario_id: \"japan_russia_2022\"",
        "scenario_id: \"../scenarios/japan_russia_2022\"",
    );
    std::fs::write(&replay, hostile).unwrap();
    let output = run(&["replay", replay.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no scenario with the id"),
        "the id is looked up, not followed: {stderr}"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_replay_reports_the_orders_its_turns_refused() {
    let dir = tempfile::tempdir().unwrap();
    let replay = dir.path().join("game.replay.ron");
    let made = short_game("2", &["--record", replay.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    // Japan's first turn also asks for an order only Russia may give: refused when replayed.
    let recorded = std::fs::read_to_string(&replay).unwrap();
    let at = recorded
        .find("orders: (")
        .or_else(|| recorded.find("orders: ["))
        .unwrap();
    let list = at + recorded[at..].find('[').unwrap() + 1;
    let hostile = format!(
        "{}(action: \"ru_sakhalin2_decree\"), {}",
        &recorded[..list],
        &recorded[list..]
    );
    std::fs::write(&replay, hostile).unwrap();
    let scenario = scenario();
    let output = run(&["replay", replay.to_str().unwrap(), "--scenario", &scenario]);
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("refused: JPN's order `ru_sakhalin2_decree`"),
        "{stdout}"
    );
    assert!(text(&output.stderr).contains("were refused"));
}

#[test]
fn output_piped_into_a_reader_that_stops_early_ends_quietly() {
    use std::io::Read;
    let mut child = bin()
        .args(["schema", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("piped")
        .read_exact(&mut first)
        .expect("some output");
    // The reader has gone (its end of the pipe is dropped above); the schemas (270 kB) are far
    // longer than a pipe's buffer, so the writer meets the closed pipe.
    let out = child.wait_with_output().expect("it ends");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}
