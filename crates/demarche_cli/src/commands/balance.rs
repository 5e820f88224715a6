//! `demarche balance`: the exploit hunt of [`crate::balance`], printed for authors.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use demarche_sim::{Scenario, Side};
use serde_json::json;

use super::load_scenario;
use crate::args::BalanceArgs;
use crate::balance::{Evaluation, SeatReport, Settings, search};
use crate::error::CliError;

/// Runs the hunt; exit 1 when a plan beats the AI beyond its interval.
pub fn run(args: &BalanceArgs) -> Result<ExitCode, CliError> {
    let scn = load_scenario(&args.scenario)?;
    if !(args.budget.is_finite() && args.budget > 0.0 && args.budget <= 10_000.0) {
        return Err(CliError::Usage(format!(
            "--budget {}: give the CPU minutes as a number above 0 and at most 10000",
            args.budget
        )));
    }
    let seats = match &args.seat {
        None => Side::BOTH.to_vec(),
        Some(actor) => vec![scn.side_named(actor).map_err(CliError::Side)?],
    };
    let settings = Settings {
        ai: args.ai.clone(),
        games: args.games,
        base_seed: args.seed.unwrap_or(scn.meta.default_seed),
        budget: Duration::from_secs_f64(args.budget * 60.0),
        threads: super::worker_threads(args.threads),
        seats,
        max_plans: args.max_plans,
    };
    let reports = search(&scn, &settings)?;
    let exploit = reports.iter().any(|r| r.exploits().next().is_some());
    if args.json {
        println!("{}", as_json(&scn, &settings, &reports, args.top));
    } else {
        print!("{}", as_text(&scn, args, &settings, &reports));
    }
    Ok(if exploit {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn other_of(scn: &Scenario, seat: Side) -> String {
    scn.actor(scn.actor_of(seat.other())).key.clone()
}

/// The command that replays a plan in its seat against the AI.
pub fn replay_command(
    scn_dir: &str,
    seat_actor: &str,
    other: &str,
    spec: &str,
    ai: &str,
) -> String {
    format!(
        "demarche run --scenario {scn_dir} --side {seat_actor}='plan:{spec}' --side {other}={ai}"
    )
}

fn as_text(
    scn: &Scenario,
    args: &BalanceArgs,
    settings: &Settings,
    reports: &[SeatReport],
) -> String {
    let mut out = String::new();
    let cpu: Duration = reports.iter().map(|r| r.cpu).sum();
    let games: u32 = reports.iter().map(|r| r.games).sum();
    let _ = writeln!(
        out,
        "Balance of \"{}\" against {}: {} games per plan, seed {}; {:.1} of {:.1} CPU minutes, {games} games",
        scn.meta.title,
        settings.ai,
        settings.games,
        settings.base_seed,
        cpu.as_secs_f64() / 60.0,
        settings.budget.as_secs_f64() / 60.0,
    );
    let dir = args.scenario.display().to_string();
    for report in reports {
        let _ = writeln!(
            out,
            "\n{}: the AI scores {:.1} against the AI; {} fixed plans tried",
            report.actor,
            report.ai_mean,
            report.plans.len()
        );
        if report.plans.is_empty() {
            let _ = writeln!(
                out,
                "  the budget was spent on the AI's own games before any plan: give a larger --budget"
            );
            continue;
        }
        let exploits: Vec<&Evaluation> = report.exploits().collect();
        let at_least = report.plans.iter().filter(|p| p.at_least_ai()).count();
        let fresh = report.ai_fresh_mean.map_or(String::new(), |m| {
            format!("; on fresh games the AI scores {m:.1}")
        });
        if exploits.is_empty() {
            let _ = writeln!(
                out,
                "  no fixed plan beats the AI beyond the interval on fresh games ({at_least} score at least as well in the search){fresh}"
            );
        } else {
            let _ = writeln!(
                out,
                "  EXPLOIT: {} fixed plan(s) beat the AI beyond the interval on fresh games{fresh}",
                exploits.len()
            );
        }
        let _ = writeln!(
            out,
            "  {:<9} {:>6}  {:>24}  {:>24}  plan",
            "found by", "mean", "search: vs AI [95 %]", "fresh: vs AI [95 % joint]"
        );
        let shown = report
            .plans
            .iter()
            .enumerate()
            .filter(|(i, p)| *i < args.top || p.confirmed.is_some())
            .map(|(_, p)| p);
        for plan in shown {
            let (d, lo, hi) = plan.difference;
            let confirmed = plan
                .confirmed
                .map_or("(not confirmed)".to_owned(), |(d, lo, hi)| {
                    format!("{d:>+6.1} [{lo:>+6.1}, {hi:>+6.1}]")
                });
            let _ = writeln!(
                out,
                "  {:<9} {:>6.1}  {:>+6.1} [{:>+6.1}, {:>+6.1}]  {:>24}{}  plan:{}",
                plan.kind,
                plan.mean,
                d,
                lo,
                hi,
                confirmed,
                if plan.is_exploit() { " !" } else { "  " },
                shorten(&plan.spec, SHOWN_ORDERS)
            );
        }
        if let Some(best) = report.plans.first() {
            let _ = writeln!(
                out,
                "  replay the best: {}",
                replay_command(
                    &dir,
                    &report.actor,
                    &other_of(scn, report.seat),
                    &best.spec,
                    &settings.ai
                )
            );
        }
    }
    out
}

/// Orders of a plan shown in the text report (the JSON report and the replay line give all).
const SHOWN_ORDERS: usize = 6;

/// A plan's first `n` orders, and how many more there are.
fn shorten(spec: &str, n: usize) -> String {
    let orders: Vec<&str> = spec.split('+').collect();
    if orders.len() <= n {
        return spec.to_owned();
    }
    format!("{} … (+{} more)", orders[..n].join("+"), orders.len() - n)
}

fn as_json(scn: &Scenario, settings: &Settings, reports: &[SeatReport], top: usize) -> String {
    let seats: Vec<_> = reports
        .iter()
        .map(|r| {
            let plans: Vec<_> = r
                .plans
                .iter()
                .take(top)
                .map(|p| {
                    json!({
                        "found_by": p.kind,
                        "plan": format!("plan:{}", p.spec),
                        "mean": p.mean,
                        "difference": p.difference.0,
                        "low": p.difference.1,
                        "high": p.difference.2,
                        "fresh_difference": p.confirmed.map(|c| c.0),
                        "fresh_low": p.confirmed.map(|c| c.1),
                        "fresh_high": p.confirmed.map(|c| c.2),
                        "exploit": p.is_exploit(),
                    })
                })
                .collect();
            json!({
                "seat": r.actor,
                "opponent": other_of(scn, r.seat),
                "ai_mean": r.ai_mean,
                "ai_fresh_mean": r.ai_fresh_mean,
                "plans_tried": r.plans.len(),
                "exploits": r.exploits().count(),
                "at_least_ai": r.plans.iter().filter(|p| p.at_least_ai()).count(),
                "games": r.games,
                "cpu_seconds": r.cpu.as_secs_f64(),
                "best": plans,
            })
        })
        .collect();
    json!({
        "scenario": scn.meta.id,
        "ai": settings.ai,
        "games_per_plan": settings.games,
        "seed": settings.base_seed,
        "budget_cpu_seconds": settings.budget.as_secs_f64(),
        "seats": seats,
    })
    .to_string()
}
