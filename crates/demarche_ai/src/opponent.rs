//! What the AI makes of the other side's conduct: which style of play (the hawk's, the dove's or
//! the historical record) best explains the orders it has seen carried out, so that its
//! look-ahead meets the opponent it actually faces rather than a fixed guess.
//!
//! Only public knowledge is used: the game's record of the orders each side has carried out
//! (by stance, and how many were the historical record's orders for their turn). The likelihoods are deliberately coarse (a style explains an
//! order by its stance, the record by whether the order is the one the state gave that turn),
//! and the posterior is tempered and mixed with the prior, so a few turns of evidence shift the
//! futures the AI imagines without ever ruling a style out for good.
//!
//! Beside the styles, a long look-ahead (hard's) also meets the other side as a creature of
//! habit ([`Habit`]): going on with what the record shows it has done lately.

use demarche_sim::policy::{Policy, orders_of};
use demarche_sim::scenario::{Order, SignalKind, Stance};
use demarche_sim::state::{Record, Wear};
use demarche_sim::{ActionId, ActorId, SideView};

/// The other side as a creature of habit: it goes on with the actions it has used lately, the
/// most used first, each on the first target still open to it, while it can afford them. Read
/// from the public record of repetition (`Record::wear`: one point per use, fading each turn by
/// the scenario's `repeat_memory`), so it needs no look into the other side's mind: a side that
/// plans (a government with a course, or the AI itself, which weighs its bundles as plans) is
/// better foreseen by what it has been doing than by a rule of what a hawk or a dove would do.
pub(crate) struct Habit {
    /// At most this many orders a turn.
    pub bundle: usize,
}

/// How worn an action must be to count as a habit. A use leaves 1, which fades by the scenario's
/// memory each turn: with the bundled scenarios' 0.75, one use in any of the last three turns
/// counts (1, 0.75, 0.56), one four turns back does not (0.42) unless used more often.
const HABIT_WEAR: f64 = 0.5;

impl Habit {
    /// Whether `wear` is a habit of `actor`'s.
    fn is_habit(wear: &Wear, actor: ActorId) -> bool {
        wear.actor == actor && wear.wear >= HABIT_WEAR
    }

    /// The side's habits, most worn first (ties by action, for a reproducible order).
    fn habits(view: &SideView) -> Vec<ActionId> {
        let me = view.actor();
        let mut used: Vec<(f64, ActionId)> = view
            .state()
            .record
            .wear
            .iter()
            .filter(|w| Self::is_habit(w, me))
            .map(|w| (w.wear, w.action))
            .collect();
        used.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        used.into_iter().map(|(_, a)| a).collect()
    }

    /// Whether `actor` has any habit to go on with in `record`.
    pub fn has_habits(record: &Record, actor: ActorId) -> bool {
        record.wear.iter().any(|w| Self::is_habit(w, actor))
    }
}

impl Policy for Habit {
    fn name(&self) -> String {
        "habit".to_owned()
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        let scn = view.scenario();
        let mut orders: Vec<Order> = Vec::new();
        for action in Self::habits(view) {
            if orders.len() >= self.bundle {
                break;
            }
            if let Some(order) = orders_of(scn, action)
                .into_iter()
                .find(|o| view.allows(o, &orders))
            {
                orders.push(order);
            }
        }
        orders
    }
}

/// A style of play the AI can imagine for the other side in its look-ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Climbs and punishes: sanctions, shows of force, rejections.
    Hawk,
    /// Talks and de-escalates: proposals, acceptances, restraint.
    Dove,
    /// Repeats what the state did in the historical record, turn by turn.
    Record,
}

/// The styles in the order their weights are kept.
const STYLES: [Style; 3] = [Style::Record, Style::Hawk, Style::Dove];

/// How likely a hawk, then a dove, gives an order of this stance (design choice: the rule-based
/// styles almost never cross their own line).
fn stance_likelihood(stance: Stance) -> [f64; 2] {
    match stance {
        Stance::Hawkish => [0.75, 0.05],
        Stance::Neutral => [0.20, 0.20],
        Stance::Dovish => [0.05, 0.75],
    }
}

/// How likely the record gives an order that is (or is not) the state's order that turn.
fn record_likelihood(in_record: bool) -> f64 {
    if in_record { 0.9 } else { 0.05 }
}

/// How much of the evidence counts (design choice: the likelihoods above are coarse, so each
/// observation moves the odds by its square root rather than in full).
const TEMPER: f64 = 0.5;

/// How much a cheap-talk order counts as evidence of a style, against 1 for a costly one
/// (design choice after Fearon 1997: words cost a resolved and an unresolved government the
/// same, so they say little about which one is speaking).
pub const CHEAP_TALK_WEIGHT: f64 = 0.2;

/// The share of the prior kept in the weights whatever the evidence.
const PRIOR_FLOOR: f64 = 0.1;

/// The AI's belief about the other side's style of play.
#[derive(Clone, Debug, PartialEq)]
pub struct OpponentModel {
    prior: [f64; 3],
    log_likelihood: [f64; 3],
}

impl OpponentModel {
    /// The belief before any evidence: the record (where there is one) for a third, the rest
    /// split between hawk and dove by `resolve`, the believed resolve of the other side (0 to 1).
    pub fn prior(has_record: bool, resolve: f64) -> OpponentModel {
        let record = if has_record { 1.0 / 3.0 } else { 0.0 };
        let rest = 1.0 - record;
        let resolve = resolve.clamp(0.0, 1.0);
        OpponentModel {
            prior: [record, rest * resolve, rest * (1.0 - resolve)],
            log_likelihood: [0.0; 3],
        }
    }

    /// Updates the hawk's and the dove's likelihood with `times` orders of this stance, each
    /// counting `weight` (1 for a costly signal, [`CHEAP_TALK_WEIGHT`] for cheap talk).
    pub fn observe_stance(&mut self, stance: Stance, times: f64) {
        let [hawk, dove] = stance_likelihood(stance);
        self.log_likelihood[1] += TEMPER * times * hawk.ln();
        self.log_likelihood[2] += TEMPER * times * dove.ln();
    }

    /// Updates the record's likelihood with `times` orders that were (or were not) the
    /// record's order for their turn.
    pub fn observe_record(&mut self, in_record: bool, times: u32) {
        self.log_likelihood[0] += TEMPER * f64::from(times) * record_likelihood(in_record).ln();
    }

    /// The weight of each style, in the order record, hawk, dove; they sum to 1.
    pub fn weights(&self) -> [f64; 3] {
        let best = self
            .log_likelihood
            .iter()
            .zip(&self.prior)
            .filter(|(_, p)| **p > 0.0)
            .map(|(l, _)| *l)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut posterior = [0.0; 3];
        for ((post, prior), l) in posterior
            .iter_mut()
            .zip(&self.prior)
            .zip(&self.log_likelihood)
        {
            if *prior > 0.0 {
                *post = prior * (l - best).exp();
            }
        }
        let total: f64 = posterior.iter().sum();
        let mut weights = [0.0; 3];
        for ((w, post), prior) in weights.iter_mut().zip(posterior).zip(self.prior) {
            *w = (1.0 - PRIOR_FLOOR) * post / total + PRIOR_FLOOR * prior;
        }
        weights
    }

    /// The likeliest style and its weight, once the evidence (not the prior alone) makes one
    /// style at least `confidence` likely.
    pub fn read(&self, confidence: f64) -> Option<(Style, f64)> {
        if self.log_likelihood.iter().all(|l| *l == 0.0) {
            return None;
        }
        STYLES
            .iter()
            .copied()
            .zip(self.weights())
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, w)| *w >= confidence)
    }

    /// The style the `future`-th of `futures` imagined futures plays. The futures are strata of
    /// the weights, visited in a low-discrepancy order (ranked golden-ratio steps), so the whole
    /// set meets each style in proportion and any first few already spread over them; the same
    /// future always plays the same style.
    pub fn style_for(&self, future: usize, futures: usize) -> Style {
        let futures = futures.max(future + 1);
        let step = |r: usize| (0.5 + r as f64 * 0.618_033_988_749_895).fract();
        let mine = step(future);
        let stratum = (0..futures).filter(|&r| step(r) < mine).count();
        let u = (stratum as f64 + 0.5) / futures as f64;
        let weights = self.weights();
        let mut cumulative = 0.0;
        for (style, w) in STYLES.iter().zip(weights) {
            cumulative += w;
            if u < cumulative {
                return *style;
            }
        }
        // Rounding: the last style with any weight.
        STYLES
            .iter()
            .zip(weights)
            .rev()
            .find(|(_, w)| *w > 0.0)
            .map_or(Style::Dove, |(s, _)| *s)
    }

    /// The belief of the view's side about the other side, from the public record of the game: how many
    /// orders of each stance the other side has carried out, and how many of them were the
    /// historical record's orders for their turn. (The record is kept in every mode, so the AI
    /// decides alike in a single run and in a batch, which keeps no turn reports.)
    pub fn of_view(side_view: &SideView) -> OpponentModel {
        let (scn, side) = (side_view.scenario(), side_view.side());
        let view = side_view.view();
        let other = scn.actor_of(side.other());
        let resolve = view.intel.belief_mean(side);
        let mut model = OpponentModel::prior(scn.has_record(side.other()), resolve);
        // The record's likelihood depends only on how many orders matched it, and each style's
        // only on the stances, so the counts are all the evidence there is. A style is read from
        // costly conduct: cheap talk counts for little.
        for ((actor, action), times) in &view.record.taken {
            if *actor == other {
                let action = scn.action(*action);
                let weight = match action.signal {
                    SignalKind::CheapTalk => CHEAP_TALK_WEIGHT,
                    SignalKind::SunkCost | SignalKind::TiedHands => 1.0,
                };
                model.observe_stance(action.stance, f64::from(*times) * weight);
            }
        }
        let on_record = view.record.times_on_record(other);
        let off_record = view.record.orders_taken(other).saturating_sub(on_record);
        model.observe_record(true, on_record);
        model.observe_record(false, off_record);
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One order seen carried out.
    fn observe(model: &mut OpponentModel, stance: Stance, in_record: bool) {
        model.observe_stance(stance, 1.0);
        model.observe_record(in_record, 1);
    }

    #[test]
    fn without_evidence_the_prior_decides() {
        let model = OpponentModel::prior(true, 0.6);
        let w = model.weights();
        assert!((w[0] - 1.0 / 3.0).abs() < 1e-9);
        assert!((w[1] - 0.4).abs() < 1e-9);
        assert!((w[2] - 2.0 / 15.0 * 2.0).abs() < 1e-9);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn without_a_record_no_future_replays_it() {
        let mut model = OpponentModel::prior(false, 0.5);
        for _ in 0..10 {
            observe(&mut model, Stance::Neutral, true);
        }
        assert_eq!(model.weights()[0], 0.0);
        assert!((0..50).all(|r| model.style_for(r, 50) != Style::Record));
    }

    #[test]
    fn hawkish_conduct_off_the_record_makes_a_hawk() {
        let mut model = OpponentModel::prior(true, 0.5);
        for _ in 0..6 {
            observe(&mut model, Stance::Hawkish, false);
        }
        let w = model.weights();
        assert!(w[1] > 0.85, "{w:?}");
        let hawks = (0..6)
            .filter(|&r| model.style_for(r, 6) == Style::Hawk)
            .count();
        assert!(hawks >= 5, "{hawks} of 6 futures");
    }

    #[test]
    fn dovish_conduct_makes_a_dove_even_against_a_high_resolve() {
        let mut model = OpponentModel::prior(true, 0.8);
        for _ in 0..6 {
            observe(&mut model, Stance::Dovish, false);
        }
        assert!(model.weights()[2] > 0.85, "{:?}", model.weights());
    }

    #[test]
    fn following_the_record_makes_the_record() {
        let mut model = OpponentModel::prior(true, 0.5);
        // The record mixes stances, as the 2022 one does.
        for stance in [
            Stance::Hawkish,
            Stance::Hawkish,
            Stance::Neutral,
            Stance::Dovish,
            Stance::Hawkish,
            Stance::Neutral,
        ] {
            observe(&mut model, stance, true);
        }
        assert!(model.weights()[0] > 0.85, "{:?}", model.weights());
    }

    #[test]
    fn a_read_needs_evidence_and_confidence() {
        let mut model = OpponentModel::prior(true, 0.9);
        assert_eq!(model.read(0.5), None, "the prior alone is no read");
        observe(&mut model, Stance::Neutral, false);
        assert_eq!(model.read(0.9), None, "one neutral order proves little");
        for _ in 0..5 {
            observe(&mut model, Stance::Hawkish, false);
        }
        let (style, weight) = model.read(0.6).expect("a read");
        assert_eq!(style, Style::Hawk);
        assert!(weight >= 0.6);
    }

    #[test]
    fn a_creature_of_habit_goes_on_with_what_it_did_last_turn() {
        use demarche_sim::{Game, Side};
        let scn = crate::two_rivers();
        let mut game = Game::new(scn.clone(), 3);
        let second = game.side_view(Side::Second);
        let (first_actor, second_actor) = (scn.actor_of(Side::First), scn.actor_of(Side::Second));
        assert!(
            !Habit::has_habits(&second.state().record, second_actor),
            "no habits before the first turn"
        );
        assert!(Habit { bundle: 3 }.orders(&second).is_empty());
        // The second side protests; the first does nothing.
        let protest = demarche_sim::policy::orders_of(&scn, scn.names.actions["dip_protest"])
            .into_iter()
            .find(|o| second.allows(o, &[]))
            .expect("the fixture's protest is open to the second side");
        game.submit(Side::Second, vec![protest.clone()]).unwrap();
        game.submit(Side::First, Vec::new()).unwrap();
        game.step().unwrap();
        let second = game.side_view(Side::Second);
        assert!(Habit::has_habits(&second.state().record, second_actor));
        let again = Habit { bundle: 3 }.orders(&second);
        assert_eq!(again.first().map(|o| o.action), Some(protest.action));
        assert!(again.iter().all(|o| second.allows(o, &[])));
        assert!(
            Habit { bundle: 0 }.orders(&second).is_empty(),
            "the bundle caps it"
        );
        // The first side, which did nothing, has no habit to go on with.
        assert!(!Habit::has_habits(game.view().record, first_actor));
    }

    #[test]
    fn no_style_is_ever_ruled_out_for_good() {
        let mut model = OpponentModel::prior(true, 0.5);
        for _ in 0..200 {
            observe(&mut model, Stance::Hawkish, false);
        }
        let w = model.weights();
        assert!(w.iter().all(|&x| x > 0.0 && x.is_finite()), "{w:?}");
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_first_futures_spread_over_the_styles_in_proportion() {
        let model = OpponentModel::prior(true, 0.5);
        let styles: Vec<Style> = (0..6).map(|r| model.style_for(r, 6)).collect();
        for style in STYLES {
            let n = styles.iter().filter(|s| **s == style).count();
            assert_eq!(n, 2, "{style:?} in {styles:?}");
        }
        // The first three futures already meet all three styles.
        for style in STYLES {
            assert!(styles[..3].contains(&style), "{style:?} in {styles:?}");
        }
    }
}
