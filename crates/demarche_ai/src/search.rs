//! The decision: screen single orders, combine the best into bundles, and play each bundle
//! forward against sampled hidden states and a model of the other side.

use std::time::Instant;

use demarche_sim::hash::Fnv64;
use demarche_sim::policy::{Historical, Leaning, Policy, RuleBased, candidates, orders_of};
use demarche_sim::rng::SimRng;
use demarche_sim::scenario::{Condition, Effect, Order, Personality, Stance, TrackOp, Who};
use demarche_sim::state::SimState;
use demarche_sim::{ActionId, ActorId, Game, Scenario, Side, SideView};

use crate::answers::{Reply, all_out_pressure};
use crate::explain::{Attribution, explain};
use crate::information::imagined;
use crate::opponent::{Habit, OpponentModel, Style};
use crate::shaping::Trend;
use crate::spec::{AiSpec, Budget};

/// A decision: the orders, why, and how long it took.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The orders chosen.
    pub orders: Vec<Order>,
    /// One or two sentences per order.
    pub reasons: Vec<String>,
    /// Per order, the objective its reason names and the gain the look-ahead attributes to it.
    pub attributions: Vec<Option<Attribution>>,
    /// Wall-clock milliseconds the decision took (kept out of the game state).
    pub millis: f64,
    /// Expected value of the chosen bundle (0 on a turn played by routine, which weighs none).
    pub value: f64,
    /// Whether the turn was played by routine (the personality's plain strategy, no look-ahead).
    pub routine: bool,
}

impl Decision {
    /// The reasons to show for this decision: one per order, or, for a turn without orders,
    /// [`crate::PASS`].
    pub fn reasons_to_show(&self) -> Vec<String> {
        if self.orders.is_empty() {
            let pass = if self.routine {
                crate::ROUTINE_PASS
            } else {
                crate::PASS
            };
            vec![pass.to_owned()]
        } else {
            self.reasons.clone()
        }
    }
}

/// What a bundle's futures looked like: its value and each objective's mean degree.
#[derive(Clone, Debug)]
pub(crate) struct Outlook {
    pub value: f64,
    pub objectives: Vec<f64>,
}

/// How the AI plays its own later turns in a look-ahead after submitting a bundle now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Then {
    /// The same actions again where they are still open (on another target where the first is
    /// closed), a plan, not a one-off; else what the personality would do.
    Repeat,
    /// A plain strategy: the rule-based hawk's or dove's orders every turn.
    Follow(Leaning),
}

/// A candidate: the orders to give now and how the AI means to go on.
pub(crate) type Plan = (Vec<Order>, Then);

/// Whom the futures of a look-ahead meet on the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meeting {
    /// The other side as the AI imagines it: the styles its conduct makes likely (and, in a long
    /// look, a share of futures where it goes on with its habits).
    Imagined,
    /// The other side as it has played: in every future it goes on with what it has done lately
    /// (nothing, before it has done anything).
    AsItPlays,
}

/// The actions that an objective of the view's side (one that counts in this game) forbids it
/// outright: `Not(Took(side, action))`, also inside an `All`, or `Not(Any([...]))`. Taking one
/// fails that objective for good, whatever else happens.
fn forbidden_actions(view: &SideView) -> Vec<ActionId> {
    let scn = view.scenario();
    let me = scn.actor_of(view.side());
    let mut forbidden = Vec::new();
    for (i, objective) in scn.objectives.iter().enumerate() {
        if objective.side == me && view.state().status.weight(scn, i) > 0.0 {
            collect_forbidden(&objective.condition, me, false, &mut forbidden);
        }
    }
    forbidden.sort();
    forbidden.dedup();
    forbidden
}

/// The actions `condition` forbids `me` to take (`negated`: under an odd number of `Not`s).
fn collect_forbidden(condition: &Condition, me: ActorId, negated: bool, out: &mut Vec<ActionId>) {
    match condition {
        Condition::Not(inner) => collect_forbidden(inner, me, !negated, out),
        Condition::All(all) if !negated => {
            for c in all {
                collect_forbidden(c, me, negated, out);
            }
        }
        Condition::Any(any) if negated => {
            for c in any {
                collect_forbidden(c, me, negated, out);
            }
        }
        Condition::Took(who, action) if negated && names(*who, me) => out.push(*action),
        _ => {}
    }
}

/// Whether `who`, in an objective of `me`, is `me`.
fn names(who: Who, me: ActorId) -> bool {
    match who {
        Who::Me => true,
        Who::Actor(actor) => actor == me,
        Who::Opponent => false,
    }
}

/// The personality to play: the scenario's, or a neutral one when the scenario has none.
fn personality(scn: &Scenario, spec: &AiSpec) -> Personality {
    scn.personalities
        .iter()
        .find(|p| p.key == spec.personality)
        .cloned()
        .unwrap_or(Personality {
            key: spec.personality.clone(),
            name: spec.personality.clone(),
            description: String::new(),
            objectives: 1.0,
            escalation: 0.0,
            history: if spec.personality == "historical" {
                2.0
            } else {
                0.0
            },
            hawkishness: match spec.personality.as_str() {
                "hawk" => 0.8,
                "dove" => -0.8,
                _ => 0.0,
            },
            tension_aversion: 0.02,
        })
}

/// Decides the view's side's orders for the current turn, from what that side sees.
pub fn decide(view: &SideView, spec: &AiSpec, seed: u64) -> Decision {
    let started = Instant::now();
    let budget = spec.difficulty.budget_in(view.scenario());
    let persona = personality(view.scenario(), spec);
    if by_routine(view.turn(), budget, seed) {
        return routine(view, &persona, seed, started);
    }
    let searcher = Searcher::new(view, &persona, budget, seed);
    let shortlist = shortlist(&searcher, budget);
    let mut plans = plans(&searcher, &shortlist, budget);
    // The best plan whose irreversible steps pay against the other side as it plays: a plan
    // with one that does not is set aside, with every plan that takes the same step.
    let (value, (orders, then)) = loop {
        let (value, plan, rivals) = choose(&searcher, plans.clone(), budget);
        match unproven_step(&searcher, &plan, &rivals, budget) {
            Some(step) => plans.retain(|(bundle, _)| !bundle.contains(&step)),
            None => break (value, plan),
        }
    };
    let orders = pruned(&searcher, orders, then, budget);
    let (reasons, attributions) = explain(&searcher, &orders, then, widened(budget))
        .into_iter()
        .unzip();
    Decision {
        orders,
        reasons,
        attributions,
        millis: started.elapsed().as_secs_f64() * 1000.0,
        value,
        routine: false,
    }
}

/// Whether the AI plays this turn by routine: a share `budget.routine` of its turns, drawn from
/// its own stream of the seed, so that the same game gives the same turns.
fn by_routine(turn: u32, budget: Budget, seed: u64) -> bool {
    budget.routine > 0.0
        && (SimRng { seed })
            .fork(turn, "ai:routine")
            .chance(budget.routine)
}

/// A turn played by routine: the orders of the personality's plain strategy, less the acts its
/// objectives forbid it, each with a reason that says no look-ahead weighed it (so it names no
/// objective).
fn routine(view: &SideView, persona: &Personality, seed: u64, started: Instant) -> Decision {
    let mut policy = plain_policy(persona, seed ^ ROUTINE_SALT);
    let forbidden = forbidden_actions(view);
    // The strategy's orders that the side's objectives allow and the rules accept, in its order
    // (the record's order for a turn can wait on a step the game has not taken).
    let mut orders: Vec<Order> = Vec::new();
    for order in policy.orders(view) {
        if !forbidden.contains(&order.action) && view.allows(&order, &orders) {
            orders.push(order);
        }
    }
    let course = match policy.name().as_str() {
        "historical" => "what the government did in the record",
        "hawk" => "a hawk's plain line",
        _ => "a dove's plain line",
    };
    let scn = view.scenario();
    let reasons = orders
        .iter()
        .map(|o| {
            format!(
                "{}: by routine. This turn our ministries follow their standard course ({course}) without weighing it against our objectives.",
                scn.action(o.action).name
            )
        })
        .collect();
    Decision {
        attributions: vec![None; orders.len()],
        reasons,
        orders,
        millis: started.elapsed().as_secs_f64() * 1000.0,
        value: 0.0,
        routine: true,
    }
}

/// Salt for the routine's own strategy stream, apart from the look-ahead's.
const ROUTINE_SALT: u64 = 0x5eed_0a11;

/// A personality's plain strategy: the record's course for a personality that follows history,
/// the rule-based hawk for a hawkish one, else the rule-based dove. The AI pictures its own later
/// turns with it where its plan cannot be repeated, and plays it on a turn of routine.
fn plain_policy(persona: &Personality, seed: u64) -> Box<dyn Policy> {
    if persona.history >= 1.0 {
        Box::new(Historical)
    } else if persona.hawkishness > 0.0 {
        Box::new(RuleBased::new(Leaning::Hawk, seed))
    } else {
        Box::new(RuleBased::new(Leaning::Dove, seed))
    }
}

/// Every single order the side could give, screened with a cheap look (two futures, two turns
/// ahead at most); the best `budget.shortlist` of them.
fn shortlist(searcher: &Searcher, budget: Budget) -> Vec<Order> {
    let screen = Budget {
        rollouts: budget.rollouts.min(2),
        depth: budget.depth.min(2),
        ..budget
    };
    let mut scored: Vec<(f64, Order)> = candidates(searcher.view)
        .into_iter()
        .map(|o| {
            let value = searcher
                .evaluate(std::slice::from_ref(&o), Then::Repeat, screen)
                .value;
            (value, o)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(budget.shortlist)
        .map(|(_, o)| o)
        .collect()
}

/// The plans to weigh: doing nothing, each shortlisted order, the affordable pairs and (for a
/// budget of three) triples among the best six, the whole affordable shortlist, and the dove's
/// and the hawk's plain strategies.
fn plans(searcher: &Searcher, shortlist: &[Order], budget: Budget) -> Vec<Plan> {
    let view = searcher.view;
    let mut plans: Vec<Plan> = vec![(Vec::new(), Then::Repeat)];
    plans.extend(shortlist.iter().map(|o| (vec![o.clone()], Then::Repeat)));
    let top = shortlist.len().min(6);
    for i in 0..top {
        for j in i + 1..top {
            let pair = vec![shortlist[i].clone(), shortlist[j].clone()];
            if !view.allows(&pair[1], &pair[..1]) {
                continue;
            }
            if budget.bundle >= 3 {
                for third in &shortlist[j + 1..top] {
                    let mut triple = pair.clone();
                    triple.push(third.clone());
                    if view.allows(&triple[2], &triple[..2]) {
                        plans.push((triple, Then::Repeat));
                    }
                }
            }
            plans.push((pair, Then::Repeat));
        }
    }
    // Everything the shortlist offers that the side can afford this turn, best first: a steady
    // course of many orders at once (every open sanctions package, say), which pairs and triples
    // cannot express.
    let mut all: Vec<Order> = Vec::new();
    for order in shortlist {
        if view.allows(order, &all) {
            all.push(order.clone());
        }
    }
    if all.len() > budget.bundle {
        plans.push((all, Then::Repeat));
    }
    // The plain strategies, played as strategies: what a dove and a hawk would do this turn
    // and every turn of the look-ahead.
    for leaning in [Leaning::Dove, Leaning::Hawk] {
        let plain = RuleBased::new(leaning, searcher.seed).orders(view);
        if !plain.is_empty() {
            plans.push((plain, Then::Follow(leaning)));
        }
    }
    plans
}

/// The plan to play, its value, and the other finalists. Every plan is weighed on the budget's
/// futures; the `FINALISTS` best are weighed again on `FINAL_WIDTH` times as many, so that the
/// choice does not go to a plan whose first futures were merely lucky; difficulty noise is added
/// to the last values. `plans` is never empty (doing nothing is always among them).
fn choose(searcher: &Searcher, plans: Vec<Plan>, budget: Budget) -> (f64, Plan, Vec<Plan>) {
    let mut valued: Vec<(f64, Plan)> = plans
        .into_iter()
        .map(|plan| (searcher.evaluate(&plan.0, plan.1, budget).value, plan))
        .collect();
    // A stable sort: equal values keep the plans' own order, so the choice is reproducible.
    valued.sort_by(|a, b| b.0.total_cmp(&a.0));
    let wide = widened(budget);
    let mut noise = SimRng {
        seed: searcher.seed,
    }
    .fork(searcher.view.turn(), "ai:noise");
    let mut finalists: Vec<(f64, Plan)> = valued
        .into_iter()
        .take(FINALISTS)
        .map(|(_, plan)| {
            let value = searcher.evaluate(&plan.0, plan.1, wide).value
                + budget.noise * (noise.unit() - 0.5) * 2.0;
            (value, plan)
        })
        .collect();
    // The first of the best on a tie, as the plans' own order has it.
    let best = (1..finalists.len()).fold(0, |best, i| {
        if finalists[i].0 > finalists[best].0 {
            i
        } else {
            best
        }
    });
    let (value, plan) = finalists.remove(best);
    let rivals = finalists.into_iter().map(|(_, plan)| plan).collect();
    (value, plan, rivals)
}

/// The first order of `plan` that ends a track for good but does not earn its [`keep_bar`]
/// against the other side as it has played ([`Meeting::AsItPlays`]), on the finalists' wider
/// futures: over the best of the courses that do without it (the plan less the order, and each
/// of `rivals` that does not take it). `None` if every such order does (or the plan has none).
///
/// A design choice after the real-options view of irreversible commitments (Dixit and Pindyck
/// 1994): the option to wait is worth most when the other side is least known, and the styles
/// the AI imagines are a guess. A step that cannot be undone is taken only if it also pays
/// against the opponent the record shows, not only against the one the AI pictures. (Measured,
/// §13.3s of `docs/model.md`: the AI Russia ended the peace-treaty talks in a third of its games
/// against the AI Japan because the hawk it pictured would answer the end of the talks by
/// defending the fisheries instead of sanctioning; the Japan it faced did neither, and ending
/// the talks gained Russia nothing.)
fn unproven_step(
    searcher: &Searcher,
    plan: &Plan,
    rivals: &[Plan],
    budget: Budget,
) -> Option<Order> {
    let (bundle, then) = (&plan.0, plan.1);
    let scn = searcher.view.scenario();
    let wide = widened(budget);
    let value_of = |bundle: &[Order], then: Then| {
        searcher
            .evaluate_meeting(bundle, then, wide, Meeting::AsItPlays)
            .value
    };
    bundle
        .iter()
        .enumerate()
        .filter(|(_, order)| ends_a_track(scn, order))
        .find(|&(i, order)| {
            let mut without = bundle.clone();
            without.remove(i);
            let best_without = rivals
                .iter()
                .filter(|(rival, _)| !rival.contains(order))
                .map(|(rival, then)| value_of(rival, *then))
                .fold(value_of(&without, then), f64::max);
            value_of(bundle, then) - best_without < keep_bar(scn, order)
        })
        .map(|(_, order)| order.clone())
}

/// The chosen bundle without the orders that do not earn their place. Each order's gain is what
/// removing it would cost the bundle, on the finalists' wider futures; every order whose gain is
/// below [`KEEP_GAIN`] is dropped at once, and the rest are weighed again, until all that remain
/// earn their place (a pass costs one look-ahead per order, so this stays cheap even for the
/// whole affordable shortlist). A plain strategy (`Then::Follow`) is kept whole: it is judged as a
/// course.
fn pruned(searcher: &Searcher, mut bundle: Vec<Order>, then: Then, budget: Budget) -> Vec<Order> {
    if then != Then::Repeat {
        return bundle;
    }
    let wide = widened(budget);
    while !bundle.is_empty() {
        let whole = searcher.evaluate(&bundle, then, wide).value;
        let gains: Vec<f64> = (0..bundle.len())
            .map(|i| {
                let mut without = bundle.clone();
                without.remove(i);
                whole - searcher.evaluate(&without, then, wide).value
            })
            .collect();
        let bars: Vec<f64> = bundle
            .iter()
            .map(|o| keep_bar(searcher.view.scenario(), o))
            .collect();
        if gains.iter().zip(&bars).all(|(g, bar)| g >= bar) {
            break;
        }
        let mut kept = gains.iter().zip(&bars).map(|(g, bar)| g >= bar);
        bundle.retain(|_| kept.next().unwrap_or(false));
    }
    bundle
}

/// The least an order must add to its bundle's value, in score points on the wider futures, to
/// be kept (design choice: below it the gain is within the noise of the look-ahead, and the order
/// only spends capital and shows the other side a move that says nothing).
const KEEP_GAIN: f64 = 0.25;

/// What an order that cannot be undone must add on top of [`KEEP_GAIN`]: ending a track for good
/// throws away every later turn's use of it (to trade, to resume, to hold as a hostage), which a
/// look-ahead of a few turns does not see. A design choice after the real-options view of
/// irreversible commitments (Dixit and Pindyck 1994): the option to wait is worth something, so
/// an irreversible step needs a clear gain, not one within the look-ahead's noise.
const IRREVERSIBLE_PREMIUM: f64 = 1.0;

/// The least `order` must add to its bundle to be kept: [`KEEP_GAIN`], plus
/// [`IRREVERSIBLE_PREMIUM`] when it ends a track for good.
pub(crate) fn keep_bar(scn: &Scenario, order: &Order) -> f64 {
    if ends_a_track(scn, order) {
        KEEP_GAIN + IRREVERSIBLE_PREMIUM
    } else {
        KEEP_GAIN
    }
}

/// Whether `order` ends a track for good.
fn ends_a_track(scn: &Scenario, order: &Order) -> bool {
    scn.action(order.action)
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Track(_, TrackOp::Terminate)))
}

/// How many of the other side's single orders are kept, once per decision, as its possible
/// replies to pressure (design choice: enough to hold its defences and counter-moves, few enough
/// that finding the best two for each bundle costs ten probe turns).
const POOL: usize = 10;

/// How many of them the other side weighs against its style's orders in a turn it is pressed
/// (each costs one probe turn per future).
const REPLIES: usize = 2;

/// Whether the other side answers pressure with its best replies in `step` (0 = the bundle's own
/// turn) of a look-ahead of `depth` turns: in the turn after the bundle, and in a look-ahead of
/// four turns or more (hard's) in the turn after that too. A design choice, measured (§13.3h of
/// `docs/model.md`): for a look of three turns, answers in its last turn made the AI weaker.
fn pressed_in(step: u32, depth: u32) -> bool {
    step == 1 || (step == 2 && depth >= 4)
}

/// The share of the steps below which a future imagines the other side as a creature of habit
/// (see [`Habit`] and [`habitual_future`]), in a look-ahead of four turns or more (hard's); none
/// in shorter ones. A design choice, measured (§13.3i of `docs/model.md`): the styles (the
/// record, the hawk, the dove) are rules, while a government, or an AI, that plans keeps to its
/// course from turn to turn, and a long look that never meets such an opponent overrates the
/// pressure it would answer. For normal's look of three turns it made the AI weaker.
const HABIT_SHARE: f64 = 1.0 / 3.0;

/// Whether the `future`-th future of a look-ahead of `depth` turns imagines the other side as a
/// creature of habit: those whose step of the plastic number's inverse (a low-discrepancy
/// sequence apart from the styles' golden-ratio steps, so that the two choices do not line up)
/// falls below [`HABIT_SHARE`]. That is 3 of a first weighing's 12 futures and 17 of the
/// finalists' 48, never more than three futures apart.
fn habitual_future(future: usize, depth: u32) -> bool {
    depth >= 4 && ((future as f64 + 0.5) * 0.754_877_666_246_692_7).fract() < HABIT_SHARE
}

/// How many of the best plans are weighed again on more futures.
const FINALISTS: usize = 6;

/// How many times the budget's futures the finalists are weighed on.
const FINAL_WIDTH: usize = 4;

/// The budget on the finalists' wider futures.
fn widened(budget: Budget) -> Budget {
    Budget {
        rollouts: budget.rollouts * FINAL_WIDTH,
        ..budget
    }
}

/// `order` again in a later turn of a look-ahead: itself if it is still accepted, else the same
/// action on the first other target of its list that is.
fn same_action_again(game: &Game, side: Side, order: &Order, earlier: &[Order]) -> Option<Order> {
    if game.allows(side, order, earlier) {
        return Some(order.clone());
    }
    let alternatives = orders_of(game.scenario(), order.action);
    alternatives
        .into_iter()
        .filter(|o| o != order && !earlier.contains(o))
        .find(|o| game.allows(side, o, earlier))
}

/// Plays bundles forward from the AI's information set.
pub(crate) struct Searcher<'a> {
    pub view: &'a SideView,
    pub side: Side,
    pub persona: &'a Personality,
    pub seed: u64,
    base: &'a SimState,
    worlds: Vec<SimState>,
    opponent: OpponentModel,
    /// Whether the public record shows the other side a habit to go on with (the same in every
    /// imagined world: the record is public), for the futures that meet it as one.
    other_has_habits: bool,
    /// The other side's best replies when pressed (see `Searcher::with_pool`).
    pool: Vec<Order>,
    /// The other side's best replies found so far, by bundle and course.
    replies: std::cell::Cell<Vec<KnownReplies>>,
    /// The scratch game and the probe game of the look-ahead, kept between evaluations.
    games: std::cell::Cell<Option<(Game, Game)>>,
    /// The outlooks already played out in this decision, by bundle, course, futures and depth
    /// (the pruning weighs again what the choice weighed, the reasons what the pruning weighed).
    known: std::cell::Cell<Vec<Known>>,
    /// The actions the side's own objectives forbid it outright ([`forbidden_actions`]), which
    /// it never pictures itself taking in the later turns of a look.
    forbidden: Vec<ActionId>,
}

/// The other side's best replies to a bundle followed by a course, by turn of the look-ahead
/// (`None` for a turn no weighing has reached yet). Only futures that imagine the other side
/// weigh replies ([`Meeting::Imagined`]).
type KnownReplies = (Vec<Order>, Then, Vec<Option<Vec<Order>>>);

/// A memo entry: (bundle, course, futures, depth, whom they meet) and its outlook.
type Known = ((Vec<Order>, Then, usize, u32, Meeting), Outlook);

impl<'a> Searcher<'a> {
    fn new(
        view: &'a SideView,
        persona: &'a Personality,
        budget: Budget,
        seed: u64,
    ) -> Searcher<'a> {
        let side = view.side();
        let base = view.state();
        let mut h = Fnv64::new();
        h.write_u64(seed);
        h.write_u64(view.game_seed());
        h.write_str(&format!("{side:?}"));
        let seed = h.finish();
        let mut rng = SimRng { seed }.fork(view.turn(), "ai:worlds");
        let worlds = (0..budget.rollouts.max(1) * FINAL_WIDTH)
            .map(|_| imagined(base, view.scenario(), side, &mut rng))
            .collect();
        Searcher {
            view,
            side,
            persona,
            seed,
            base,
            worlds,
            opponent: OpponentModel::of_view(view),
            other_has_habits: Habit::has_habits(
                &base.record,
                view.scenario().actor_of(side.other()),
            ),
            pool: Vec::new(),
            replies: std::cell::Cell::new(Vec::new()),
            games: std::cell::Cell::new(None),
            known: std::cell::Cell::new(Vec::new()),
            forbidden: forbidden_actions(view),
        }
        .with_pool(budget)
    }

    /// Notes the other side's best replies when pressed: its [`POOL`] single orders that serve
    /// it best one turn after this side gives every hawkish order it can afford now (none for a
    /// look-ahead of one turn, which never reaches the other side's reply).
    fn with_pool(mut self, budget: Budget) -> Self {
        if budget.depth < 2 {
            return self;
        }
        let (mut game, mut probe) = self.take_games();
        game.set_state(self.worlds[0].clone());
        let pressure = all_out_pressure(&game.side_view(self.side));
        game.submit_unchecked(self.side, pressure);
        game.submit_unchecked(self.side.other(), Vec::new());
        if game.step().is_ok() {
            let theirs = candidates(&game.side_view(self.side.other()));
            let mut reply = Reply {
                game: &game,
                side: self.side,
                mine: &[],
                probe: &mut probe,
                seen: None,
            };
            self.pool = reply.best_singles(&theirs, POOL);
        }
        self.games.set(Some((game, probe)));
        self
    }

    /// The scratch game and the probe game of the look-ahead: building a game (its world and
    /// schedule) costs more than a turn, so the two are built once per decision and their state
    /// overwritten for each use.
    fn take_games(&self) -> (Game, Game) {
        self.games.take().unwrap_or_else(|| {
            let fresh = || {
                let mut game = Game::resume(
                    self.view.scenario_arc().clone(),
                    0,
                    self.base.clone(),
                    Vec::new(),
                );
                game.set_fast(true);
                game
            };
            (fresh(), fresh())
        })
    }

    /// The other side's best replies to `bundle` followed by `then`, if a weighing found them.
    fn replies_known(&self, bundle: &[Order], then: Then) -> Option<Vec<Option<Vec<Order>>>> {
        let known = self.replies.take();
        let found = known
            .iter()
            .find(|(b, t, _)| b.as_slice() == bundle && *t == then)
            .map(|(_, _, r)| r.clone());
        self.replies.set(known);
        found
    }

    /// Keeps the other side's best replies to `bundle` followed by `then`.
    fn remember_replies(&self, bundle: &[Order], then: Then, replies: Vec<Option<Vec<Order>>>) {
        let mut known = self.replies.take();
        match known
            .iter_mut()
            .find(|(b, t, _)| b.as_slice() == bundle && *t == then)
        {
            Some((_, _, kept)) => *kept = replies,
            None => known.push((bundle.to_vec(), then, replies)),
        }
        self.replies.set(known);
    }

    /// The AI's read of the other side's style of play.
    pub fn opponent(&self) -> &OpponentModel {
        &self.opponent
    }

    /// The AI's current belief in the other side's resolve.
    pub fn belief(&self) -> f64 {
        self.base.intel.belief_mean(self.side)
    }

    /// The expected outlook of submitting `bundle` now and going on as `then` says, over `budget.rollouts` imagined worlds
    /// (the same worlds for every bundle, so bundles are compared on the same futures).
    pub fn evaluate(&self, bundle: &[Order], then: Then, budget: Budget) -> Outlook {
        self.evaluate_meeting(bundle, then, budget, Meeting::Imagined)
    }

    /// [`Searcher::evaluate`], with futures that meet the other side as `meeting` says.
    fn evaluate_meeting(
        &self,
        bundle: &[Order],
        then: Then,
        budget: Budget,
        meeting: Meeting,
    ) -> Outlook {
        let key = (
            bundle.to_vec(),
            then,
            budget.rollouts,
            budget.depth,
            meeting,
        );
        let mut known = self.known.take();
        let found = known
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, o)| o.clone());
        let outlook = found.unwrap_or_else(|| {
            let outlook = self.play_out(bundle, then, budget, meeting);
            known.push((key, outlook.clone()));
            outlook
        });
        self.known.set(known);
        outlook
    }

    /// [`Searcher::evaluate_meeting`] without the memo: plays the futures.
    fn play_out(&self, bundle: &[Order], then: Then, budget: Budget, meeting: Meeting) -> Outlook {
        let scn = self.view.scenario_arc();
        let rollouts = budget.rollouts.max(1).min(self.worlds.len());
        let mut total = Outlook {
            value: 0.0,
            objectives: vec![0.0; scn.objectives.len()],
        };
        let (mut scratch, mut probe) = self.take_games();
        // The other side's best replies to this bundle in each turn it is pressed, from the
        // pool, found on the first future and used in all (and kept for the bundle's later
        // weighings: the first future's turns do not depend on the budget).
        let mut replies: Vec<Option<Vec<Order>>> =
            self.replies_known(bundle, then).unwrap_or_default();
        replies.resize(replies.len().max(budget.depth as usize), None);
        let found = replies.iter().flatten().count();
        for (r, world) in self.worlds.iter().take(rollouts).enumerate() {
            let mut h = Fnv64::new();
            h.write_u64(self.seed);
            h.write_u64(r as u64);
            scratch.set_seed(h.finish());
            scratch.set_state(world.clone());
            // The other side, as the AI imagines it: in each future it plays one of the styles
            // its conduct so far makes likely (the record, where the scenario has one, a hawk or
            // a dove), in proportion to how likely each is. In a long look (hard's), a share of
            // the futures meets it as a creature of habit instead, going on with what it has
            // done lately; met as it plays, it is one in every future.
            let habitual = match meeting {
                Meeting::AsItPlays => true,
                Meeting::Imagined => self.other_has_habits && habitual_future(r, budget.depth),
            };
            let mut opponent: Box<dyn Policy> = if habitual {
                Box::new(Habit {
                    bundle: budget.bundle,
                })
            } else {
                match self.opponent.style_for(r, self.worlds.len()) {
                    Style::Record => Box::new(Historical),
                    Style::Hawk => Box::new(RuleBased::new(Leaning::Hawk, h.finish() ^ 0x0bb0)),
                    Style::Dove => Box::new(RuleBased::new(Leaning::Dove, h.finish() ^ 0x0bb0)),
                }
            };
            let mut own_later: Box<dyn Policy> = match then {
                Then::Repeat => self.own_policy(h.finish()),
                Then::Follow(leaning) => Box::new(RuleBased::new(leaning, h.finish())),
            };
            // The quantities after the bundle's own turn: the drift from there to the end of
            // the look-ahead is carried on (see `shaping::Trend`).
            let mut trend = Trend::none();
            // The quantities before the bundle: the other side weighs its replies to the bundle
            // by where the AI's course has taken it since (see `answers::Reply::seen`).
            let seen = Trend::mark(&scratch.view());
            for step in 0..budget.depth {
                if scratch.is_over() {
                    break;
                }
                if step == 1 {
                    trend = Trend::mark(&scratch.view());
                }
                let mine = if step == 0 {
                    bundle.to_vec()
                } else if then != Then::Repeat || self.persona.history >= 1.0 {
                    self.own_later_orders(own_later.as_mut(), &scratch)
                } else {
                    // A plan, not a one-off: the same actions again where they are still open
                    // (on another target where the first is closed, as a proposal is while it
                    // waits for an answer), so steady strategies (courting, pressing, proposing)
                    // show their effect over the look-ahead.
                    let mut again: Vec<Order> = Vec::new();
                    for order in bundle {
                        if let Some(next) = same_action_again(&scratch, self.side, order, &again) {
                            again.push(next);
                        }
                    }
                    if again.is_empty() {
                        self.own_later_orders(own_later.as_mut(), &scratch)
                    } else {
                        again
                    }
                };
                let theirs = opponent.orders(&scratch.side_view(self.side.other()));
                // Met as it plays, the other side goes on with its habits and weighs no reply.
                let theirs = match meeting {
                    Meeting::AsItPlays => theirs,
                    Meeting::Imagined => {
                        let mut reply = Reply {
                            game: &scratch,
                            side: self.side,
                            mine: &mine,
                            probe: &mut probe,
                            seen: Some(&seen),
                        };
                        self.imagined_reply(&mut reply, theirs, step, budget.depth, &mut replies)
                    }
                };
                scratch.submit_unchecked(self.side, mine);
                scratch.submit_unchecked(self.side.other(), theirs);
                if scratch.step().is_err() {
                    break;
                }
            }
            let view = scratch.view();
            let degrees = crate::shaping::objectives(&view, &trend);
            let me = self.view.actor();
            let score = crate::shaping::expected_score(&view, &trend, me, &degrees);
            let tension = view.ind.tension;
            total.value +=
                self.persona.objectives * score - self.persona.tension_aversion * tension * 10.0;
            for (sum, d) in total.objectives.iter_mut().zip(&degrees) {
                *sum += d;
            }
        }
        self.games.set(Some((scratch, probe)));
        if replies.iter().flatten().count() > found {
            self.remember_replies(bundle, then, replies);
        }
        let n = rollouts as f64;
        total.value /= n;
        total.objectives.iter_mut().for_each(|d| *d /= n);
        total.value += self.leaning_bonus(bundle);
        total
    }

    /// The other side's orders `theirs` (as its style gives them) in `step` of a look of `depth`
    /// turns, as the AI imagines it playing them. The answer to what the bundle proposes now is
    /// weighed by the other side's objectives; later proposals of the imagined course are
    /// answered by its style (each weighed answer costs a turn per option, and the bundle is what
    /// is chosen). So is its reply to the bundle's pressure: its style's orders, or its best
    /// replies to this bundle (from the pool, found once per step and kept in `replies`) put
    /// first, whichever serves it better, led by the end of a track where the AI's course
    /// threatens a line it holds.
    fn imagined_reply(
        &self,
        reply: &mut Reply,
        theirs: Vec<Order>,
        step: u32,
        depth: u32,
        replies: &mut [Option<Vec<Order>>],
    ) -> Vec<Order> {
        let theirs = if step == 1 {
            reply.answered(theirs)
        } else {
            theirs
        };
        let theirs = if pressed_in(step, depth) && !self.pool.is_empty() {
            let pool = &self.pool;
            let chosen = replies[step as usize]
                .get_or_insert_with(|| reply.best_singles(pool, REPLIES))
                .clone();
            let theirs = reply.pressed(theirs, &chosen);
            reply.defended(theirs)
        } else {
            theirs
        };
        reply.deterred(theirs)
    }

    /// Personality terms for the bundle itself: history, hawkishness, escalation.
    fn leaning_bonus(&self, bundle: &[Order]) -> f64 {
        let scn = self.view.scenario();
        let historical = self.view.historical_orders();
        let mut bonus = 0.0;
        for order in bundle {
            let action = scn.action(order.action);
            if historical.contains(order) {
                bonus += self.persona.history * 3.0;
            }
            bonus += self.persona.hawkishness
                * 2.0
                * match action.stance {
                    Stance::Hawkish => 1.0,
                    Stance::Neutral => 0.0,
                    Stance::Dovish => -1.0,
                };
            bonus += self.persona.escalation * 0.5 * f64::from(action.rung);
        }
        bonus
    }

    /// The AI's own orders in a later turn of a look, as `own_later` gives them, less the actions
    /// its objectives forbid it outright: a government that has made "no apology" one of its
    /// aims does not picture itself apologising in a later turn because its personality's plain
    /// strategy would (the plain dove does).
    fn own_later_orders(&self, own_later: &mut dyn Policy, game: &Game) -> Vec<Order> {
        let mut orders = own_later.orders(&game.side_view(self.side));
        orders.retain(|o| !self.forbidden.contains(&o.action));
        orders
    }

    /// How the AI expects to play its own later turns in a rollout: its plain strategy.
    fn own_policy(&self, seed: u64) -> Box<dyn Policy> {
        plain_policy(self.persona, seed)
    }
}

#[cfg(test)]
mod tests {
    use demarche_sim::policy::orders_of;
    use demarche_sim::{Game, Side};

    use super::{
        IRREVERSIBLE_PREMIUM, KEEP_GAIN, Searcher, Then, keep_bar, pruned, same_action_again,
        unproven_step, widened,
    };
    use crate::spec::Difficulty;

    #[test]
    fn a_plan_proposes_again_on_another_track_while_the_first_waits() {
        let scn = crate::two_rivers();
        let mut game = Game::new(scn.clone(), 1);
        let propose = scn.names.actions["talk_propose"];
        let side = Side::Second;
        let first = orders_of(&scn, propose)
            .into_iter()
            .find(|o| game.allows(side, o, &[]))
            .expect("the second side can propose on some track");
        game.submit(side, vec![first.clone()]).unwrap();
        game.submit(Side::First, Vec::new()).unwrap();
        game.step().unwrap();

        // The first proposal waits for its answer, so the same track is closed to a new one.
        assert!(!game.allows(side, &first, &[]));
        let next = same_action_again(&game, side, &first, &[]).expect("another open track");
        assert_eq!(next.action, propose);
        assert_ne!(next.track, first.track);
        assert!(game.allows(side, &next, &[]));
        // Never twice the same order in one turn.
        let again = same_action_again(&game, side, &first, std::slice::from_ref(&next));
        assert_ne!(again, Some(next));
    }

    #[test]
    fn an_objective_forbids_only_what_it_rules_out_for_its_own_side() {
        use demarche_sim::scenario::{Condition, Who};
        use demarche_sim::{ActionId, ActorId};

        use super::collect_forbidden;
        let (me, them) = (ActorId::from_index(0), ActorId::from_index(1));
        let (a, b) = (ActionId::from_index(3), ActionId::from_index(4));
        let took = |who, action| Condition::Took(who, action);
        let not = |c| Condition::Not(Box::new(c));
        let forbidden = |c: &Condition| {
            let mut out = Vec::new();
            collect_forbidden(c, me, false, &mut out);
            out
        };
        // "No formal apology", its side named or as "self", alone or among other aims.
        assert_eq!(forbidden(&not(took(Who::Actor(me), a))), vec![a]);
        let among = Condition::All(vec![Condition::Clashed, not(took(Who::Me, a))]);
        assert_eq!(forbidden(&among), vec![a]);
        // Neither one nor the other: both.
        let neither = not(Condition::Any(vec![took(Who::Me, a), took(Who::Me, b)]));
        assert_eq!(forbidden(&neither), vec![a, b]);
        // Not what the other side takes, not an aim that asks for the action, not one way among
        // others to meet the aim, not "not both", not a double negation.
        assert!(forbidden(&not(took(Who::Actor(them), a))).is_empty());
        assert!(forbidden(&not(took(Who::Opponent, a))).is_empty());
        assert!(forbidden(&took(Who::Me, a)).is_empty());
        let one_way = Condition::Any(vec![not(took(Who::Me, a)), Condition::Clashed]);
        assert!(forbidden(&one_way).is_empty());
        let not_both = not(Condition::All(vec![took(Who::Me, a), took(Who::Me, b)]));
        assert!(forbidden(&not_both).is_empty());
        assert!(forbidden(&not(not(took(Who::Me, a)))).is_empty());
    }

    #[test]
    fn turkey_in_2015_never_pictures_itself_apologising_and_russia_forbids_itself_nothing() {
        use super::forbidden_actions;
        let scn = crate::turkey_russia_2015();
        let game = Game::new(scn.clone(), 1);
        let keys = |side| -> Vec<String> {
            forbidden_actions(&game.side_view(side))
                .into_iter()
                .map(|a| scn.action(a).key.clone())
                .collect()
        };
        // Turkey's "No regret for nothing" and "No formal apology": Turkey weighs the letter
        // when Moscow's word is on the table, and never pictures itself writing it in a later
        // turn. Russia's aims ask Turkey to apologise, which forbids Russia nothing. The 2022
        // scenario has no such aim, so its games are unchanged.
        assert_eq!(
            keys(Side::First),
            ["tr_letter_of_regret", "tr_formal_apology"]
        );
        assert!(keys(Side::Second).is_empty());
        let game = Game::new(crate::two_rivers(), 1);
        assert!(
            Side::BOTH
                .iter()
                .all(|&side| forbidden_actions(&game.side_view(side)).is_empty())
        );
    }

    #[test]
    fn about_a_third_of_the_easy_ai_s_turns_are_routine_and_only_its_turns() {
        use super::by_routine;
        use crate::spec::EASY_ROUTINE;
        let share = |difficulty: Difficulty, seed: u64| {
            (1..=400)
                .filter(|&turn| by_routine(turn, difficulty.budget(), seed))
                .count() as f64
                / 400.0
        };
        for seed in [1, 7, 2022] {
            let easy = share(Difficulty::Easy, seed);
            assert!((easy - EASY_ROUTINE).abs() < 0.07, "seed {seed}: {easy}");
            assert_eq!(share(Difficulty::Normal, seed), 0.0);
            assert_eq!(share(Difficulty::Hard, seed), 0.0);
        }
        // The same seed gives the same turns; another seed other turns.
        let turns = |seed| -> Vec<u32> {
            (1..=40)
                .filter(|&t| by_routine(t, Difficulty::Easy.budget(), seed))
                .collect()
        };
        assert_eq!(turns(5), turns(5));
        assert_ne!(turns(5), turns(6));
    }

    /// The scenario's personality named `key`.
    fn personality(scn: &demarche_sim::Scenario, key: &str) -> demarche_sim::scenario::Personality {
        scn.personalities
            .iter()
            .find(|p| p.key == key)
            .unwrap_or_else(|| panic!("no personality {key}"))
            .clone()
    }

    #[test]
    fn a_turn_of_routine_plays_the_plain_strategy_names_no_objective_and_never_a_forbidden_act() {
        use std::time::Instant;

        use super::{ROUTINE_SALT, forbidden_actions, plain_policy, routine};
        let scn = crate::turkey_russia_2015();
        let realist = personality(&scn, "realist");
        let apology = scn.names.actions["tr_formal_apology"];
        let mut game = Game::new(scn.clone(), 4);
        let (mut plain_gave_it, mut given) = (false, 0);
        while !game.is_over() {
            let view = game.side_view(Side::First);
            let decision = routine(&view, &realist, 4, Instant::now());
            // The realist's plain line is the dove's, less what its aims forbid.
            let mut plain = plain_policy(&realist, 4 ^ ROUTINE_SALT).orders(&view);
            plain_gave_it |= plain.iter().any(|o| o.action == apology);
            let forbidden = forbidden_actions(&view);
            plain.retain(|o| !forbidden.contains(&o.action));
            assert_eq!(decision.orders, plain);
            assert!(decision.routine);
            assert!(decision.attributions.iter().all(Option::is_none));
            assert_eq!(decision.reasons.len(), decision.orders.len());
            for reason in &decision.reasons {
                assert!(reason.contains("by routine"), "{reason}");
                assert!(!reason.contains("serves our objective"), "{reason}");
            }
            assert!(decision.orders.iter().all(|o| o.action != apology));
            given += decision.orders.len();
            game.submit_unchecked(Side::First, decision.orders);
            game.submit_unchecked(Side::Second, Vec::new());
            game.step().expect("a turn");
        }
        assert!(given > 0, "the routine gives orders");
        assert!(
            plain_gave_it,
            "the plain dove would have apologised at some turn"
        );
    }

    #[test]
    fn a_turn_of_routine_gives_only_what_the_rules_accept() {
        use std::time::Instant;

        use super::routine;
        // Japan's record keeps its Sakhalin stakes once Russia has pressed them; in a game
        // where Russia never does, the historical Japan's routine leaves that step out.
        let scn = crate::japan_russia_2022();
        let historical = personality(&scn, "historical");
        let keep = scn.names.actions["jp_keep_sakhalin_stakes"];
        let mut game = Game::new(scn.clone(), 4);
        let mut record_had_it = false;
        while !game.is_over() {
            let view = game.side_view(Side::First);
            record_had_it |= view.historical_orders().iter().any(|o| o.action == keep);
            let decision = routine(&view, &historical, 4, Instant::now());
            for (i, order) in decision.orders.iter().enumerate() {
                assert!(view.allows(order, &decision.orders[..i]), "{order:?}");
            }
            game.submit(Side::First, decision.orders)
                .expect("the routine's orders are accepted");
            game.submit_unchecked(Side::Second, Vec::new());
            game.step().expect("a turn");
        }
        assert!(record_had_it, "the record keeps the stakes at some turn");
    }

    #[test]
    fn the_other_side_answers_pressure_one_turn_later_and_two_for_a_long_look() {
        use super::pressed_in;
        // Never in the bundle's own turn: the orders are simultaneous.
        assert!((1..=5).all(|depth| !pressed_in(0, depth)));
        // The turn after the bundle, whatever the look (the screening looks two turns ahead).
        assert!((2..=5).all(|depth| pressed_in(1, depth)));
        // The turn after that only for a look of four turns or more (hard's), never later.
        assert!(!pressed_in(2, 3) && pressed_in(2, 4) && pressed_in(2, 5));
        assert!(!pressed_in(3, 4) && !pressed_in(3, 5));
    }

    #[test]
    fn a_third_of_a_long_looks_futures_meet_a_creature_of_habit() {
        use super::habitual_future;
        // Never in a look of three turns or less (easy's and normal's).
        assert!((1..=3).all(|depth| (0..48).all(|r| !habitual_future(r, depth))));
        // In hard's look, a quarter of a first weighing's 12 futures and about a third of the
        // finalists' 48, spread: every run of four futures meets at least one, so the
        // screening's first two futures already include one.
        let count = |futures: usize| (0..futures).filter(|&r| habitual_future(r, 4)).count();
        assert_eq!((count(12), count(48)), (3, 17));
        assert!(habitual_future(1, 4) && !habitual_future(0, 4));
        assert!((0..45).all(|r| (r..r + 4).any(|f| habitual_future(f, 4))));
    }

    #[test]
    fn ending_a_track_for_good_needs_a_clear_gain() {
        let scn = crate::two_rivers();
        let order_of = |key: &str| {
            orders_of(&scn, scn.names.actions[key])
                .into_iter()
                .next()
                .expect("the fixture's action has an order")
        };
        let terminate = keep_bar(&scn, &order_of("talk_terminate"));
        let suspend = keep_bar(&scn, &order_of("talk_suspend"));
        let propose = keep_bar(&scn, &order_of("talk_propose"));
        assert_eq!(suspend, KEEP_GAIN, "a suspension can be undone");
        assert_eq!(propose, KEEP_GAIN);
        assert_eq!(terminate, KEEP_GAIN + IRREVERSIBLE_PREMIUM);
    }

    #[test]
    fn an_end_of_talks_that_pays_nothing_against_the_other_side_as_it_plays_is_not_taken() {
        let scn = crate::japan_russia_2022();
        let game = Game::new(scn.clone(), 9);
        let side = Side::Second;
        let view = game.side_view(side);
        assert_eq!(scn.actor(view.actor()).key, "RUS");
        let budget = Difficulty::Normal.budget_in(&scn);
        let persona = super::personality(&scn, &crate::AiSpec::default());
        let searcher = Searcher::new(&view, &persona, budget, 3);
        let terminate = orders_of(&scn, scn.names.actions["talk_terminate"])
            .into_iter()
            .find(|o| o.track == Some(scn.names.tracks["peace_treaty"]))
            .expect("the peace-treaty talks can be ended");
        assert!(view.allows(&terminate, &[]));
        let offer = orders_of(&scn, scn.names.actions["ru_lng_offer"])
            .into_iter()
            .next()
            .expect("the LNG offer has an order");

        // In the first turn Japan has done nothing yet, so met as it plays it goes on doing
        // nothing: ending the talks costs Russia capital, tension and the talks it wants, and
        // wins it nothing, whatever Japan the imagined styles would make of it.
        let ending = (vec![offer.clone(), terminate.clone()], Then::Repeat);
        assert_eq!(
            unproven_step(&searcher, &ending, &[], budget),
            Some(terminate.clone())
        );
        // A plan that ends nothing has no step to prove.
        let offering = (vec![offer], Then::Repeat);
        assert_eq!(unproven_step(&searcher, &offering, &[], budget), None);
        // And the decision takes no step that fails the test.
        let decision = super::decide(&view, &crate::AiSpec::default(), 3);
        let chosen = (decision.orders, Then::Repeat);
        assert_eq!(unproven_step(&searcher, &chosen, &[], budget), None);
        assert!(!chosen.0.contains(&terminate));
    }

    #[test]
    fn every_order_kept_earns_its_place() {
        let scn = crate::two_rivers();
        let game = Game::new(scn.clone(), 11);
        let budget = Difficulty::Normal.budget_in(&scn);
        let wide = widened(budget);
        for side in Side::BOTH {
            let view = game.side_view(side);
            let persona = super::personality(&scn, &crate::AiSpec::default());
            let searcher = Searcher::new(&view, &persona, budget, 5);
            // Everything affordable at once: some of it is bound not to pay.
            let mut bundle = Vec::new();
            for order in view.candidates() {
                if view.allows(&order, &bundle) {
                    bundle.push(order);
                }
            }
            let kept = pruned(&searcher, bundle.clone(), Then::Repeat, budget);
            assert!(kept.len() < bundle.len(), "{side:?}: nothing was dropped");
            assert!(kept.iter().all(|o| bundle.contains(o)));
            let whole = searcher.evaluate(&kept, Then::Repeat, wide).value;
            for i in 0..kept.len() {
                let mut without = kept.clone();
                without.remove(i);
                let gain = whole - searcher.evaluate(&without, Then::Repeat, wide).value;
                assert!(
                    gain >= keep_bar(&scn, &kept[i]),
                    "{side:?}: {:?} adds only {gain:.3}",
                    kept[i]
                );
            }
        }
    }
}
