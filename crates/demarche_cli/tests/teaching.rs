//! The teaching features at the command line: orders files with memos, a teacher's injects
//! (checked, fired, replayed), short classes that start in the middle of the record, and the
//! kinds of report lines in the JSON output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

fn sample_injects() -> String {
    root()
        .join("scenarios/japan_russia_2022/injects/classroom.ron")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

const ORDERS: &str = r#"[
    (side: "JPN", turn: 10, memo: "Show the G7 we carry our share.",
        orders: [(action: "jp_oil_ban_in_principle", memo: "Costly, so it is believed."), (action: "dip_protest")]),
    (side: "RUS", turn: 11, memo: "Keep the fishermen on side.", orders: [(action: "ru_fishing_quota_offer")]),
]"#;

#[test]
fn a_short_class_with_memos_and_injects_plays_records_and_replays_with_the_same_hashes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let orders = dir.path().join("orders.ron");
    std::fs::write(&orders, ORDERS).expect("written");
    let replay = dir.path().join("game.replay.ron");
    let save = dir.path().join("game.save.ron");
    let scenario = scenario();
    let injects = sample_injects();
    let output = run(&[
        "run",
        "--scenario",
        &scenario,
        "--japan",
        "ai:realist:easy",
        "--russia",
        "dove",
        "--from-turn",
        "10",
        "--turns",
        "6",
        "--orders",
        orders.to_str().unwrap(),
        "--injects",
        &injects,
        "--record",
        replay.to_str().unwrap(),
        "--save",
        save.to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lines = json_lines(&output);
    let turns: Vec<u64> = lines
        .iter()
        .filter_map(|l| l.get("turn").and_then(|t| t.as_u64()))
        .collect();
    assert_eq!(
        turns,
        [10, 11, 12, 13, 14, 15],
        "turns 10–15 after the record's 1–9"
    );
    let summary = lines.last().expect("a summary");
    assert_eq!(summary["turns"], 15);

    let turn10 = &lines[0];
    assert_eq!(
        turn10["memos"]["JPN"]["note"],
        "Show the G7 we carry our share."
    );
    assert_eq!(
        turn10["memos"]["JPN"]["orders"][0]["text"],
        "Costly, so it is believed."
    );
    assert_eq!(
        lines[1]["memos"]["RUS"]["note"],
        "Keep the fishermen on side."
    );
    assert!(
        turn10["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "rule:answer:g7_summit_demand"),
        "the summit of turn 9 (played by the record) is answered in turn 10"
    );
    let shock = &lines[4];
    let inject = shock["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "inject:energy_price_shock")
        .expect("the price shock fires in turn 14");
    assert_eq!(inject["kind"], "inject");
    assert_eq!(inject["provenance"]["kind"], "inject");

    for file in [&replay, &save] {
        let written = std::fs::read_to_string(file).expect("written");
        assert!(
            written.contains("Costly, so it is believed."),
            "{}",
            file.display()
        );
        assert!(written.contains("energy_price_shock"), "{}", file.display());
    }
    let replayed = run(&["replay", replay.to_str().unwrap()]);
    assert!(replayed.status.success(), "{}", text(&replayed.stderr));
    assert!(
        text(&replayed.stdout).contains("15 turns, every hash matches"),
        "{}",
        text(&replayed.stdout)
    );
}

#[test]
fn report_lines_say_whether_they_are_the_record_a_roll_or_an_order() {
    let scenario = scenario();
    let output = run(&[
        "run",
        "--scenario",
        &scenario,
        "--japan",
        "historical",
        "--russia",
        "historical",
        "--turns",
        "3",
        "--json",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let events: Vec<serde_json::Value> = json_lines(&output)
        .iter()
        .filter_map(|l| l.get("events").and_then(|e| e.as_array()).cloned())
        .flatten()
        .collect();
    let kind_of = |id: &str| {
        events
            .iter()
            .find(|e| e["id"] == id)
            .map(|e| e["provenance"].clone())
            .unwrap_or_else(|| panic!("{id} in the first turns"))
    };
    let invasion = kind_of("event:invasion_of_ukraine");
    assert_eq!(invasion["kind"], "record");
    assert!(!invasion["sources"].as_array().unwrap().is_empty());
    let routine = kind_of("event:routine_scrambles");
    assert_eq!(routine["kind"], "roll");
    assert_eq!(routine["chance"], 1.0);
    assert_eq!(kind_of("order:jp_package1_debt_dnr")["kind"], "order");
}

#[test]
fn validate_locates_every_error_of_a_broken_inject_file_and_passes_the_sample() {
    let scenario = scenario();
    let injects = sample_injects();
    let good = run(&["validate", &scenario, "--injects", &injects]);
    assert!(good.status.success(), "{}", text(&good.stdout));
    assert!(text(&good.stdout).contains("ok: 3 injects"));

    let dir = tempfile::tempdir().expect("a temp dir");
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        r#"[
  (id: "x", title: "X", text: "T", turn: 40, effects: [Relation("JPN", "G8", -3)]),
  (id: "y", title: "Y", text: "T", when: TrackIs("peace_treaty", Actve)),
  (id: "x", title: "Z", text: "T", turn: 2, decision: (side: "USA", question: "Q", options: ["jp_ban_lgn"])),
]"#,
    )
    .expect("written");
    let bad = run(&["validate", &scenario, "--injects", broken.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    let out = text(&bad.stdout);
    for needle in [
        "broken.ron:2:",
        "turn 40 is outside the game",
        "did you mean `G7`?",
        "broken.ron:3:",
        "did you mean `Active`?",
        "broken.ron:4:",
        "defined twice",
        "not a playable side",
        "did you mean `jp_ban_lng`?",
    ] {
        assert!(out.contains(needle), "{needle} in\n{out}");
    }

    let run_bad = run(&[
        "run",
        "--scenario",
        &scenario,
        "--turns",
        "1",
        "--injects",
        broken.to_str().unwrap(),
    ]);
    assert_eq!(run_bad.status.code(), Some(1));
    assert!(text(&run_bad.stderr).contains("did you mean `G7`?"));
}

#[test]
fn memos_can_be_required_and_a_short_class_needs_a_turn_of_the_game() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let orders = dir.path().join("orders.ron");
    std::fs::write(
        &orders,
        r#"[(side: "JPN", turn: 1, orders: [(action: "dip_protest")])]"#,
    )
    .expect("written");
    let scenario = scenario();
    let refused = run(&[
        "run",
        "--scenario",
        &scenario,
        "--turns",
        "1",
        "--orders",
        orders.to_str().unwrap(),
        "--require-memos",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("JPN turn 1"),
        "{}",
        text(&refused.stderr)
    );
    let late = run(&["run", "--scenario", &scenario, "--from-turn", "40"]);
    assert_eq!(late.status.code(), Some(1));
    assert!(text(&late.stderr).contains("turns 1 to 22"));
}

fn only_folder(dir: &Path) -> PathBuf {
    let folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the debrief folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    folders[0].clone()
}

#[test]
fn the_historical_run_s_debrief_tells_rolls_from_the_record_folds_routine_and_dates_milestones() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let scenario = scenario();
    let out = dir.path().to_str().unwrap();
    let output = run(&["run", "--scenario", &scenario, "--debrief", out]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let folder = only_folder(dir.path());
    let md = std::fs::read_to_string(folder.join("debrief.md")).expect("debrief.md");
    let routine: Vec<&str> = md
        .lines()
        .filter(|l| l.contains("Routine scrambles against Russian aircraft"))
        .collect();
    assert_eq!(routine.len(), 1, "one folded line: {routine:?}");
    assert!(routine[0].contains("× 22, turns 1–22"), "{}", routine[0]);
    for line in md
        .lines()
        .filter(|l| l.contains("enters Japanese airspace:"))
    {
        assert!(line.contains("model roll (p = "), "{line}");
    }
    for (text, real, game) in [
        (
            "Russia halts the peace-treaty talks",
            "2022-03-21 (turn 3)",
            "turn 3",
        ),
        (
            "Russia ends the visa-free exchanges",
            "2022-09-05 (turn 15)",
            "turn 15",
        ),
    ] {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {text}")))
            .unwrap_or_else(|| panic!("{text} in the milestones table"));
        assert!(row.contains(real) && row.contains(game), "{row}");
    }
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder.join("debrief.json")).expect("debrief.json"),
    )
    .expect("JSON");
    let entries = json["entries"].as_array().expect("entries");
    assert!(entries.iter().any(|e| e["provenance"]["kind"] == "record"));
    assert!(entries.iter().any(|e| e["provenance"]["kind"] == "roll"));
    assert!(entries.iter().any(|e| e["provenance"]["kind"] == "order"));
    assert_eq!(json["record"]["turns"].as_array().unwrap().len(), 22);
    assert_eq!(json["record"]["milestones"].as_array().unwrap().len(), 7);
    assert!(!json["questions"].as_array().unwrap().is_empty());
}

#[test]
fn memos_reach_all_four_debrief_files() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let orders = dir.path().join("orders.ron");
    std::fs::write(&orders, ORDERS).expect("written");
    let out = dir.path().join("out");
    let scenario = scenario();
    let output = run(&[
        "run",
        "--scenario",
        &scenario,
        "--turns",
        "12",
        "--orders",
        orders.to_str().unwrap(),
        "--player",
        "JPN=Team 3",
        "--debrief",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let folder = only_folder(&out);
    for file in ["debrief.md", "debrief.html", "debrief.json", "turns.csv"] {
        let body = std::fs::read_to_string(folder.join(file)).expect(file);
        assert!(body.contains("Costly, so it is believed."), "{file}");
        assert!(body.contains("Keep the fishermen on side."), "{file}");
        if file != "turns.csv" {
            assert!(
                body.contains("Team 3"),
                "{file}: the player who gave a name"
            );
        }
    }
}

#[test]
fn a_debrief_exported_mid_game_tells_no_record_of_a_later_turn() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let scenario = scenario();
    let out = dir.path().to_str().unwrap();
    let output = run(&[
        "run",
        "--scenario",
        &scenario,
        "--side",
        "JPN=dove",
        "--turns",
        "5",
        "--debrief",
        out,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let folder = only_folder(dir.path());
    let scn = demarche_sim::load(Path::new(&scenario))
        .expect("the scenario")
        .scenario;
    let notes: Vec<(u32, &str)> = demarche_sim::Side::BOTH
        .iter()
        .flat_map(|side| {
            scn.record_notes[side.index()]
                .iter()
                .enumerate()
                .filter_map(|(i, n)| n.note.as_deref().map(|note| (i as u32 + 1, note)))
        })
        .collect();
    let later_dates: Vec<String> = scn
        .milestones
        .iter()
        .filter(|m| scn.meta.calendar.turn_of(m.date).is_none_or(|t| t > 5))
        .map(|m| m.date.to_string())
        .collect();
    for file in ["debrief.md", "debrief.html", "debrief.json"] {
        let body = std::fs::read_to_string(folder.join(file)).expect(file);
        let body = body.replace("\\\"", "\"");
        for (turn, note) in &notes {
            let head: String = note.chars().take(60).collect();
            if *turn > 5 {
                assert!(
                    !body.contains(&head),
                    "{file}: the note of turn {turn} told early"
                );
            } else if file != "debrief.html" {
                // (The page escapes quotes and apostrophes, so its text is checked one way.)
                assert!(
                    body.contains(&head),
                    "{file}: the note of turn {turn} is missing"
                );
            }
        }
        for date in &later_dates {
            assert!(
                !body.contains(date.as_str()),
                "{file}: milestone date {date} told early"
            );
        }
    }
}
