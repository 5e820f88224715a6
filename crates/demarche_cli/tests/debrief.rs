//! The debrief pack (`run --debrief`, `demarche debrief`) and group comparisons
//! (`demarche compare-games`), run through the headless binary; and the pack's page printed by
//! Chromium when it is installed (required when `DEMARCHE_REQUIRE_CHROMIUM=1`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture() -> String {
    root()
        .join("crates/demarche_sim/tests/fixtures/two_rivers")
        .to_string_lossy()
        .into_owned()
}

fn japan_russia() -> String {
    root()
        .join("scenarios/japan_russia_2022")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary and asserts it succeeded; returns its standard error.
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        text(&output.stderr)
    );
    text(&output.stderr)
}

/// Runs the binary and asserts it failed; returns its standard error.
fn fails(args: &[&str]) -> String {
    let output = run(args);
    assert!(!output.status.success(), "{args:?} should have failed");
    text(&output.stderr)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// The folders inside `dir`, sorted.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the output folder exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    list.sort();
    list
}

const PACK: [&str; 4] = ["debrief.md", "turns.csv", "debrief.json", "debrief.html"];

/// Asserts a folder holds the whole pack of a game of `turns` turns; returns its JSON.
fn check_pack(folder: &Path, turns: usize) -> serde_json::Value {
    for name in PACK {
        let file = folder.join(name);
        assert!(
            std::fs::metadata(&file).is_ok_and(|m| m.len() > 100),
            "{} is missing or empty",
            file.display()
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("debrief.json")).unwrap())
            .expect("debrief.json parses");
    assert_eq!(json["format"], "demarche-debrief");
    let timeline = json["timeline"].as_array().expect("a timeline");
    assert_eq!(timeline.len(), turns, "one timeline entry per turn");
    let first = &timeline[0];
    assert!(first["start"].is_string() && first["end"].is_string());
    let event = &first["events"][0];
    for field in ["id", "text", "kind", "visibility", "regions"] {
        assert!(!event[field].is_null(), "events have `{field}`: {event}");
    }
    assert!(first["orders"].as_object().is_some_and(|o| o.len() == 2));
    assert!(json["objectives"].as_object().is_some_and(|o| o.len() == 2));
    let csv = std::fs::read_to_string(folder.join("turns.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        turns + 2,
        "a header, the start and one row per turn"
    );
    let width = lines[0].split(',').count();
    assert!(lines.iter().all(|l| l.split(',').count() == width));
    for key in [
        "tension",
        "rung",
        "incidents",
        "sanction_level",
        "scrambles",
        ".status",
        "~",
        ".score",
    ] {
        assert!(lines[0].contains(key), "turns.csv has a `{key}` column");
    }
    let html = std::fs::read_to_string(folder.join("debrief.html")).unwrap();
    assert!(html.contains("@page { size: A4; margin: 15mm }"));
    assert!(html.matches("<svg ").count() >= 6, "at least six charts");
    assert!(!html.contains("<script") && !html.contains("src=\"http"));
    json
}

#[test]
fn run_debrief_writes_the_pack_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let scenario = fixture();
    let args = [
        "run",
        "--scenario",
        &scenario,
        "--side",
        "ALD=hawk",
        "--side",
        "BOR=dove",
        "--turns",
        "4",
        "--seed",
        "9",
        "--debrief",
        path(&out),
    ];
    ok(&args);
    ok(&args);
    let made = folders(&out);
    assert_eq!(made.len(), 2, "two runs, two folders: {made:?}");
    let json = check_pack(&made[0], 4);
    assert_eq!(json["seed"], 9);
    assert_eq!(json["policies"]["ALD"], "hawk");
    assert_eq!(json["policies"]["BOR"], "dove");
    for name in PACK {
        assert_eq!(
            std::fs::read(made[0].join(name)).unwrap(),
            std::fs::read(made[1].join(name)).unwrap(),
            "the same game gives the same {name}"
        );
    }
}

#[test]
fn a_save_and_a_replay_give_the_pack_of_the_game_played() {
    let dir = tempfile::tempdir().unwrap();
    let (save, replay) = (
        dir.path().join("g.save.ron"),
        dir.path().join("g.replay.ron"),
    );
    let (played, from_files) = (dir.path().join("played"), dir.path().join("files"));
    let scenario = fixture();
    ok(&[
        "run",
        "--scenario",
        &scenario,
        "--side",
        "ALD=random",
        "--turns",
        "5",
        "--save",
        path(&save),
        "--record",
        path(&replay),
        "--debrief",
        path(&played),
    ]);
    for file in [&save, &replay] {
        let stderr = ok(&[
            "debrief",
            path(file),
            "--scenario",
            &scenario,
            "--out",
            path(&from_files),
        ]);
        assert!(stderr.contains("debrief written to"), "{stderr}");
    }
    let original = folders(&played).remove(0);
    let made = folders(&from_files);
    assert_eq!(made.len(), 2);
    for folder in &made {
        let json = check_pack(folder, 5);
        assert_eq!(
            json["policies"]["ALD"], "random",
            "the policies come from the file"
        );
        for name in PACK {
            assert_eq!(
                std::fs::read_to_string(original.join(name)).unwrap(),
                std::fs::read_to_string(folder.join(name)).unwrap(),
                "{name} of {} differs from the game's own",
                folder.display()
            );
        }
    }
}

#[test]
fn a_replay_finds_its_scenario_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let replay = dir.path().join("jr.replay.ron");
    let scenario = japan_russia();
    ok(&[
        "run",
        "--scenario",
        &scenario,
        "--turns",
        "2",
        "--record",
        path(&replay),
    ]);
    let out = dir.path().join("out");
    ok(&["debrief", path(&replay), "--out", path(&out)]);
    let folder = folders(&out).remove(0);
    assert!(folder.ends_with("japan_russia_2022-historical-vs-historical-seed2022"));
    check_pack(&folder, 2);
}

#[test]
fn bad_game_files_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "(format: \"demarche-orders\", version: 1)").unwrap();
    let stderr = fails(&["debrief", path(&other), "--out", path(&out)]);
    assert!(stderr.contains("other.ron"), "{stderr}");
    assert!(stderr.contains("neither a save"), "{stderr}");
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n  format: \"demarche-save\",\n  version: [oops\n",
    )
    .unwrap();
    let stderr = fails(&["debrief", path(&broken), "--out", path(&out)]);
    assert!(stderr.contains("broken.ron"), "{stderr}");
    assert!(stderr.contains("3:"), "the line of the damage: {stderr}");
    let missing = dir.path().join("missing.ron");
    let stderr = fails(&["debrief", path(&missing), "--out", path(&out)]);
    assert!(stderr.contains("missing.ron"), "{stderr}");
    assert!(folders(&out).is_empty(), "no folder for a failed debrief");
}

/// Copies a folder with everything in it.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn files_of_other_scenario_versions_need_force_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("rivers");
    copy_tree(Path::new(&fixture()), &scenario);
    let (save, replay) = (
        dir.path().join("g.save.ron"),
        dir.path().join("g.replay.ron"),
    );
    ok(&[
        "run",
        "--scenario",
        path(&scenario),
        "--turns",
        "2",
        "--save",
        path(&save),
        "--record",
        path(&replay),
    ]);
    let events = scenario.join("events.ron");
    let mut text = std::fs::read_to_string(&events).unwrap();
    text.push_str("\n// edited after the game\n");
    std::fs::write(&events, text).unwrap();
    let out = dir.path().join("out");
    for file in [&save, &replay] {
        let args = [
            "debrief",
            path(file),
            "--scenario",
            path(&scenario),
            "--out",
            path(&out),
        ];
        let stderr = fails(&args);
        assert!(stderr.contains("--force-scenario"), "{stderr}");
        let mut forced = args.to_vec();
        forced.push("--force-scenario");
        let stderr = ok(&forced);
        assert!(stderr.contains("warning"), "{stderr}");
    }
    assert_eq!(folders(&out).len(), 2);
}

/// Saves a game of the 2022 scenario where Japan plays `policy`.
fn saved_game(dir: &Path, name: &str, policy: &str, seed: &str) -> PathBuf {
    let save = dir.join(format!("{name}.save.ron"));
    let scenario = japan_russia();
    ok(&[
        "run",
        "--scenario",
        &scenario,
        "--japan",
        policy,
        "--russia",
        "historical",
        "--turns",
        "6",
        "--seed",
        seed,
        "--save",
        path(&save),
    ]);
    save
}

#[test]
fn compare_games_charts_five_groups_against_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let policies = ["historical", "hawk", "dove", "random", "ai:realist:easy"];
    let saves: Vec<PathBuf> = policies
        .iter()
        .enumerate()
        .map(|(i, p)| saved_game(dir.path(), &format!("group{}", i + 1), p, "2022"))
        .collect();
    let out = dir.path().join("out");
    let mut args = vec!["compare-games"];
    args.extend(saves.iter().map(|s| path(s)));
    args.extend(["--out", path(&out)]);
    ok(&args);
    let folder = folders(&out).remove(0);
    let csv = std::fs::read_to_string(folder.join("compare.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "a header and five groups:\n{csv}");
    assert!(lines[0].starts_with("group,file,policy.JPN,policy.RUS,seed,outcome"));
    assert!(lines[1].starts_with("group1,"), "{}", lines[1]);
    let departure = |line: &str| line.split(',').nth(10).unwrap_or_default().to_owned();
    assert_eq!(
        departure(lines[1]),
        "",
        "the historical group never leaves the record"
    );
    assert!(lines[5].contains("ai:realist:easy"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("compare.json")).unwrap())
            .unwrap();
    assert_eq!(json["groups"].as_array().map(Vec::len), Some(5));
    let chart = &json["charts"][0];
    assert_eq!(chart["series"].as_array().map(Vec::len), Some(6));
    assert_eq!(chart["series"][5]["dashed"], true, "the record is dashed");
    let html = std::fs::read_to_string(folder.join("compare.html")).unwrap();
    assert!(html.contains("stroke-dasharray") && html.contains("historical record"));
    assert!(html.matches("<svg ").count() >= 6);
    ok(&args);
    assert_eq!(
        folders(&out).len(),
        2,
        "a second comparison goes to a new folder"
    );
}

#[test]
fn compare_games_refuses_other_draws_and_other_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let a = saved_game(dir.path(), "a", "hawk", "1");
    let b = saved_game(dir.path(), "b", "dove", "2");
    let out = dir.path().join("out");
    let stderr = fails(&["compare-games", path(&a), path(&b), "--out", path(&out)]);
    assert!(stderr.contains("--allow-different-draws"), "{stderr}");
    let stderr = ok(&[
        "compare-games",
        path(&a),
        path(&b),
        "--out",
        path(&out),
        "--allow-different-draws",
    ]);
    assert!(stderr.contains("warning"), "{stderr}");
    let fixture_save = dir.path().join("rivers.save.ron");
    let scenario = fixture();
    ok(&[
        "run",
        "--scenario",
        &scenario,
        "--turns",
        "1",
        "--save",
        path(&fixture_save),
    ]);
    let stderr = fails(&[
        "compare-games",
        path(&a),
        path(&fixture_save),
        "--out",
        path(&out),
    ]);
    assert!(stderr.contains("scenario"), "{stderr}");
    assert_eq!(
        folders(&out).len(),
        1,
        "only the allowed comparison was written"
    );
}

/// Runs a command, killing it after `limit`; `None` if it had to be killed.
fn run_with_timeout(mut command: Command, limit: Duration) -> Option<Output> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("chromium can be polled").is_some() {
            return Some(child.wait_with_output().expect("chromium's output"));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn chromium() -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
    })
}

/// Chromium headless on a page with these output arguments, with its own profile folder,
/// killed after 60 s.
fn chromium_on(chromium: &Path, page: &Path, profile: &Path, outputs: &[String]) -> Output {
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(outputs)
        .arg(format!("file://{}", page.display()));
    run_with_timeout(command, Duration::from_secs(60)).expect("chromium finished within 60 s")
}

/// The share of pixels that differ from the top-left one.
fn share_not_background(png_bytes: &[u8]) -> f64 {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let bytes = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let first = &bytes[..step];
    let pixels = bytes.len() / step;
    let differ = bytes.chunks_exact(step).filter(|p| *p != first).count();
    differ as f64 / pixels as f64
}

#[test]
fn chromium_prints_the_page_and_renders_it() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var("DEMARCHE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "DEMARCHE_REQUIRE_CHROMIUM=1 but `chromium` is not on PATH (Debian: apt-get install chromium)"
        );
        eprintln!(
            "skipped: `chromium` is not on PATH (set DEMARCHE_REQUIRE_CHROMIUM=1 to require it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let scenario = japan_russia();
    ok(&[
        "run",
        "--scenario",
        &scenario,
        "--japan",
        "hawk",
        "--russia",
        "historical",
        "--turns",
        "8",
        "--debrief",
        path(&out),
    ]);
    let page = std::fs::canonicalize(folders(&out).remove(0).join("debrief.html")).unwrap();
    let pdf = dir.path().join("debrief.pdf");
    let output = chromium_on(
        &chromium,
        &page,
        &dir.path().join("profile-pdf"),
        &[format!("--print-to-pdf={}", pdf.display())],
    );
    let bytes =
        std::fs::read(&pdf).unwrap_or_else(|e| panic!("no PDF ({e}): {}", text(&output.stderr)));
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(bytes.len() > 5 * 1024, "a PDF of {} bytes", bytes.len());
    let png = dir.path().join("debrief.png");
    let output = chromium_on(
        &chromium,
        &page,
        &dir.path().join("profile-png"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1240,1754".into(),
        ],
    );
    let bytes = std::fs::read(&png)
        .unwrap_or_else(|e| panic!("no screenshot ({e}): {}", text(&output.stderr)));
    let share = share_not_background(&bytes);
    assert!(
        share > 0.01,
        "the page looks blank: {:.2} % of pixels differ",
        share * 100.0
    );
}
