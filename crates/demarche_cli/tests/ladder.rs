//! `batch --ladder` against the binary, on the engine's fixture: each difficulty in each seat on
//! the same game seeds as a plain batch, the steps as paired differences with their intervals,
//! each objective's mean degree at each rung, and clear refusals of what it cannot do.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../demarche_sim/tests/fixtures/two_rivers")
        .to_string_lossy()
        .into_owned()
}

fn batch(extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .args(["batch", "--scenario", &fixture(), "--games", "3", "--json"])
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn number(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("`{key}` in {v}"))
}

#[test]
fn the_ladder_pairs_each_difficulty_on_the_games_a_plain_batch_plays() {
    let ladder = json(&batch(&["--ladder"]));
    shows_what_each_rung_meets_objective_by_objective(&ladder);
    assert_eq!(ladder["personality"], "realist");
    let rows = ladder["rows"].as_array().expect("rows");
    let seats: Vec<&str> = rows.iter().map(|r| r["seat"].as_str().unwrap()).collect();
    assert_eq!(
        seats,
        ["ALD", "BOR"],
        "one row per seat against the default opponent"
    );
    for row in rows {
        assert_eq!(row["opponent"], "ai:realist:normal");
        let seat = row["seat"].as_str().unwrap();
        let other = if seat == "ALD" { "BOR" } else { "ALD" };
        // The easy rung is a plain batch of the easy AI in this seat against the normal one:
        // same games, same scores, so the ladder plays the seat it names on the batch's seeds.
        let plain = json(&batch(&[
            "--side",
            &format!("{seat}=ai:realist:easy"),
            "--side",
            &format!("{other}=ai:realist:normal"),
        ]));
        let easy = number(&plain["mean_score"], seat);
        assert!(
            (number(row, "easy") - easy).abs() < 1e-9,
            "{seat}: the ladder's easy {} against the batch's {easy}",
            row["easy"]
        );
        // A step's mean is the difference of the rungs' means (pairs, not other games), inside
        // its own interval.
        for (step, high, low) in [
            ("normal_minus_easy", "normal", "easy"),
            ("hard_minus_normal", "hard", "normal"),
        ] {
            let s = &row[step];
            let mean = number(s, "mean");
            assert!(
                (mean - (number(row, high) - number(row, low))).abs() < 1e-9,
                "{seat} {step}: {s}"
            );
            assert!(number(s, "low") <= mean && mean <= number(s, "high"), "{s}");
            assert_eq!(s["beyond"].as_bool(), Some(number(s, "low") > 0.0));
        }
    }
}

/// The ladder's objectives are the seat's, in file order, each with the mean of its final degree
/// over the rung's games: the easy rung's means are those of the same games played one by one
/// with `run`.
fn shows_what_each_rung_meets_objective_by_objective(ladder: &Value) {
    let base = ladder["seed"].as_u64().expect("the base seed");
    let scn = demarche_sim::load(Path::new(&fixture()))
        .expect("the fixture loads")
        .scenario;
    for row in ladder["rows"].as_array().expect("rows") {
        let seat = row["seat"].as_str().unwrap();
        let other = if seat == "ALD" { "BOR" } else { "ALD" };
        let actor = scn.names.actors[seat];
        let ids: Vec<&str> = scn
            .objectives
            .iter()
            .filter(|o| o.side == actor)
            .map(|o| o.key.as_str())
            .collect();
        let listed = row["objectives"].as_array().expect("objectives");
        let listed_ids: Vec<&str> = listed.iter().map(|o| o["id"].as_str().unwrap()).collect();
        assert_eq!(
            listed_ids, ids,
            "{seat}: the seat's objectives, in file order"
        );
        // The same three games, one by one: each objective's final degree, averaged.
        let mut sums = vec![0.0; ids.len()];
        for index in 0..3 {
            let seed = demarche_sim::batch::game_seed(base, index).to_string();
            let out = Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
                .args(["run", "--scenario", &fixture(), "--seed", &seed, "--json"])
                .args(["--side", &format!("{seat}=ai:realist:easy")])
                .args(["--side", &format!("{other}=ai:realist:normal")])
                .output()
                .expect("the binary runs");
            let last = String::from_utf8_lossy(&out.stdout)
                .lines()
                .last()
                .map(str::to_owned)
                .expect("a last line");
            let end: Value = serde_json::from_str(&last).expect("the end as JSON");
            for (sum, o) in sums
                .iter_mut()
                .zip(end["objectives"][seat].as_array().unwrap())
            {
                *sum += number(o, "degree");
            }
        }
        for (o, sum) in listed.iter().zip(&sums) {
            let degrees = ["easy", "normal", "hard"].map(|rung| number(o, rung));
            for d in degrees {
                assert!((0.0..=1.0).contains(&d), "{seat}: {o}");
            }
            let spread = degrees.iter().copied().fold(f64::MIN, f64::max)
                - degrees.iter().copied().fold(f64::MAX, f64::min);
            assert_eq!(o["alike"].as_bool(), Some(spread < 0.02), "{seat}: {o}");
            // `run` rounds each degree to a thousandth.
            assert!(
                (number(o, "easy") - sum / 3.0).abs() < 1e-3,
                "{seat}: {o} against the games' mean {}",
                sum / 3.0
            );
        }
    }
}

/// Runs `batch --scenario FIXTURE` with `args`, which must be refused with nothing on standard
/// output; its standard error.
fn refused(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .args(["batch", "--scenario", &fixture()])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(!out.status.success(), "{args:?} was accepted");
    assert!(
        out.stdout.is_empty(),
        "{args:?}: nothing printed but the error"
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_ladder_refuses_what_it_cannot_climb() {
    let stderr = refused(&["--ladder", "--ai", "hawk"]);
    assert!(stderr.contains("not an AI policy"), "{stderr}");

    let stderr = refused(&["--ladder", "--compare"]);
    assert!(
        stderr.contains("--compare") && stderr.contains("--ladder"),
        "{stderr}"
    );

    // One game gives no interval, so no step: refused, not printed as "[−inf, +inf]".
    let stderr = refused(&["--ladder", "--games", "1"]);
    assert!(stderr.contains("needs at least 2 games"), "{stderr}");
    // Nor does --compare print rates of nothing.
    let stderr = refused(&["--compare", "--games", "0"]);
    assert!(stderr.contains("needs at least 1 game per row"), "{stderr}");

    let stderr = refused(&["--ladder", "--ai", "ai:cautious"]);
    assert!(
        stderr.contains("unknown AI personality `cautious`"),
        "{stderr}"
    );
}
