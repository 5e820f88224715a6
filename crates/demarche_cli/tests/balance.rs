//! `balance` finds an exploit planted on purpose: a cheap order, open only in the first turns,
//! that costs a little approval at once and pays off hugely at the end. An AI that looks one turn
//! ahead never sees the payoff; a fixed plan that simply repeats the order gets it.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use demarche_cli::balance::{Settings, search};
use demarche_sim::Side;

/// A copy of the fixture with the planted order and its payoff.
fn planted() -> tempfile::TempDir {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers");
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture, dir.path());
    let add = |file: &str, item: &str| {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("fixture file");
        let end = text.rfind(']').expect("a list");
        let head = text[..end].trim_end().trim_end_matches(',');
        std::fs::write(&path, format!("{head},\n{item}\n]\n")).expect("write");
    };
    add(
        "actions.ron",
        r#"    (id: "bo_planted_exploit", name: "Planted exploit", description: "Planted for the balance test: a small cost now, a large reward at the end.", category: Diplomatic, actors: ["BOR"], capital: 1, requires: AtMost(Turn, 3), effects: [Adjust("self", Approval, -3)], visibility: Public, signal: CheapTalk, stance: Neutral, concepts: ["cheap_talk"]),"#,
    );
    add(
        "events.ron",
        r#"    (id: "planted_payoff", name: "The planted payoff", description: "Pays the planted order off.", when: Dated("2031-07-10"), kind: ThirdParty, condition: Took("BOR", "bo_planted_exploit"), concepts: ["cheap_talk"], source: ["fixture"], effects: [Relation("ALD", "LEAGUE", -60), Adjust("BOR", Economy, 40), Adjust("BOR", Approval, 40)]),"#,
    );
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a fixture folder") {
        let entry = entry.expect("a fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn balance_finds_the_planted_exploit_against_the_ai() {
    let dir = planted();
    let loaded = demarche_sim::load(dir.path()).unwrap_or_else(|e| {
        panic!(
            "the planted copy loads: {}",
            demarche_sim::scenario::render_problems(&e.problems)
        )
    });
    let scn = Arc::new(loaded.scenario);
    let settings = Settings {
        ai: "ai:realist:easy".into(),
        games: 3,
        base_seed: 11,
        budget: Duration::from_secs(3600),
        threads: 2,
        seats: vec![Side::Second],
        max_plans: Some(24),
    };
    let reports = search(&scn, &settings).expect("the search runs");
    let report = &reports[0];
    assert_eq!(report.actor, "BOR");
    let exploits: Vec<_> = report.exploits().collect();
    assert!(
        exploits
            .iter()
            .any(|p| p.spec.split('+').any(|o| o == "bo_planted_exploit")),
        "the planted order is not among the exploits: AI {:.1}, plans {:?}",
        report.ai_mean,
        report
            .plans
            .iter()
            .map(|p| (&p.spec, p.mean, p.difference))
            .collect::<Vec<_>>()
    );
    // Every exploit found carries the planted order: the rest of the fixture holds no plan that
    // beats the AI beyond its interval on fresh games.
    for plan in &exploits {
        assert!(plan.spec.contains("bo_planted_exploit"), "{}", plan.spec);
        assert!(
            plan.confirmed.is_some(),
            "an exploit is confirmed on fresh games"
        );
    }
    assert!(
        report.ai_fresh_mean.is_some(),
        "the AI played the fresh games"
    );
}
