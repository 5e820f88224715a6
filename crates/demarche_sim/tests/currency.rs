//! The scenario's currency and sides at the edges: money labels come from `currency` in
//! `scenario.ron`, a folder written before `currency` existed still loads, the old rules field
//! is refused with the new place named, and a mistyped side gets a did-you-mean.

mod common;

use common::Copy;
use demarche_sim::Side;
use demarche_sim::report::Metric;
use demarche_sim::scenario::{Currency, render_problems};

#[test]
fn the_fixtures_florins_label_its_money() {
    let scn = common::fixture();
    assert_eq!(scn.meta.currency.code, "FLO");
    assert_eq!(Metric::Trade.label(&scn), "bilateral trade (ƒbn/yr)");
    assert_eq!(scn.meta.currency.amount(41.6), "ƒ42bn");
    assert_eq!(scn.meta.currency.per_year(), "ƒbn/yr");
}

#[test]
fn a_folder_without_a_currency_loads_in_us_dollars() {
    let copy = Copy::new();
    let text = copy.read("scenario.ron");
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.contains("currency:") && !line.contains("florins"))
        .collect();
    assert!(
        kept.len() < text.lines().count(),
        "the fixture declares a currency"
    );
    copy.write("scenario.ron", &kept.join("\n"));
    let loaded = demarche_sim::load(copy.path())
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    let money = &loaded.scenario.meta.currency;
    assert_eq!(*money, Currency::default());
    assert_eq!(money.per_usd, 1.0);
    assert_eq!(
        Metric::Trade.label(&loaded.scenario),
        "bilateral trade ($bn/yr)"
    );
}

#[test]
fn the_old_exchange_rate_in_rules_names_its_new_place() {
    let copy = Copy::new();
    copy.replace("rules.ron", "(", "(\n    yen_per_usd: 115.0,");
    let problems = match demarche_sim::load(copy.path()) {
        Ok(_) => panic!("a rules.ron with the old field loaded"),
        Err(e) => e.problems,
    };
    let error = problems.iter().find(|p| p.is_error()).expect("an error");
    assert!(
        error.file.ends_with("rules.ron"),
        "{}",
        render_problems(&problems)
    );
    assert!(error.location.is_some());
    assert!(error.message.contains("yen_per_usd"));
    let help = error.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("scenario.ron") && help.contains("currency") && help.contains("per_usd"),
        "{help}"
    );
}

#[test]
fn a_mistyped_side_gets_a_did_you_mean_and_the_list_of_sides() {
    let scn = common::fixture();
    assert_eq!(scn.side_named("BOR"), Ok(Side::Second));
    assert_eq!(
        scn.side_named("ald").unwrap_err(),
        "unknown side `ald`; did you mean `ALD`? The sides of this scenario are: ALD, BOR"
    );
    assert_eq!(
        scn.side_named("LEAGUE").unwrap_err(),
        "unknown side `LEAGUE`. The sides of this scenario are: ALD, BOR"
    );
}

#[test]
fn a_side_flag_must_be_plain() {
    let copy = Copy::new();
    copy.replace("actors.ron", "flag: \"aldova\"", "flag: \"--Aldova\"");
    let problems = match demarche_sim::load(copy.path()) {
        Ok(_) => panic!("a bad flag loaded"),
        Err(e) => e.problems,
    };
    assert!(
        problems
            .iter()
            .any(|p| p.is_error() && p.message.contains("not a valid flag")),
        "{}",
        render_problems(&problems)
    );
}

#[test]
fn the_focus_region_is_the_first_disputed_one() {
    let scn = common::fixture();
    let region = scn.focus_region().expect("a region");
    assert!(scn.region(region).is_disputed());
    assert_eq!(
        scn.region(region).key,
        scn.regions.iter().find(|r| r.is_disputed()).unwrap().key
    );
}

#[test]
fn a_compatible_hash_must_be_sixteen_hex_digits() {
    let copy = Copy::new();
    copy.replace(
        "scenario.ron",
        "initial_tension: 18,",
        "initial_tension: 18,\n    compatible_hashes: [\"0123456789abcdef\", \"not-a-hash\"],",
    );
    let problems = match demarche_sim::load(copy.path()) {
        Ok(_) => panic!("a bad hash loaded"),
        Err(e) => e.problems,
    };
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", render_problems(&problems));
    assert!(
        errors[0]
            .message
            .contains("`not-a-hash` is not a content hash")
    );
    assert!(errors[0].location.is_some());
}
