//! `demarche balance`: hunts for fixed plans that do at least as well as the AI against the AI.
//!
//! A fixed plan gives the same bundle of orders every turn ([`FixedPlan`]), whatever happens. A
//! strategy game whose lesson is that costly signals carry information must not be solved by
//! one: if repeating a few cheap statements, doing nothing, or pressing everywhere scores as
//! well as the AI's look-ahead, the model rewards a trick rather than judgement. The search
//! tries, in each seat:
//!
//! 1. the AI itself against the AI (the reference), game by game;
//! 2. doing nothing; all-out pressure (every hawkish order the capital allows); the steady
//!    sanctions course (every hawkish sanction as soon as it opens, and nothing else); every
//!    cheap action alone (capital at most [`CHEAP_CAPITAL`]), then bundles of the best of them;
//! 3. a local search from the best plans found: add, drop or swap one order, keep what scores
//!    better, until the seat's share of the budget is spent.
//!
//! Every plan plays the same games as the reference (game `i` has the same seed and the same AI
//! opponent), so each plan's score is compared game by game with the AI's, and the report gives
//! the mean difference with a 95 % interval.
//!
//! Picking the best of many plans on the same games favours the lucky ones, so the search keeps
//! a share of the budget ([`CONFIRM_SHARE`]) to play its [`CONFIRMED`] best plans, and the AI
//! again, on [`CONFIRM_FACTOR`] times as many games it has not seen (other seeds). A plan is an
//! exploit only when its interval on those fresh games lies wholly above zero; the intervals of
//! the confirmation are widened for the number of plans confirmed (Bonferroni), so that the
//! chance of calling any plan of an even match an exploit stays at 5 % rather than growing with
//! each plan tried.
//!
//! The budget is CPU time: the processor time the process spends playing each batch of games,
//! all worker threads together, so that a busy machine plays as many games for a budget as an
//! idle one (only slower). Where the platform cannot tell it, the wall time of the batch times
//! its worker threads stands in.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cpu_time::ProcessTime;

use demarche_sim::batch::stream;
use demarche_sim::policy::{FixedPlan, PlanSpec, Policy, orders_of};
use demarche_sim::rng::SimRng;
use demarche_sim::scenario::{Category, Order, Scenario, SignalKind, Stance};
use demarche_sim::{ActorId, Side};

use crate::commands::batch::mean;
use crate::error::CliError;
use crate::policies;

/// Actions of at most this much political capital count as cheap.
pub const CHEAP_CAPITAL: f64 = 1.0;

/// Most orders in a plan the search builds.
pub const MAX_PLAN: usize = 5;

/// Share of each seat's budget kept to confirm the best plans on fresh games.
pub const CONFIRM_SHARE: f64 = 0.25;

/// How many of the best plans are confirmed on fresh games.
pub const CONFIRMED: usize = 3;

/// How many times the search's games per plan the confirmation plays (more fresh games than the
/// search's: a confirmation must be sharper than the guess it checks).
pub const CONFIRM_FACTOR: u32 = 2;

/// Mixed into the base seed for the fresh games of the confirmation.
const FRESH: u64 = 0xf4e5_4c0f_11a7_e5ed;

/// What to search, and with how much.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The AI both as opponent and as reference, e.g. `ai` or `ai:realist:hard`.
    pub ai: String,
    /// Games each plan plays (the same games for every plan).
    pub games: u32,
    /// Seed of game 0 (the others derive from it).
    pub base_seed: u64,
    /// CPU time to spend in all, shared equally between the seats searched.
    pub budget: Duration,
    /// Worker threads.
    pub threads: usize,
    /// The seats to search.
    pub seats: Vec<Side>,
    /// Stop a seat after this many plans even with budget left (a search that does not depend
    /// on the machine's speed, for tests and for reproducing a report).
    pub max_plans: Option<usize>,
}

/// One plan's result in one seat.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// How the plan was found: `nothing`, `pressure`, `cheap`, `bundle`, `local`.
    pub kind: &'static str,
    /// The plan as written after `plan:` (empty for doing nothing).
    pub spec: String,
    /// The plan's score in each game.
    pub scores: Vec<f64>,
    /// Its mean score.
    pub mean: f64,
    /// Mean of (plan − AI) game by game, with its 95 % interval.
    pub difference: (f64, f64, f64),
    /// The same on fresh games, for the plans confirmed.
    pub confirmed: Option<(f64, f64, f64)>,
}

impl Evaluation {
    /// Whether the plan beats the AI beyond the interval on fresh games.
    pub fn is_exploit(&self) -> bool {
        self.confirmed.is_some_and(|c| c.1 > 0.0)
    }

    /// Whether it scores at least as well as the AI on average.
    pub fn at_least_ai(&self) -> bool {
        self.difference.0 >= 0.0
    }
}

/// The search in one seat.
#[derive(Clone, Debug)]
pub struct SeatReport {
    /// The seat.
    pub seat: Side,
    /// The actor's key.
    pub actor: String,
    /// The AI's scores in this seat against the AI, game by game.
    pub ai_scores: Vec<f64>,
    /// The AI's mean score.
    pub ai_mean: f64,
    /// The AI's mean score on the fresh games of the confirmation (if it was reached).
    pub ai_fresh_mean: Option<f64>,
    /// Every plan evaluated, best first.
    pub plans: Vec<Evaluation>,
    /// Games played in this seat (the reference included).
    pub games: u32,
    /// CPU time spent in this seat.
    pub cpu: Duration,
}

impl SeatReport {
    /// The plans that beat the AI beyond the interval.
    pub fn exploits(&self) -> impl Iterator<Item = &Evaluation> {
        self.plans.iter().filter(|p| p.is_exploit())
    }
}

/// Runs the search in every seat asked for.
pub fn search(scn: &Arc<Scenario>, settings: &Settings) -> Result<Vec<SeatReport>, CliError> {
    policies::check(scn, &settings.ai)?;
    if settings.games < 2 {
        return Err(CliError::Usage(
            "balance needs at least 2 games per plan to give an interval".into(),
        ));
    }
    let seats = settings.seats.len().max(1) as u32;
    let share = settings.budget / seats;
    settings
        .seats
        .iter()
        .map(|&seat| Ok(search_seat(scn, settings, seat, share)))
        .collect()
}

/// The games of one seat, with the budget they may use.
struct Arena<'a> {
    scn: &'a Arc<Scenario>,
    settings: &'a Settings,
    seat: Side,
    spent: Duration,
    games: u32,
    budget: Duration,
    plans: usize,
    /// The base seed of the games played now (the search's, then the fresh games').
    seed_base: u64,
    /// How many times `settings.games` each play is (1 in the search, [`CONFIRM_FACTOR`] in
    /// the confirmation).
    factor: u32,
}

impl Arena<'_> {
    fn exhausted(&self) -> bool {
        self.spent >= self.budget || self.settings.max_plans.is_some_and(|m| self.plans >= m)
    }

    /// Plays every game with `make` building the seat's policy, and returns the seat's scores.
    fn play(&mut self, make: &(dyn Fn(u64) -> Box<dyn Policy> + Sync)) -> Vec<f64> {
        let n = self.settings.games * self.factor;
        let scores = Mutex::new(vec![f64::NAN; n as usize]);
        let seat = self.seat;
        let workers = self.settings.threads.max(1).min(n as usize);
        let start = Instant::now();
        let cpu_start = ProcessTime::try_now().ok();
        let pair = |seed| {
            let mut pair = ai_pair(&self.settings.ai, seed);
            pair[seat.index()] = make(seed);
            pair
        };
        stream(
            self.scn.clone(),
            n,
            self.seed_base,
            workers,
            pair,
            |result| {
                if let Ok(mut s) = scores.lock() {
                    s[result.index as usize] = result.scores()[seat.index()];
                }
            },
        );
        self.games += n;
        self.spent += cpu_start
            .and_then(|t| t.try_elapsed().ok())
            .unwrap_or_else(|| start.elapsed() * workers as u32);
        scores.into_inner().unwrap_or_default()
    }
}

/// Both sides' policies for game `seed` as `policies::build_pair` makes them with the AI in
/// both seats; the caller replaces the seat it tests.
fn ai_pair(ai: &str, seed: u64) -> [Box<dyn Policy>; 2] {
    let names = [ai.to_owned(), ai.to_owned()];
    policies::build_pair(&names, seed).expect("the AI's name was checked")
}

fn search_seat(
    scn: &Arc<Scenario>,
    settings: &Settings,
    seat: Side,
    budget: Duration,
) -> SeatReport {
    let actor = scn.actor_of(seat);
    let mut arena = Arena {
        scn,
        settings,
        seat,
        spent: Duration::ZERO,
        games: 0,
        budget: budget.mul_f64(1.0 - CONFIRM_SHARE),
        plans: 0,
        seed_base: settings.base_seed,
        factor: 1,
    };
    let ai = settings.ai.clone();
    let ai_in_seat = |seed| {
        let [first, second] = ai_pair(&ai, seed);
        match seat {
            Side::First => first,
            Side::Second => second,
        }
    };
    let ai_scores = arena.play(&ai_in_seat);
    let mut search = Search {
        scn,
        ai_scores: ai_scores.clone(),
        plans: Vec::new(),
    };
    let pool = orders_of_actor(scn, actor);

    // Fixed plans first: nothing, all-out pressure, each cheap action alone.
    let mut fixed: Vec<(&'static str, Vec<Order>)> = vec![("nothing", Vec::new())];
    let pressure: Vec<Order> = pool
        .iter()
        .filter(|o| scn.action(o.action).stance == Stance::Hawkish)
        .cloned()
        .collect();
    // The steady costly course beside it: the sanctions alone, without the terminations, the
    // expulsions and the shows of force that all-out pressure adds. Cheap talk is measured
    // against costly courses, so the search must try one that does not harm itself.
    let sanctions: Vec<Order> = pressure
        .iter()
        .filter(|o| scn.action(o.action).category == Category::Sanctions)
        .cloned()
        .collect();
    if !pressure.is_empty() {
        fixed.push(("pressure", pressure.clone()));
    }
    if !sanctions.is_empty() && sanctions != pressure {
        fixed.push(("sanctions", sanctions));
    }
    let cheap: Vec<Order> = pool
        .iter()
        .filter(|o| {
            let a = scn.action(o.action);
            a.capital <= CHEAP_CAPITAL && a.stance != Stance::Hawkish
        })
        .cloned()
        .collect();
    // Cheap talk first: the plans this tool exists to rule out.
    let mut cheap_sorted = cheap.clone();
    cheap_sorted.sort_by_key(|o| scn.action(o.action).signal != SignalKind::CheapTalk);
    fixed.extend(cheap_sorted.iter().map(|o| ("cheap", vec![o.clone()])));
    for (kind, orders) in fixed {
        if arena.exhausted() {
            break;
        }
        search.evaluate(&mut arena, kind, orders);
    }

    // Bundles of the best cheap singles, greedily: the best single, plus the next best, …
    let mut singles: Vec<&Evaluation> = search.plans.iter().filter(|p| p.kind == "cheap").collect();
    singles.sort_by(|a, b| b.mean.total_cmp(&a.mean));
    let best_singles: Vec<Vec<Order>> = singles
        .iter()
        .take(MAX_PLAN)
        .filter_map(|p| resolve(scn, &p.spec))
        .collect();
    let mut bundle: Vec<Order> = Vec::new();
    for single in best_singles {
        if arena.exhausted() {
            break;
        }
        bundle.extend(single);
        if bundle.len() >= 2 {
            search.evaluate(&mut arena, "bundle", bundle.clone());
        }
    }

    // Local search from the best plan so far.
    let rng = SimRng {
        seed: settings.base_seed ^ 0xba1a_9ce0,
    };
    let mut step = 0u32;
    let mut current = search.best_orders();
    let mut current_mean = search.mean_of(&current);
    while !arena.exhausted() && !pool.is_empty() {
        step += 1;
        if step > 10_000 {
            break;
        }
        let mut draw = rng.fork(step, "balance");
        let mut candidate = current.clone();
        let pick = pool[draw.below(pool.len())].clone();
        match draw.below(3) {
            0 if candidate.len() < MAX_PLAN && !candidate.contains(&pick) => candidate.push(pick),
            1 if !candidate.is_empty() => {
                candidate.remove(draw.below(candidate.len()));
            }
            _ if !candidate.is_empty() && !candidate.contains(&pick) => {
                let at = draw.below(candidate.len());
                candidate[at] = pick;
            }
            _ => continue,
        }
        if search.seen(&candidate) {
            continue;
        }
        let mean = search.evaluate(&mut arena, "local", candidate.clone());
        if mean > current_mean {
            current = candidate;
            current_mean = mean;
        }
    }

    let mut plans = search.plans;
    plans.sort_by(|a, b| b.mean.total_cmp(&a.mean));

    // Confirmation: the best distinct plans and the AI again, on games the search never saw.
    arena.budget = budget;
    arena.plans = 0;
    arena.seed_base = settings.base_seed ^ FRESH;
    arena.factor = CONFIRM_FACTOR;
    let mut ai_fresh_mean = None;
    let mut ranked: Vec<usize> = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let same = ranked
            .iter()
            .any(|&j| plans[j].scores == plan.scores && plans[j].mean == plan.mean);
        if !same {
            ranked.push(i);
        }
        if ranked.len() == CONFIRMED {
            break;
        }
    }
    if !ranked.is_empty() && settings.max_plans != Some(0) {
        let fresh_ai = arena.play(&ai_in_seat);
        ai_fresh_mean = Some(mean(&fresh_ai));
        let tests = ranked.len();
        for i in ranked {
            if arena.spent >= arena.budget {
                break;
            }
            let Some(orders) = resolve(scn, &plans[i].spec) else {
                continue;
            };
            let fresh = arena.play(&|_| Box::new(FixedPlan::of_orders(scn, orders.clone())));
            plans[i].confirmed = Some(paired_difference_jointly(&fresh, &fresh_ai, tests));
        }
    }

    SeatReport {
        seat,
        actor: scn.actor(actor).key.clone(),
        ai_fresh_mean,
        ai_mean: mean(&ai_scores),
        ai_scores,
        plans,
        games: arena.games,
        cpu: arena.spent,
    }
}

/// The plans tried in one seat.
struct Search<'a> {
    scn: &'a Arc<Scenario>,
    ai_scores: Vec<f64>,
    plans: Vec<Evaluation>,
}

impl Search<'_> {
    /// Plays a plan in every game, records it and returns its mean score.
    fn evaluate(&mut self, arena: &mut Arena, kind: &'static str, orders: Vec<Order>) -> f64 {
        let scn = self.scn;
        let spec = PlanSpec::write(scn, &orders);
        let scores = arena.play(&|_| Box::new(FixedPlan::of_orders(scn, orders.clone())));
        arena.plans += 1;
        let evaluation = Evaluation {
            kind,
            spec,
            mean: mean(&scores),
            difference: paired_difference(&scores, &self.ai_scores),
            confirmed: None,
            scores,
        };
        let m = evaluation.mean;
        self.plans.push(evaluation);
        m
    }

    fn seen(&self, orders: &[Order]) -> bool {
        let spec = PlanSpec::write(self.scn, orders);
        self.plans.iter().any(|p| p.spec == spec)
    }

    fn best_orders(&self) -> Vec<Order> {
        self.plans
            .iter()
            .max_by(|a, b| a.mean.total_cmp(&b.mean))
            .and_then(|p| resolve(self.scn, &p.spec))
            .unwrap_or_default()
    }

    fn mean_of(&self, orders: &[Order]) -> f64 {
        let spec = PlanSpec::write(self.scn, orders);
        self.plans
            .iter()
            .find(|p| p.spec == spec)
            .map_or(f64::NEG_INFINITY, |p| p.mean)
    }
}

fn resolve(scn: &Scenario, spec: &str) -> Option<Vec<Order>> {
    PlanSpec::parse(spec).ok()?.resolve(scn).ok()
}

/// Every order the actor could ever give: each of its actions with each target allowed.
fn orders_of_actor(scn: &Scenario, actor: ActorId) -> Vec<Order> {
    scn.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.actors.contains(&actor))
        .flat_map(|(i, _)| orders_of(scn, demarche_sim::ActionId::from_index(i)))
        .collect()
}

/// Mean of `a − b` pair by pair, with a 95 % interval from Student's t.
pub fn paired_difference(a: &[f64], b: &[f64]) -> (f64, f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let n = d.len();
    let m = mean(&d);
    if n < 2 {
        return (m, f64::NEG_INFINITY, f64::INFINITY);
    }
    let var = d.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = t95(n - 1) * (var / n as f64).sqrt();
    (m, m - half, m + half)
}

/// [`paired_difference`] for one of `tests` differences read together: each interval is a
/// two-sided `1 − 0.05 / tests` one (Bonferroni), so that all of them hold together with 95 %
/// confidence.
pub fn paired_difference_jointly(a: &[f64], b: &[f64], tests: usize) -> (f64, f64, f64) {
    let (m, lo, hi) = paired_difference(a, b);
    let n = a.len().min(b.len());
    if tests <= 1 || n < 2 {
        return (m, lo, hi);
    }
    let widen = t_quantile(1.0 - 0.025 / tests as f64, n - 1) / t95(n - 1);
    (m, m - (m - lo) * widen, m + (hi - m) * widen)
}

/// The `p` quantile (0.5 < `p` < 1) of Student's t with `df` degrees of freedom, found by
/// bisection on its distribution function.
pub fn t_quantile(p: f64, df: usize) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    while t_cdf(hi, df) < p && hi < 1e7 {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if t_cdf(mid, df) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Student's t distribution function at `t` ≥ 0: 1 − ½ I_{ν/(ν+t²)}(ν/2, ½).
fn t_cdf(t: f64, df: usize) -> f64 {
    let v = df as f64;
    1.0 - 0.5 * incomplete_beta(v / (v + t * t), v / 2.0, 0.5)
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz's
/// method, as in Press et al., *Numerical Recipes*, §6.4).
fn incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_fraction(1.0 - x, b, a) / b
    }
}

/// The continued fraction of the incomplete beta function.
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        for coefficient in [
            even,
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0)),
        ] {
            d = 1.0 + coefficient * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + coefficient / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// ln Γ(x) for x > 0 (Lanczos' approximation, g = 7, nine terms).
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = G[0];
    for (i, g) in G.iter().enumerate().skip(1) {
        sum += g / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// Student's t for a two-sided 95 % interval with `df` degrees of freedom.
pub fn t95(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df - 1],
        31..=60 => 2.00,
        61..=120 => 1.98,
        _ => 1.96,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_of_a_constant_difference_is_that_difference() {
        let (m, lo, hi) = paired_difference(&[5.0, 6.0, 7.0], &[4.0, 5.0, 6.0]);
        assert_eq!((m, lo, hi), (1.0, 1.0, 1.0));
    }

    #[test]
    fn a_noisy_difference_has_an_interval_around_its_mean() {
        let (m, lo, hi) = paired_difference(&[10.0, 0.0, 10.0, 0.0], &[5.0, 5.0, 5.0, 5.0]);
        assert_eq!(m, 0.0);
        assert!(lo < 0.0 && hi > 0.0, "{lo} {hi}");
        assert!((hi - 3.182 * (25.0f64 / 3.0).sqrt()).abs() < 1e-9, "{hi}");
    }

    #[test]
    fn the_computed_t_matches_the_table() {
        for df in 1..=30 {
            let t = t_quantile(0.975, df);
            assert!(
                (t - t95(df)).abs() < 2e-3,
                "df {df}: {t} against {}",
                t95(df)
            );
        }
        assert!((t_quantile(0.975, 100_000) - 1.96).abs() < 1e-3);
        // Two more points of the usual tables: t(0.995, 11) and t(0.99, 23).
        assert!((t_quantile(0.995, 11) - 3.106).abs() < 2e-3);
        assert!((t_quantile(0.99, 23) - 2.500).abs() < 2e-3);
    }

    #[test]
    fn reading_several_differences_together_widens_each_interval() {
        let a = [10.0, 0.0, 10.0, 4.0, 7.0, 9.0];
        let b = [5.0, 5.0, 5.0, 5.0, 5.0, 5.0];
        let alone = paired_difference(&a, &b);
        assert_eq!(paired_difference_jointly(&a, &b, 1), alone);
        let three = paired_difference_jointly(&a, &b, 3);
        assert_eq!(three.0, alone.0);
        assert!(
            three.1 < alone.1 && three.2 > alone.2,
            "{three:?} {alone:?}"
        );
        // The 1 − 0.05/3 two-sided interval with 5 degrees of freedom: t(0.99167, 5) ≈ 3.53.
        let widen = (three.2 - three.0) / (alone.2 - alone.0);
        assert!((widen * t95(5) - 3.53).abs() < 0.02, "{}", widen * t95(5));
    }

    #[test]
    fn t_shrinks_toward_the_normal_value() {
        assert!(t95(1) > t95(10) && t95(10) > t95(100) && t95(1000) == 1.96);
    }
}
