//! How the AI expects the other side to answer its proposals in a look-ahead: by the other
//! side's own objectives, one turn ahead, whatever its style of play.
//!
//! The styles the AI imagines for the other side (§12 of `docs/model.md`) answer proposals by
//! rule: the hawk rejects, the dove accepts. A government that presses with sanctions may still
//! accept talks that serve it, and one that talks may still reject a proposal that costs it. So
//! in each imagined turn where a proposal of the AI's side waits for its answer, the other side
//! answers it (accepts, rejects, or does as its style says) by whichever leaves its own expected
//! score highest one turn later, with its other orders as its style gives them.
//!
//! Threats likewise: while a threat of the AI's side stands and has not been defied, the other
//! side escalates (and so defies it) only if that serves it better, one turn later, with the
//! threatened measure in force, than holding back does without it. A threat is weighed as the
//! target weighs it, as if it would be carried out.
//!
//! And pressure: in the turn after the AI's bundle, the other side may put one of its best
//! replies first (defending what the bundle threatens, answering it in kind), spending on it the
//! capital its style would have spent elsewhere, when that serves its own objectives better one
//! turn later than its style's orders do. It weighs its replies by where the AI's course is
//! taking it: the drift of its objectives' quantities since before the AI's bundle is carried on,
//! as the AI carries on its own.
//!
//! And the lines it holds: in the same turns, when the AI's course (its drift carried on) takes
//! one of the other side's objectives away from where it comfortably holds now, the other side
//! ends the track whose loss costs the AI most against its own loss, as a government defends a
//! line it has drawn.

use demarche_sim::ActionId;
use demarche_sim::policy::orders_of;
use demarche_sim::rules::orders::{escalates, has_track_op};
use demarche_sim::scenario::{Action, Order, Stance, TrackOp};
use demarche_sim::state::{Measure, SimState, Threat};
use demarche_sim::{ActorId, Game, Scenario, Side, SideView};

use crate::shaping;

/// The least degree (each quantity standing still) at which the other side counts an objective
/// as held, and so as a line to defend.
const HELD: f64 = 0.999;

/// How much of an objective's degree the AI's course must be taking off, carried on, for the
/// other side to count it as threatened (design choice: above the noise of one sampled turn).
const THREATENED: f64 = 0.05;

/// The answer operations a proposal can receive.
const ANSWERS: [TrackOp; 2] = [TrackOp::Accept, TrackOp::Reject];

/// Every hawkish order the view's side can afford at once this turn, in candidate order: the
/// all-out pressure against which the other side's best replies are found.
pub(crate) fn all_out_pressure(view: &SideView) -> Vec<Order> {
    let scn = view.scenario();
    let mut pressure: Vec<Order> = Vec::new();
    for order in view.candidates() {
        if scn.action(order.action).stance == Stance::Hawkish && view.allows(&order, &pressure) {
            pressure.push(order);
        }
    }
    pressure
}

/// Every order of the scenario's actions that `wanted` picks, in action order (whether one is
/// open now is for the caller to check).
fn orders_where(scn: &Scenario, wanted: impl Fn(&Action) -> bool) -> Vec<Order> {
    (0..scn.actions.len())
        .map(ActionId::from_index)
        .filter(|&id| wanted(scn.action(id)))
        .flat_map(|id| orders_of(scn, id))
        .collect()
}

/// `lead`, then each of `rest` that `side` may still give after the orders before it: an order
/// put first takes the capital the rest would have spent.
fn led_by(game: &Game, side: Side, lead: Order, rest: &[Order]) -> Vec<Order> {
    let mut orders = vec![lead];
    for order in rest {
        if game.allows(side, order, &orders) {
            orders.push(order.clone());
        }
    }
    orders
}

/// One imagined turn seen from the other side: the game before it, the AI's side and its
/// orders, and a scratch game (`probe`, whose state is overwritten) to weigh the other side's
/// options on.
pub(crate) struct Reply<'a> {
    /// The imagined game before the turn.
    pub game: &'a Game,
    /// The AI's side.
    pub side: Side,
    /// The AI's orders this turn.
    pub mine: &'a [Order],
    /// The scratch game.
    pub probe: &'a mut Game,
    /// Where the objectives' quantities stood before the AI's bundle, when the other side weighs
    /// its replies to pressure by where the AI's course is taking it: the drift since then is
    /// carried on, as the AI carries on its own (`shaping::Trend`). `None`: no drift.
    pub seen: Option<&'a shaping::Trend>,
}

impl Reply<'_> {
    /// `theirs`, the other side's orders for this turn as its style gives them, with each pending
    /// proposal of the AI's side answered as best serves the other side's own objectives one turn
    /// ahead.
    pub(crate) fn answered(&mut self, theirs: Vec<Order>) -> Vec<Order> {
        let (game, side) = (self.game, self.side);
        let view = game.view();
        let scn = game.scenario();
        let me = scn.actor_of(side);
        let turn = view.clock.turn;
        let mut pending: Vec<_> = view
            .dip
            .proposals
            .iter()
            .filter(|p| p.from == me && p.turn < turn)
            .map(|p| p.track)
            .collect();
        if pending.is_empty() {
            return theirs;
        }
        pending.sort();
        pending.dedup();
        let other = side.other();
        // The answer orders there are (whether available now is checked below, option by option).
        let answers = orders_where(scn, |action| {
            ANSWERS.iter().any(|op| has_track_op(action, *op))
        });
        let is_answer_on = |order: &Order, track| {
            order.track == Some(track)
                && ANSWERS
                    .iter()
                    .any(|op| has_track_op(scn.action(order.action), *op))
        };
        let state = game.state();
        let mut chosen = theirs;
        for track in pending {
            let rest: Vec<Order> = chosen
                .iter()
                .filter(|o| !is_answer_on(o, track))
                .cloned()
                .collect();
            let mut options = vec![chosen.clone()];
            for answer in answers.iter().filter(|o| is_answer_on(o, track)) {
                if game.allows(other, answer, &rest) {
                    let mut option = rest.clone();
                    option.push(answer.clone());
                    // The style's own orders may already give this answer: weigh it once.
                    if !options.contains(&option) {
                        options.push(option);
                    }
                }
            }
            let mut best = (f64::NEG_INFINITY, 0);
            for (i, option) in options.iter().enumerate() {
                let value = self.their_score_after(state.clone(), option, None);
                // Strictly better only: ties keep the style's own answer (the first option).
                if value > best.0 {
                    best = (value, i);
                }
            }
            chosen = options.swap_remove(best.1);
        }
        chosen
    }

    /// `theirs`, the other side's orders for this turn as its style gives them, without its
    /// escalations when the AI's side has open threats against it that it has not yet defied and
    /// holding back serves its own objectives better one turn later than defying them with the
    /// threatened measures in force.
    pub(crate) fn deterred(&mut self, theirs: Vec<Order>) -> Vec<Order> {
        let (game, side) = (self.game, self.side);
        let scn = game.scenario();
        let view = game.view();
        let me = scn.actor_of(side);
        let other = side.other();
        let them = scn.actor_of(other);
        let threats: Vec<&Threat> = view
            .sanc
            .threats
            .iter()
            .filter(|t| t.sender == me && t.target == them && !t.defied)
            .collect();
        if threats.is_empty() {
            return theirs;
        }
        let restrained: Vec<Order> = theirs
            .iter()
            .filter(|o| !escalates(scn.action(o.action)))
            .cloned()
            .collect();
        if restrained.len() == theirs.len() {
            return theirs;
        }
        let turn = view.clock.turn;
        let mut carried_out = game.state();
        for t in &threats {
            carried_out.sanctions.add(Measure {
                sender: t.sender,
                target: t.target,
                sector: t.sector,
                kind: t.kind,
                size: t.size,
                severity: t.severity,
                since: turn,
                action: t.action,
            });
        }
        let defy = self.their_score_after(carried_out, &theirs, None);
        let hold = self.their_score_after(game.state(), &restrained, None);
        // Strictly better only: a tie keeps the style's own orders.
        if hold > defy { restrained } else { theirs }
    }

    /// `theirs`, or `theirs` led by one of `replies` (the style's orders added after it while they
    /// still fit: the reply takes capital the style would have spent), whichever serves the
    /// other side's own objectives best one turn later.
    pub(crate) fn pressed(&mut self, theirs: Vec<Order>, replies: &[Order]) -> Vec<Order> {
        let (game, other) = (self.game, self.side.other());
        let mut options = vec![theirs.clone()];
        for reply in replies {
            if theirs.contains(reply) || !game.allows(other, reply, &[]) {
                continue;
            }
            options.push(led_by(game, other, reply.clone(), &theirs));
        }
        if options.len() == 1 {
            return theirs;
        }
        let state = game.state();
        let mut best = (f64::NEG_INFINITY, 0);
        for (i, option) in options.iter().enumerate() {
            let value = self.their_score_after(state.clone(), option, self.seen);
            if value > best.0 {
                best = (value, i);
            }
        }
        options.swap_remove(best.1)
    }

    /// `theirs`, led by the end of a track, when the AI's course threatens an objective the
    /// other side still holds: a government defends a line it holds by making the side that
    /// crosses it pay, even where that costs it something too (Schelling 1966, ch. 2: a
    /// deterrent that is never carried out stops deterring). The objective is threatened when it
    /// is met now and comfortably so ([`HELD`], each quantity standing still), while the drift
    /// since before the AI's bundle (`seen`), carried on, takes [`THREATENED`] or more off its
    /// degree. The track ended is the one, among those the other side may end this turn, that
    /// lowers the AI's expected score one turn later most below the other side's own: a
    /// punishment is chosen for what it costs the AI more than its author (a threat whose
    /// execution hurts its author as much as its target is not credible). Its style's orders
    /// follow while they still fit. Nothing changes when no objective is threatened, no track can
    /// be ended, or no ending costs the AI more than the other side.
    pub(crate) fn defended(&mut self, theirs: Vec<Order>) -> Vec<Order> {
        let Some(seen) = self.seen else {
            return theirs;
        };
        let (game, side) = (self.game, self.side);
        let other = side.other();
        let scn = game.scenario();
        let view = game.view();
        let them = scn.actor_of(other);
        let still = shaping::objectives(&view, &shaping::Trend::none());
        let drifting = shaping::objectives(&view, seen);
        let threatened = scn.objectives.iter().enumerate().any(|(i, o)| {
            o.side == them
                && view.status.weight(scn, i) > 0.0
                && still[i] >= HELD
                && drifting[i] < still[i] - THREATENED
        });
        if !threatened {
            return theirs;
        }
        // The endings open to it, listed from the actions (as the answers above are), not from
        // a scan of every order it could give.
        let mut ends = orders_where(scn, |action| {
            action.actors.contains(&them) && has_track_op(action, TrackOp::Terminate)
        });
        ends.retain(|o| !theirs.contains(o) && game.allows(other, o, &[]));
        if ends.is_empty() {
            return theirs;
        }
        let me = scn.actor_of(side);
        let state = game.state();
        // What the AI would keep, one turn later, above what the other side keeps.
        let edge = |reply: &mut Self, orders: &[Order]| {
            let scores = reply.scores_after(state.clone(), orders, &[me, them], None);
            scores[0] - scores[1]
        };
        let mut best = (edge(self, &theirs), None);
        for end in ends {
            let option = led_by(game, other, end, &theirs);
            let value = edge(self, &option);
            // Strictly lower only: an end that costs the other side as much as the AI is no
            // punishment it would choose (and a turn that cannot be played, NaN, is never one).
            if value < best.0 {
                best = (value, Some(option));
            }
        }
        best.1.unwrap_or(theirs)
    }

    /// The other side's `k` single orders (of `candidates`) that add most to its expected score
    /// one turn later, each beside nothing else; only those that add something.
    pub(crate) fn best_singles(&mut self, candidates: &[Order], k: usize) -> Vec<Order> {
        let state = self.game.state();
        let base = self.their_score_after(state.clone(), &[], self.seen);
        let mut gains: Vec<(f64, &Order)> = candidates
            .iter()
            .map(|o| {
                let value =
                    self.their_score_after(state.clone(), std::slice::from_ref(o), self.seen);
                (value - base, o)
            })
            .filter(|(g, _)| *g > 0.0)
            .collect();
        gains.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        gains.into_iter().take(k).map(|(_, o)| o.clone()).collect()
    }

    /// The other side's expected score one turn after `state`, the AI's side giving its orders and
    /// the other side `theirs`, played on the probe with the game's seed (minus infinity if the
    /// turn cannot be played). With `seen` (a reply to pressure, [`Reply::seen`]), the drift since
    /// then is carried on: the side sees where the pressure is taking it, not only where it stands.
    fn their_score_after(
        &mut self,
        state: SimState,
        theirs: &[Order],
        seen: Option<&shaping::Trend>,
    ) -> f64 {
        let them = self.game.scenario().actor_of(self.side.other());
        self.scores_after(state, theirs, &[them], seen)[0]
    }

    /// Each of `actors`' expected scores one turn after `state` (one probe turn for all), the
    /// AI's side giving its orders and the other side `theirs`; minus infinity for each if the
    /// turn cannot be played.
    fn scores_after(
        &mut self,
        state: SimState,
        theirs: &[Order],
        actors: &[ActorId],
        seen: Option<&shaping::Trend>,
    ) -> Vec<f64> {
        let probe = &mut *self.probe;
        probe.set_seed(self.game.seed());
        probe.set_state(state);
        probe.submit_unchecked(self.side, self.mine.to_vec());
        probe.submit_unchecked(self.side.other(), theirs.to_vec());
        if probe.step().is_err() {
            return vec![f64::NEG_INFINITY; actors.len()];
        }
        let after = probe.view();
        let none = shaping::Trend::none();
        let trend = seen.unwrap_or(&none);
        let degrees = shaping::objectives(&after, trend);
        actors
            .iter()
            .map(|&actor| shaping::expected_score(&after, trend, actor, &degrees))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use demarche_sim::policy::{Leaning, Policy, RuleBased};
    use demarche_sim::scenario::Order;
    use demarche_sim::{Game, Scenario, Side};

    use super::{Reply, SimState, TrackOp, has_track_op};

    /// A game where the first side's proposal on the island talks waits for Borenia's answer,
    /// the talks standing at `progress` (Borenia wants them at 60 or less).
    fn proposal_pending(scn: &Arc<Scenario>, progress: f64) -> Game {
        let mut game = Game::new(scn.clone(), 7);
        let island = scn.names.tracks["island_talks"];
        let mut state = game.state();
        state.diplomacy.tracks[island.index()].progress = progress;
        game.set_state(state);
        let propose = Order {
            action: scn.names.actions["talk_propose"],
            track: Some(island),
            region: None,
        };
        game.submit(Side::First, vec![propose]).unwrap();
        game.submit(Side::Second, Vec::new()).unwrap();
        game.step().unwrap();
        game
    }

    fn answers_island(scn: &Scenario, orders: &[Order], op: TrackOp) -> bool {
        let island = scn.names.tracks["island_talks"];
        orders.iter().any(|o| {
            o.track == Some(island)
                && demarche_sim::rules::orders::has_track_op(scn.action(o.action), op)
        })
    }

    /// Plays a turn of `game` in which the first side presses with every hawkish order it can
    /// afford and the second gives none.
    fn press_with_everything(game: &mut Game) {
        let pressure = super::all_out_pressure(&game.side_view(Side::First));
        game.submit(Side::First, pressure).unwrap();
        game.submit(Side::Second, Vec::new()).unwrap();
        game.step().unwrap();
    }

    #[test]
    fn a_pressed_side_replies_only_where_it_serves_it() {
        let scn = crate::two_rivers();
        let mut replied = 0;
        for seed in [1, 7, 13] {
            let mut game = Game::new(scn.clone(), seed);
            press_with_everything(&mut game);
            let mut probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
            let candidates = game.side_view(Side::Second).candidates();
            let mut reply = Reply {
                game: &game,
                side: Side::First,
                mine: &[],
                probe: &mut probe,
                seen: None,
            };
            let best = reply.best_singles(&candidates, 3);
            replied += usize::from(!best.is_empty());
            assert!(best.len() <= 3 && best.iter().all(|o| candidates.contains(o)));
            let value = |reply: &mut Reply, orders: &[Order]| {
                reply.their_score_after(game.state(), orders, None)
            };
            let nothing = value(&mut reply, &[]);
            let gains: Vec<f64> = best
                .iter()
                .map(|o| value(&mut reply, std::slice::from_ref(o)) - nothing)
                .collect();
            assert!(gains.iter().all(|g| *g > 0.0), "seed {seed}: {gains:?}");
            assert!(gains.windows(2).all(|w| w[0] >= w[1]), "{gains:?}");
            // Whatever its style gives, the pressed answer serves it at least as well.
            let mut dove = RuleBased::new(Leaning::Dove, seed);
            let styled = dove.orders(&game.side_view(Side::Second));
            let pressed = reply.pressed(styled.clone(), &best);
            assert!(
                value(&mut reply, &pressed) >= value(&mut reply, &styled),
                "seed {seed}: {pressed:?} against {styled:?}"
            );
            if pressed != styled {
                assert!(best.contains(&pressed[0]), "a reply leads the answer");
            }
        }
        assert!(
            replied > 0,
            "the pressed side had a reply that serves it in no game"
        );
    }

    /// A side pressed with every hawkish order of the fixture that sees where the pressure is
    /// taking it (the drift since before the pressure, carried on) expects less from doing
    /// nothing than one that sees only where it stands.
    #[test]
    fn a_pressed_side_sees_where_the_pressure_is_taking_it() {
        let scn = crate::two_rivers();
        let mut worse = 0;
        for seed in [1, 7, 13] {
            let mut game = Game::new(scn.clone(), seed);
            let before = crate::shaping::Trend::mark(&game.view());
            press_with_everything(&mut game);
            let mut probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
            let mut value = |seen: Option<&crate::shaping::Trend>| {
                Reply {
                    game: &game,
                    side: Side::First,
                    mine: &[],
                    probe: &mut probe,
                    seen,
                }
                .their_score_after(game.state(), &[], seen)
            };
            let standing = value(None);
            let seeing = value(Some(&before));
            assert!(
                seeing <= standing + 1e-9,
                "seed {seed}: the pressure seen coming looks better ({seeing} > {standing})"
            );
            worse += usize::from(seeing < standing - 0.1);
        }
        assert!(worse > 0, "the pressure's drift never mattered");
    }

    #[test]
    fn a_dove_does_not_accept_talks_that_would_cost_it_its_island() {
        let scn = crate::two_rivers();
        let game = proposal_pending(&scn, 55.0);
        let mut probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
        let mut dove = RuleBased::new(Leaning::Dove, 3);
        let styled = dove.orders(&game.side_view(Side::Second));
        assert!(
            answers_island(&scn, &styled, TrackOp::Accept),
            "the dove's own rule accepts: {styled:?}"
        );
        let answered = Reply {
            game: &game,
            side: Side::First,
            mine: &[],
            probe: &mut probe,
            seen: None,
        }
        .answered(styled);
        assert!(
            !answers_island(&scn, &answered, TrackOp::Accept),
            "accepting would carry the island talks past Borenia's line: {answered:?}"
        );
        for (i, order) in answered.iter().enumerate() {
            assert!(game.allows(Side::Second, order, &answered[..i]));
        }
    }

    #[test]
    fn without_a_pending_proposal_the_style_decides_alone() {
        let scn = crate::two_rivers();
        let game = Game::new(scn.clone(), 7);
        let mut probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
        let mut hawk = RuleBased::new(Leaning::Hawk, 3);
        let styled = hawk.orders(&game.side_view(Side::Second));
        assert_eq!(
            Reply {
                game: &game,
                side: Side::First,
                mine: &[],
                probe: &mut probe,
                seen: None,
            }
            .answered(styled.clone()),
            styled
        );
    }

    /// Aldova's look-ahead at `game`, Aldova giving no orders, Borenia weighing with `seen`.
    fn aldova_reply<'a>(
        game: &'a Game,
        probe: &'a mut Game,
        seen: Option<&'a crate::shaping::Trend>,
    ) -> Reply<'a> {
        Reply {
            game,
            side: Side::First,
            mine: &[],
            probe,
            seen,
        }
    }

    #[test]
    fn a_side_whose_held_line_is_threatened_ends_the_track_that_costs_the_ai_most() {
        let scn = crate::two_rivers();
        let machine_ban = Order::plain(scn.names.actions["al_machine_ban"]);
        let (aldova, borenia) = (scn.actor_of(Side::First), scn.actor_of(Side::Second));
        let mut defended = 0;
        for seed in [1, 7, 13] {
            let mut game = Game::new(scn.clone(), seed);
            let before = crate::shaping::Trend::mark(&game.view());
            game.submit(Side::First, vec![machine_ban.clone()]).unwrap();
            game.submit(Side::Second, Vec::new()).unwrap();
            game.step().unwrap();
            let after = crate::shaping::Trend::mark(&game.view());
            let mut probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
            let styled = RuleBased::new(Leaning::Dove, seed).orders(&game.side_view(Side::Second));
            // Without the drift since before the ban, nothing is threatened.
            for still in [None, Some(&after)] {
                let unmoved = aldova_reply(&game, &mut probe, still).defended(styled.clone());
                assert_eq!(unmoved, styled);
            }
            // Seen coming, a ban that takes Borenia's "limit Aldova's sanctions" towards its
            // line may be answered by ending a track.
            let answer = aldova_reply(&game, &mut probe, Some(&before)).defended(styled.clone());
            if answer == styled {
                continue;
            }
            defended += 1;
            let ends = |o: &Order| has_track_op(scn.action(o.action), TrackOp::Terminate);
            assert!(ends(&answer[0]), "seed {seed}: led by {:?}", answer[0]);
            assert!(answer[1..].iter().all(|o| styled.contains(o)));
            for (i, order) in answer.iter().enumerate() {
                assert!(game.allows(Side::Second, order, &answer[..i]));
            }
            // The end costs Aldova more, against Borenia's own score, than not ending.
            let mut reply = aldova_reply(&game, &mut probe, None);
            let mut edge = |orders: &[Order]| {
                let scores = reply.scores_after(game.state(), orders, &[aldova, borenia], None);
                scores[0] - scores[1]
            };
            assert!(
                edge(&answer) < edge(&styled),
                "seed {seed}: the end costs Aldova no more than Borenia"
            );
        }
        assert!(defended > 0, "no threatened line was ever defended");
    }

    /// A game where Borenia's gas threat against Aldova stands, not yet defied, and a scratch
    /// game to probe it with.
    fn gas_threat_standing(scn: &Arc<Scenario>) -> (Game, Game) {
        let mut game = Game::new(scn.clone(), 7);
        let threat = Order::plain(scn.names.actions["bo_threaten_gas"]);
        game.submit(Side::Second, vec![threat]).unwrap();
        game.submit(Side::First, Vec::new()).unwrap();
        game.step().unwrap();
        assert_eq!(game.state().sanctions.threats.len(), 1);
        let probe = Game::resume(scn.clone(), 0, game.state(), Vec::new());
        (game, probe)
    }

    /// What Borenia's standing threats leave of `orders` when Aldova imagines giving them in
    /// `game`.
    fn deterred(game: &Game, probe: &mut Game, orders: &[Order]) -> Vec<Order> {
        Reply {
            game,
            side: Side::Second,
            mine: &[],
            probe,
            seen: None,
        }
        .deterred(orders.to_vec())
    }

    /// `game` with its state changed by `edit`, on the same seed.
    fn edited(scn: &Arc<Scenario>, game: &Game, edit: impl FnOnce(&mut SimState)) -> Game {
        let mut state = game.state();
        edit(&mut state);
        let mut changed = Game::resume(scn.clone(), 0, state, Vec::new());
        changed.set_seed(game.seed());
        changed
    }

    #[test]
    fn a_threat_that_would_cost_more_than_the_escalation_gains_deters_it() {
        let scn = crate::two_rivers();
        let (game, mut probe) = gas_threat_standing(&scn);
        let escalation = vec![Order::plain(scn.names.actions["al_wine_ban"])];
        // Aldova gets 15 % of its supply, and the critical part, from Borenian gas: losing it
        // costs more in a turn than a wine ban earns.
        assert_eq!(deterred(&game, &mut probe, &escalation), Vec::new());
        // The same threat of a token measure deters nothing: the escalation pays for itself.
        let token = edited(&scn, &game, |state| {
            state.sanctions.threats[0].size = 0.0;
            state.sanctions.threats[0].severity = 0.0;
        });
        assert_eq!(deterred(&token, &mut probe, &escalation), escalation);
    }

    #[test]
    fn without_a_standing_threat_or_an_escalation_the_style_decides_alone() {
        let scn = crate::two_rivers();
        let (game, mut probe) = gas_threat_standing(&scn);
        let escalation = vec![Order::plain(scn.names.actions["al_wine_ban"])];
        let calm = vec![Order::plain(scn.names.actions["dip_protest"])];
        // Nothing in the orders defies the threat.
        assert_eq!(deterred(&game, &mut probe, &calm), calm);
        // A threat already defied deters nothing more.
        let defied = edited(&scn, &game, |state| {
            state.sanctions.threats[0].defied = true
        });
        assert_eq!(deterred(&defied, &mut probe, &escalation), escalation);
        // No threat at all.
        let fresh = Game::new(scn.clone(), 7);
        assert_eq!(deterred(&fresh, &mut probe, &escalation), escalation);
    }
}
