//! The AI's view of its objectives: the scenario's conditions with gentler slopes, so a
//! look-ahead of a turn or two can tell a move that brings an objective closer (or keeps a safer
//! margin above its line) from one that does not. The game's own score is unchanged.

use demarche_sim::ActorId;
use demarche_sim::rules::View;
use demarche_sim::scenario::{Condition, Quantity};

/// How much a quantity moves in one turn, for the AI's guess of where it ends: 4 points on the
/// 0–100 scales, half a rung, 4 % of the line for trade and 0.04 for beliefs; the turn number is
/// certain.
fn volatility(q: &Quantity, line: f64) -> f64 {
    match q {
        Quantity::Turn => 0.0,
        Quantity::Rung | Quantity::MaxRung => 0.5,
        Quantity::Trade => 0.04 * line.abs().max(1.0),
        Quantity::Belief(_) => 0.04,
        _ => 2.5,
    }
}

/// The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 2e-7).
fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The standard normal density.
fn normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// The game's own credit for a threshold: 1 at or past the line, falling to 0 over `band`.
fn credit(excess: f64, band: f64) -> f64 {
    (1.0 + excess / band).clamp(0.0, 1.0)
}

/// The expected final credit of a threshold objective whose quantity now stands `excess` past
/// its line and may still wander by `spread` (one standard deviation) before the game ends.
fn expected_credit(excess: f64, spread: f64, band: f64) -> f64 {
    if spread < 1e-9 {
        return credit(excess, band);
    }
    // E[credit] = (s/m)·(G((e+m)/s) − G(e/s)) with G(u) = u·Φ(u) + φ(u).
    let g = |u: f64| u * normal_cdf(u) + normal_pdf(u);
    ((spread / band) * (g((excess + band) / spread) - g(excess / spread))).clamp(0.0, 1.0)
}

/// A condition's expected degree at the end of the game, 0 to 1: thresholds count the chance
/// that the quantity still crosses its line in the turns left, with partial credit over `band`
/// (the objective's own margin, as the game scores it); everything else is 0 or 1.
pub fn degree(view: &View, condition: &Condition, actor: Option<ActorId>, band: f64) -> f64 {
    let left = view.turns_left();
    let threshold = |q: &Quantity, excess: f64, line: f64| {
        expected_credit(excess, volatility(q, line) * f64::from(left).sqrt(), band)
    };
    match condition {
        Condition::All(items) => items
            .iter()
            .map(|c| degree(view, c, actor, band))
            .fold(1.0, f64::min),
        Condition::Any(items) => items
            .iter()
            .map(|c| degree(view, c, actor, band))
            .fold(0.0, f64::max),
        Condition::Not(inner) => match demarche_sim::rules::eval::negate(inner) {
            Some(opposite) => degree(view, &opposite, actor, band),
            None => f64::from(u8::from(!view.holds(inner, actor))),
        },
        Condition::AtLeast(q, v) => threshold(q, view.quantity(q, actor) - v, *v),
        Condition::AtMost(q, v) => threshold(q, v - view.quantity(q, actor), *v),
        other => f64::from(u8::from(view.holds(other, actor))),
    }
}

/// Each objective's shaped degree (by objective index; other sides' objectives too).
pub fn objectives(view: &View) -> Vec<f64> {
    view.scn
        .objectives
        .iter()
        .map(|o| {
            let band = o.margin.unwrap_or(view.scn.params.objective_margin);
            degree(view, &o.condition, Some(o.side), band)
        })
        .collect()
}

/// A side's shaped score, 0–100.
pub fn score(view: &View, actor: ActorId, degrees: &[f64]) -> f64 {
    let (sum, weight) = view
        .scn
        .objectives
        .iter()
        .enumerate()
        .zip(degrees)
        .filter(|((_, o), _)| o.side == actor)
        .fold((0.0, 0.0), |(s, w), ((i, _), d)| {
            let weight = view.status.weight(view.scn, i);
            (s + weight * d, w + weight)
        });
    if weight > 0.0 {
        100.0 * sum / weight
    } else {
        0.0
    }
}

/// A side's shaped score at the end of a look-ahead, discounted for the chance that the tension
/// left there turns into an armed clash before the game ends: the game's own incident and
/// clash risks, compounded over the turns that remain.
pub fn expected_score(view: &View, actor: ActorId, degrees: &[f64]) -> f64 {
    let now = score(view, actor, degrees);
    if view.mil.clash {
        return now;
    }
    let p = &view.scn.params;
    let per_turn = demarche_sim::rules::incidents::incident_risk(
        view.ind.tension,
        0.0,
        view.dip.back_channel,
        p,
    ) * demarche_sim::rules::incidents::clash_risk(view.ind.tension, p);
    let hazard = 1.0 - (1.0 - per_turn).powi(view.turns_left() as i32);
    if hazard <= 0.0 {
        return now;
    }
    let mut military = view.mil.clone();
    military.clash = true;
    let clashed = View {
        mil: &military,
        ..*view
    };
    let after_clash = score(&clashed, actor, &objectives(&clashed));
    (1.0 - hazard) * now + hazard * after_clash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_distribution_is_right_at_known_points() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-5);
    }

    #[test]
    fn expected_credit_values_margins_while_time_is_left() {
        // No time left: the game's own credit.
        assert_eq!(expected_credit(5.0, 0.0, 10.0), 1.0);
        assert_eq!(expected_credit(-5.0, 0.0, 10.0), 0.5);
        // Time left: a wider margin is worth more, a deficit can still be made up.
        assert!(expected_credit(20.0, 15.0, 10.0) > expected_credit(5.0, 15.0, 10.0));
        assert!(expected_credit(-20.0, 15.0, 10.0) > 0.0);
        assert!(expected_credit(-20.0, 15.0, 10.0) < expected_credit(-5.0, 15.0, 10.0));
        // It agrees with a brute-force average over the spread.
        let (e, s, m) = (3.0, 8.0, 10.0);
        let n = 20_000;
        let mut sum = 0.0;
        for i in 0..n {
            let x = -6.0 + 12.0 * (f64::from(i) + 0.5) / f64::from(n);
            sum += credit(e + s * x, m) * normal_pdf(x) * 12.0 / f64::from(n);
        }
        assert!((expected_credit(e, s, m) - sum).abs() < 1e-3);
    }
}
