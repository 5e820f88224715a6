//! The validator on the test fixture and on broken copies of it: every broken copy fails
//! with a located message, and nothing panics whatever the bytes.

mod common;

use common::Copy;
use demarche_sim::scenario::{Problem, render_problems};
use proptest::prelude::*;

fn problems(copy: &Copy) -> Vec<Problem> {
    match demarche_sim::load(copy.path()) {
        Ok(_) => panic!("the broken copy loaded"),
        Err(e) => e.problems,
    }
}

/// The first error, which must name the file and a line and column.
fn first_error(copy: &Copy, file: &str) -> Problem {
    let all = problems(copy);
    let error = all
        .iter()
        .find(|p| p.is_error())
        .unwrap_or_else(|| panic!("no error in {}", render_problems(&all)))
        .clone();
    assert!(
        error.file.ends_with(file),
        "expected an error in {file}, got:\n{}",
        render_problems(&all)
    );
    let location = error.location.expect("a location");
    assert!(location.line >= 1 && location.col >= 1);
    error
}

#[test]
fn the_fixture_is_clean() {
    let loaded = demarche_sim::load(&common::fixture_dir())
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        render_problems(&loaded.warnings)
    );
}

#[test]
fn an_unknown_id_gets_a_did_you_mean() {
    let copy = Copy::new();
    copy.replace("actions.ron", "sector: \"grain\"", "sector: \"grane\"");
    let error = first_error(&copy, "actions.ron");
    assert_eq!(error.message, "unknown sector `grane`");
    assert_eq!(error.help.as_deref(), Some("did you mean `grain`?"));
    assert!(error.path.ends_with(".sector"), "{}", error.path);
    assert!(error.source_line.unwrap().contains("grane"));
}

#[test]
fn a_wrong_type_is_located() {
    let copy = Copy::new();
    copy.set_first("actions.ron", "capital", "\"three\"");
    let error = first_error(&copy, "actions.ron");
    assert!(
        error.message.contains("expected") || error.message.contains("type"),
        "{}",
        error.message
    );
}

#[test]
fn a_missing_field_is_named() {
    let copy = Copy::new();
    let text = copy.read("scenario.ron");
    let start = text.find("default_seed:").expect("default_seed");
    let end = start + text[start..].find('\n').expect("line end");
    copy.write(
        "scenario.ron",
        &format!("{}{}", &text[..start], &text[end..]),
    );
    let error = first_error(&copy, "scenario.ron");
    assert!(
        error.message.contains("missing field `default_seed`"),
        "{}",
        error.message
    );
}

#[test]
fn an_unknown_field_gets_a_did_you_mean() {
    let copy = Copy::new();
    copy.replace("actors.ron", "color:", "colour:");
    let error = first_error(&copy, "actors.ron");
    assert!(
        error.message.contains("unknown field `colour`"),
        "{}",
        error.message
    );
    assert_eq!(error.help.as_deref(), Some("did you mean `color`?"));
}

#[test]
fn a_duplicate_id_is_refused() {
    let copy = Copy::new();
    copy.replace("regions.ron", "id: \"gull_island\"", "id: \"aldova\"");
    let all = problems(&copy);
    assert!(
        all.iter()
            .any(|p| p.message == "duplicate region id `aldova`" && p.location.is_some()),
        "{}",
        render_problems(&all)
    );
}

#[test]
fn a_file_reference_leaving_the_folder_is_refused() {
    let copy = Copy::new();
    copy.set_first("scenario.ron", "file", "\"../../../etc/passwd\"");
    let error = first_error(&copy, "scenario.ron");
    assert!(
        error.message.contains("leaves the scenario folder"),
        "{}",
        error.message
    );
    let copy = Copy::new();
    copy.set_first("scenario.ron", "file", "\"/etc/passwd\"");
    let error = first_error(&copy, "scenario.ron");
    assert!(error.message.contains("absolute path"), "{}", error.message);
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let copy = Copy::new();
    let file = std::fs::File::create(copy.path().join("events.ron")).unwrap();
    file.set_len(20 * 1024 * 1024).unwrap();
    let error = first_error(&copy, "events.ron");
    assert!(
        error.message.contains("20.0 MiB; the limit is 8 MiB"),
        "{}",
        error.message
    );
}

#[test]
fn a_truncated_file_is_reported() {
    let copy = Copy::new();
    let text = copy.read("events.ron");
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    copy.write("events.ron", &text[..cut]);
    let error = first_error(&copy, "events.ron");
    assert!(!error.message.is_empty());
}

#[test]
fn not_a_number_and_out_of_range_values_are_refused() {
    let copy = Copy::new();
    copy.set_first("trade.ron", "value", "NaN");
    let error = first_error(&copy, "trade.ron");
    assert!(
        error.message.contains("not a finite number"),
        "{}",
        error.message
    );
    let copy = Copy::new();
    copy.set_first("trade.ron", "importer_dependence", "1.5");
    let error = first_error(&copy, "trade.ron");
    assert_eq!(error.message, "1.5 is out of range");
    let copy = Copy::new();
    copy.set_first("actions.ron", "capital", "inf");
    let error = first_error(&copy, "actions.ron");
    assert!(
        error.message.contains("not a finite number"),
        "{}",
        error.message
    );
}

#[test]
fn dates_out_of_order_are_refused() {
    let copy = Copy::new();
    let text = copy.read("events.ron");
    let first = text.find("Dated(\"").expect("a dated event") + 7;
    copy.write(
        "events.ron",
        &format!("{}2031-07-19{}", &text[..first], &text[first + 10..]),
    );
    let all = problems(&copy);
    assert!(
        all.iter()
            .any(|p| p.message.starts_with("dates out of order")),
        "{}",
        render_problems(&all)
    );
}

#[test]
fn nesting_past_the_limit_is_refused() {
    let copy = Copy::new();
    let deep = format!("[{}{}]", "[".repeat(5000), "]".repeat(5000));
    copy.write("glossary.ron", &deep);
    let error = first_error(&copy, "glossary.ron");
    assert!(
        error.message.contains("nesting") || error.message.contains("expected"),
        "{}",
        error.message
    );
}

#[test]
fn bytes_that_are_not_utf8_are_reported() {
    let copy = Copy::new();
    std::fs::write(copy.path().join("sources.ron"), b"[ (key: \"a\xff\") ]").unwrap();
    let error = first_error(&copy, "sources.ron");
    assert!(error.message.contains("invalid UTF-8"), "{}", error.message);
}

#[test]
fn every_problem_is_reported_at_once() {
    let copy = Copy::new();
    copy.replace("actions.ron", "sector: \"grain\"", "sector: \"grane\"");
    copy.replace("actors.ron", "color:", "colour:");
    copy.set_first("trade.ron", "criticality", "2.0");
    let all = problems(&copy);
    let files: std::collections::BTreeSet<String> = all
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for file in ["actions.ron", "actors.ron", "trade.ron"] {
        assert!(
            files.contains(file),
            "{file} missing from:\n{}",
            render_problems(&all)
        );
    }
}

#[test]
fn a_missing_folder_is_an_error_not_a_panic() {
    let error = demarche_sim::load(std::path::Path::new("/nonexistent/scenario")).unwrap_err();
    assert_eq!(error.error_count(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the bytes of a file, loading never panics and never builds a scenario.
    #[test]
    fn arbitrary_bytes_never_panic(file in 0usize..4, bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let copy = Copy::new();
        let name = ["actions.ron", "scenario.ron", "regions.ron", "events.ron"][file];
        std::fs::write(copy.path().join(name), &bytes).unwrap();
        if let Err(e) = demarche_sim::load(copy.path()) {
            prop_assert!(e.problems.iter().filter(|p| p.is_error()).all(|p| p.location.is_some()));
        }
    }

    /// Cutting a valid file anywhere never panics.
    #[test]
    fn truncation_anywhere_never_panics(cut in 0.0f64..1.0) {
        let copy = Copy::new();
        let text = copy.read("actions.ron");
        let body = text.trim_end().len();
        let mut at = ((body as f64 * cut) as usize).min(body - 1);
        while !text.is_char_boundary(at) { at -= 1; }
        copy.write("actions.ron", &text[..at]);
        let result = demarche_sim::load(copy.path());
        prop_assert!(result.is_err(), "a truncated catalogue loaded");
    }
}

#[test]
fn a_file_that_does_not_parse_hides_only_references_into_it() {
    let copy = Copy::new();
    copy.write("actors.ron", "[ ( id: \"JPN\", name: ");
    let text = copy.read("historical.ron");
    let at = text.find("action: \"").expect("an order") + "action: \"".len();
    copy.write(
        "historical.ron",
        &format!("{}xx_{}", &text[..at], &text[at..]),
    );
    let all = problems(&copy);
    let rendered = render_problems(&all);
    assert!(
        all.iter()
            .any(|p| p.is_error() && p.file.ends_with("actors.ron")),
        "{rendered}"
    );
    let misspelt = all
        .iter()
        .find(|p| {
            p.file.ends_with("historical.ron") && p.message.starts_with("unknown action `xx_")
        })
        .unwrap_or_else(|| panic!("the misspelt action is not reported:\n{rendered}"));
    assert!(misspelt.path.ends_with(".action"), "{}", misspelt.path);
    assert!(misspelt.location.is_some());
    let notes: Vec<&Problem> = all
        .iter()
        .filter(|p| {
            p.message
                .starts_with("references to actors are not checked")
        })
        .collect();
    assert_eq!(notes.len(), 1, "{rendered}");
    assert!(
        !all.iter().any(|p| p.message.starts_with("unknown actor")),
        "{rendered}"
    );
}

/// Every file of a scenario folder by its path inside the folder.
fn files_of(
    dir: &std::path::Path,
    prefix: &str,
    out: &mut std::collections::BTreeMap<String, Vec<u8>>,
) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files_of(&entry.path(), &format!("{name}/"), out);
        } else {
            out.insert(name, std::fs::read(entry.path()).unwrap());
        }
    }
}

#[test]
fn a_scenario_loads_from_memory_as_from_its_folder() {
    let mut files = std::collections::BTreeMap::new();
    files_of(&common::fixture_dir(), "", &mut files);
    let from_disk = demarche_sim::load(&common::fixture_dir()).expect("the folder loads");
    let in_memory = demarche_sim::scenario::load_files("two_rivers", files.clone())
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    assert_eq!(
        in_memory.scenario.content_hash,
        from_disk.scenario.content_hash
    );
    assert_eq!(
        in_memory.scenario.meta.briefings,
        from_disk.scenario.meta.briefings
    );
    assert_eq!(
        in_memory.scenario.actions.len(),
        from_disk.scenario.actions.len()
    );

    let briefing = files
        .keys()
        .find(|k| k.starts_with("briefings/"))
        .cloned()
        .expect("a briefing");
    files.remove(&briefing);
    let error = demarche_sim::scenario::load_files("two_rivers", files).unwrap_err();
    assert!(
        error
            .problems
            .iter()
            .any(|p| p.is_error() && p.message.contains("not found in the scenario folder")),
        "{}",
        render_problems(&error.problems)
    );
}

#[test]
fn the_minimal_scenario_of_the_docs_is_valid() {
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/scenario-format.md"),
    )
    .expect("docs/scenario-format.md");
    let start = page
        .find("## 6. A minimal complete scenario")
        .expect("section 6");
    let section = &page[start..start + page[start..].find("\n## 7.").expect("section 7")];
    assert!(
        section.contains("crates/demarche_sim/tests/fixtures/two_rivers"),
        "section 6 points to the fixture folder"
    );
    let mut files = std::collections::BTreeMap::new();
    files_of(&common::fixture_dir(), "", &mut files);
    assert!(files.len() >= 18, "{:?}", files.keys().collect::<Vec<_>>());
    let loaded = demarche_sim::scenario::load_files("two_rivers", files)
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        render_problems(&loaded.warnings)
    );
    assert_eq!(loaded.scenario.meta.id, "two_rivers");
}

#[test]
fn field_paths_use_the_names_written_in_the_files() {
    let copy = Copy::new();
    copy.replace(
        "actors.ron",
        "source: [\"fixture\"]",
        "source: [\"fixture\", \"fixtrue\"]",
    );
    let error = first_error(&copy, "actors.ron");
    assert_eq!(error.message, "unknown source `fixtrue`");
    assert_eq!(error.path, "[0].source[1]");
    assert!(error.source_line.unwrap().contains("fixtrue"));
}

#[test]
fn the_rules_ranges_are_checked_where_they_are_declared() {
    let copy = Copy::new();
    copy.write(
        "rules.ron",
        "(tension_floor: 120, coalition_pace_share: 0.8)",
    );
    let error = first_error(&copy, "rules.ron");
    assert_eq!(error.message, "120 is out of range");
    assert_eq!(error.path, "tension_floor");
    assert_eq!(error.help.as_deref(), Some("use a number from 0 to 100"));
}

#[test]
fn a_character_no_font_has_is_warned_about_where_it_stands() {
    let copy = Copy::new();
    // Names in every covered script: Latin, Cyrillic, Greek, CJK, Hangul, Devanagari.
    copy.replace(
        "regions.ron",
        "names: {\"en\": \"Aldova\"}",
        "names: {\"en\": \"Aldova\", \"vi\": \"Việt\", \"el\": \"Άλντοβα\", \"ja\": \"北方\", \"zh\": \"北京\", \"ko\": \"서울\", \"hi\": \"मुंबई\"}",
    );
    // A Tibetan letter in a name, an Ethiopic one in a comment (not shown) and in a briefing.
    copy.replace(
        "regions.ron",
        "names: {\"en\": \"Borenia\"},",
        "names: {\"en\": \"Borenia\", \"bo\": \"ཀ\"}, // ሀ",
    );
    let briefing = copy.read("briefings/aldova.md");
    copy.write(
        "briefings/aldova.md",
        &format!("{briefing}\nThe ሀ river.\n"),
    );
    let loaded = demarche_sim::load(copy.path())
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    let glyphs: Vec<&Problem> = loaded
        .warnings
        .iter()
        .filter(|p| p.message.contains("none of the game's fonts"))
        .collect();
    assert_eq!(glyphs.len(), 2, "{}", render_problems(&loaded.warnings));
    let tibetan = glyphs
        .iter()
        .find(|p| p.file.ends_with("regions.ron"))
        .expect("the Tibetan name");
    assert!(tibetan.message.contains("U+0F40") && tibetan.message.contains("`ཀ`"));
    assert_eq!(tibetan.path, "[1].names.bo");
    let text = copy.read("regions.ron");
    let line = text
        .lines()
        .position(|l| l.contains('ཀ'))
        .expect("the line")
        + 1;
    let location = tibetan.location.expect("located");
    assert_eq!(location.line, line);
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap_or_default()
        .chars()
        .position(|c| c == 'ཀ');
    assert_eq!(Some(location.col - 1), col);
    let ethiopic = glyphs
        .iter()
        .find(|p| p.file.ends_with("briefings/aldova.md"))
        .expect("the briefing");
    assert!(ethiopic.message.contains("U+1200"));
    assert!(ethiopic.headline().contains("aldova.md:"));
}
