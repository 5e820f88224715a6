//! What the API answers with: a team's view, built only from its side's [`SideView`] and its
//! own drafts, and a group's status for the teacher.

use demarche_sim::record::{Comparison, compare};
use demarche_sim::report::TurnReport;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::scenario::{Category, Indicator, Order, Scenario};
use demarche_sim::timeline::timeline;
use demarche_sim::{ActionId, SideSnapshot, SideView};
use serde::Serialize;

use crate::group::GroupRt;
use crate::store::rows::{ClassRow, TeamRow};

/// A team's view of its game.
#[derive(Clone, Debug, Serialize)]
pub struct TeamView {
    /// The team's id.
    pub team: i64,
    /// Its group's id.
    pub group: i64,
    /// Its group's name.
    pub group_label: String,
    /// Its side's actor id.
    pub actor: String,
    /// Its side's actor name.
    pub actor_name: String,
    /// The other side's actor name.
    pub other_name: String,
    /// The class's name.
    pub class_name: String,
    /// The class is paused.
    pub paused: bool,
    /// Submits need a memo.
    pub require_memos: bool,
    /// The teacher ended the game.
    pub ended: bool,
    /// The turn being planned.
    pub turn: u32,
    /// When this turn resolves by itself (ms since the Unix epoch), if the class has a turn
    /// length.
    pub deadline_ms: Option<i64>,
    /// The class's turn length in seconds (0: none).
    pub turn_seconds: u32,
    /// The game is over.
    pub over: bool,
    /// The outcome's name, once over.
    pub outcome: Option<String>,
    /// Both sides' scores, this side first.
    pub scores: [f64; 2],
    /// Tension.
    pub tension: f64,
    /// The escalation rung.
    pub rung: u8,
    /// This side's political capital.
    pub capital: f64,
    /// What is left after the drafted orders.
    pub capital_left: f64,
    /// The draft.
    pub draft: DraftView,
    /// The actions by category.
    pub actions: Vec<CategoryView>,
    /// The last report as this side may see it.
    pub report: Option<ReportView>,
    /// The news: every visible report line with its kind.
    pub news: Vec<Line>,
    /// The record beside the game.
    pub record: Comparison,
    /// The side's briefing (Markdown).
    pub briefing: String,
    /// The talks and cooperation tracks.
    pub tracks: Vec<TrackView>,
    /// Sanctions in force and threats standing, between any actors.
    pub sanctions: Vec<SanctionView>,
    /// What this side knows of resolve.
    pub intel: IntelView,
    /// Tension at the start and after each turn (`[turn, value]`).
    pub tension_series: Vec<[f64; 2]>,
    /// Both sides' scores after each turn (`[turn, this side, the other]`).
    pub score_series: Vec<[f64; 3]>,
    /// The side's view, serialized (no seed).
    pub snapshot: SideSnapshot,
    /// The map as SVG (for the page; not in the API's JSON).
    #[serde(skip)]
    pub map_svg: Option<String>,
}

/// A track of talks or cooperation.
#[derive(Clone, Debug, Serialize)]
pub struct TrackView {
    /// Name.
    pub name: String,
    /// `active`, `suspended` or `terminated`.
    pub status: String,
    /// Progress, 0–100.
    pub progress: f64,
    /// Who halted it, if anyone.
    pub halted_by: Option<String>,
}

/// A sanction in force, or a threat standing.
#[derive(Clone, Debug, Serialize)]
pub struct SanctionView {
    /// Who imposes or threatens it.
    pub sender: String,
    /// On whom.
    pub target: String,
    /// The sector.
    pub sector: String,
    /// The kind of measure.
    pub measure: String,
    /// Its severity.
    pub severity: f64,
    /// Whether it is a threat (not yet imposed).
    pub threat: bool,
    /// In force since (a measure) or issued in (a threat), a turn.
    pub since: u32,
    /// A threat's deadline turn.
    pub deadline: Option<u32>,
}

/// What a side knows of resolve: its own, and its estimate of the other side's (never the
/// other side's true resolve).
#[derive(Clone, Debug, Serialize)]
pub struct IntelView {
    /// This side's resolve, 0–1.
    pub own_resolve: f64,
    /// This side's estimate (the mean of its belief) of the other side's resolve, 0–1.
    pub estimate_of_other: f64,
}

/// The draft of the turn.
#[derive(Clone, Debug, Serialize)]
pub struct DraftView {
    /// Each order with its label, cost and memo.
    pub orders: Vec<DraftOrder>,
    /// The turn's memo.
    pub note: Option<String>,
    /// Whether it was submitted.
    pub submitted: bool,
}

/// One drafted order.
#[derive(Clone, Debug, Serialize)]
pub struct DraftOrder {
    /// As written.
    pub order: RawOrder,
    /// In words.
    pub label: String,
    /// Its memo.
    pub memo: Option<String>,
}

/// The actions of one category.
#[derive(Clone, Debug, Serialize)]
pub struct CategoryView {
    /// For people.
    pub label: String,
    /// The actions this side may take, available ones first.
    pub actions: Vec<ActionView>,
}

/// One action with its targets.
#[derive(Clone, Debug, Serialize)]
pub struct ActionView {
    /// Id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Political capital.
    pub capital: f64,
    /// Readiness.
    pub readiness: f64,
    /// One entry per target (one for an action without target).
    pub options: Vec<OptionView>,
}

/// One order of an action, available or with the reason it is not.
#[derive(Clone, Debug, Serialize)]
pub struct OptionView {
    /// The order.
    pub order: RawOrder,
    /// The target's name, if any.
    pub target: Option<String>,
    /// Why it is unavailable after the drafted orders; `None` when available.
    pub refused: Option<String>,
}

/// The last report.
#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    /// Turn.
    pub turn: u32,
    /// Headlines.
    pub headlines: Vec<String>,
    /// Lines with their kinds.
    pub lines: Vec<Line>,
    /// Every number that changed, with why.
    pub changes: Vec<ChangeView>,
    /// This side's refused orders, with reasons.
    pub refused: Vec<String>,
    /// Sides whose team did not submit (they played no orders).
    pub missing: Vec<String>,
    /// This side's memo of the turn.
    pub memo: Option<String>,
}

/// A line of a report or of the news.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// Turn.
    pub turn: u32,
    /// Text.
    pub text: String,
    /// Kind tag for people ("historical event", "model roll (p = 5 %)"…).
    pub tag: String,
}

/// A number that changed.
#[derive(Clone, Debug, Serialize)]
pub struct ChangeView {
    /// What.
    pub label: String,
    /// Before.
    pub before: f64,
    /// After.
    pub after: f64,
    /// Why: each cause and its amount.
    pub causes: Vec<(String, f64)>,
}

/// What a team's view is built from.
pub struct TeamCtx<'a> {
    /// The team.
    pub team: &'a TeamRow,
    /// Its class.
    pub class: &'a ClassRow,
    /// Its group.
    pub group: &'a GroupRt,
    /// The scenario's map with its regions on it, if any.
    pub map: Option<&'a demarche_map::MapModel>,
}

impl TeamView {
    /// The team's view: only its side's [`SideView`] and its own draft.
    pub fn build(ctx: &TeamCtx) -> TeamView {
        let g = ctx.group;
        let side = crate::group::side_of(ctx.team.side).unwrap_or(demarche_sim::Side::First);
        let view = g.game.side_view(side);
        let scn = view.scenario();
        let me = view.actor();
        let draft = &g.drafts[side.index()];
        let drafted: Vec<Order> = draft
            .orders
            .iter()
            .filter_map(|o| scn.resolve_order(o).ok())
            .collect();
        let v = view.view();
        let capital = v.ind.get(me, Indicator::Capital);
        let spent: f64 = drafted.iter().map(|o| scn.action(o.action).capital).sum();
        let scores = view.scores();
        TeamView {
            team: ctx.team.id,
            group: g.row.id,
            group_label: g.row.label.clone(),
            actor: scn.actor(me).key.clone(),
            actor_name: scn.actor(me).name.clone(),
            other_name: scn.actor(scn.actor_of(side.other())).name.clone(),
            class_name: ctx.class.name.clone(),
            paused: ctx.class.paused,
            require_memos: ctx.class.require_memos,
            ended: ctx.class.ended,
            turn: view.turn(),
            deadline_ms: g.row.deadline_ms.filter(|_| !view.is_over()),
            turn_seconds: ctx.class.turn_seconds,
            over: view.is_over(),
            outcome: view.outcome().map(|o| scn.outcomes[o.index()].name.clone()),
            scores: [scores[side.index()], scores[side.other().index()]],
            tension: v.ind.tension,
            rung: v.mil.rung,
            capital,
            capital_left: capital - spent,
            draft: draft_view(scn, &draft.orders, &draft.memo, draft.submitted),
            actions: actions(&view, &drafted),
            report: view.last_report().map(|r| report(scn, r, g, side)),
            news: news(view.history()),
            record: compare(scn, view.history(), view.is_over()),
            briefing: scn.meta.briefings[side.index()].clone(),
            tracks: tracks(&view),
            sanctions: sanctions(&view),
            intel: IntelView {
                own_resolve: v.intel.resolve[side.index()],
                estimate_of_other: v.intel.belief_mean(side),
            },
            tension_series: view.series(demarche_sim::report::Metric::Tension),
            score_series: view
                .history()
                .iter()
                .map(|r| {
                    let s = [r.scores[side.index()], r.scores[side.other().index()]];
                    [f64::from(r.turn), s[0], s[1]]
                })
                .collect(),
            snapshot: view.snapshot(),
            map_svg: ctx.map.map(|asset| crate::map::map_svg(asset, &view)),
        }
    }
}

fn tracks(view: &SideView) -> Vec<TrackView> {
    let scn = view.scenario();
    view.view()
        .dip
        .tracks
        .iter()
        .enumerate()
        .map(|(i, t)| TrackView {
            name: scn.track(demarche_sim::TrackId::from_index(i)).name.clone(),
            status: format!("{:?}", t.status).to_lowercase(),
            progress: t.progress,
            halted_by: t.halted_by.map(|a| scn.actor(a).name.clone()),
        })
        .collect()
}

fn sanctions(view: &SideView) -> Vec<SanctionView> {
    let scn = view.scenario();
    let v = view.view();
    let name = |a: demarche_sim::ActorId| scn.actor(a).name.clone();
    let measures = v.sanc.measures.iter().map(|m| SanctionView {
        sender: name(m.sender),
        target: name(m.target),
        sector: scn.sector(m.sector).name.clone(),
        measure: m.kind.label().to_owned(),
        severity: m.severity,
        threat: false,
        since: m.since,
        deadline: None,
    });
    let threats = v.sanc.threats.iter().map(|t| SanctionView {
        sender: name(t.sender),
        target: name(t.target),
        sector: scn.sector(t.sector).name.clone(),
        measure: t.kind.label().to_owned(),
        severity: t.severity,
        threat: true,
        since: t.issued,
        deadline: Some(t.deadline),
    });
    measures.chain(threats).collect()
}

/// A draft for people: each order with its label and memo, the turn's memo, whether it was
/// submitted.
pub fn draft_view(
    scn: &Scenario,
    orders: &[RawOrder],
    memo: &demarche_sim::memo::Memo,
    submitted: bool,
) -> DraftView {
    DraftView {
        orders: orders
            .iter()
            .map(|o| DraftOrder {
                order: o.clone(),
                label: order_label(scn, o),
                memo: memo.of_order(o).map(str::to_owned),
            })
            .collect(),
        note: memo.note.clone(),
        submitted,
    }
}

/// An order in words: the action's name and cost, with its track or region.
pub fn order_label(scn: &Scenario, raw: &RawOrder) -> String {
    let Ok(order) = scn.resolve_order(raw) else {
        return raw.action.clone();
    };
    let action = scn.action(order.action);
    let mut text = format!(
        "{} ({})",
        action.name,
        cost(action.capital, action.readiness)
    );
    if let Some(t) = order.track {
        text.push_str(&format!(" · {}", scn.track(t).name));
    }
    if let Some(r) = order.region {
        text.push_str(&format!(" · {}", scn.region(r).name()));
    }
    text
}

/// A cost in words: "5 PC" or "5 PC · 10 readiness" (the units from the strings table).
pub fn cost(capital: f64, readiness: f64) -> String {
    let s = crate::strings::strings();
    if readiness > 0.0 {
        format!(
            "{capital:.0} {} · {readiness:.0} {}",
            s.capital_unit, s.readiness_unit
        )
    } else {
        format!("{capital:.0} {}", s.capital_unit)
    }
}

fn actions(view: &SideView, drafted: &[Order]) -> Vec<CategoryView> {
    let scn = view.scenario();
    let me = view.actor();
    Category::ALL
        .into_iter()
        .map(|category| {
            let mut list: Vec<(bool, ActionView)> = scn
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| a.category == category && a.actors.contains(&me))
                .map(|(i, _)| action_view(view, ActionId::from_index(i), drafted))
                .map(|a| (a.options.iter().all(|o| o.refused.is_some()), a))
                .collect();
            list.sort_by_key(|(unavailable, _)| *unavailable);
            CategoryView {
                label: category.label().to_owned(),
                actions: list.into_iter().map(|(_, a)| a).collect(),
            }
        })
        .collect()
}

fn action_view(view: &SideView, id: ActionId, drafted: &[Order]) -> ActionView {
    let scn = view.scenario();
    let action = scn.action(id);
    let options = demarche_sim::policy::orders_of(scn, id)
        .into_iter()
        .map(|order| OptionView {
            target: order
                .track
                .map(|t| scn.track(t).name.clone())
                .or_else(|| order.region.map(|r| scn.region(r).name().to_owned())),
            refused: view.check(&order, drafted).err(),
            order: scn.raw_order(&order),
        })
        .collect();
    ActionView {
        key: action.key.clone(),
        name: action.name.clone(),
        description: action.description.clone(),
        capital: action.capital,
        readiness: action.readiness,
        options,
    }
}

fn report(scn: &Scenario, r: &TurnReport, g: &GroupRt, side: demarche_sim::Side) -> ReportView {
    let missing = g
        .missing
        .get(r.turn as usize - 1)
        .map(|m| {
            demarche_sim::Side::BOTH
                .into_iter()
                .filter(|s| m[s.index()] && g.is_team(*s))
                .map(|s| scn.actor(scn.actor_of(s)).name.clone())
                .collect()
        })
        .unwrap_or_default();
    ReportView {
        turn: r.turn,
        headlines: r.headlines.clone(),
        lines: news(std::slice::from_ref(r)),
        changes: changes(scn, r),
        refused: r.refused[side.index()]
            .iter()
            .map(|(o, why)| format!("{}: {why}", order_label(scn, o)))
            .collect(),
        missing,
        memo: r.memos[side.index()].note.clone(),
    }
}

/// Every number a report changed, with why.
pub fn changes(scn: &Scenario, r: &TurnReport) -> Vec<ChangeView> {
    r.changes
        .iter()
        .map(|c| ChangeView {
            label: c.metric.label(scn),
            before: c.before,
            after: c.after,
            causes: c.causes.iter().map(|(k, a)| (k.text.clone(), *a)).collect(),
        })
        .collect()
}

/// The lines of these reports with their kinds (`timeline::timeline`).
pub fn news(history: &[TurnReport]) -> Vec<Line> {
    timeline(history)
        .into_iter()
        .map(|e| Line {
            turn: e.turn,
            tag: e.tag(),
            text: e.text,
        })
        .collect()
}

/// A group at a glance, for the teacher.
#[derive(Clone, Debug, Serialize)]
pub struct GroupStatus {
    /// Id.
    pub id: i64,
    /// Its class.
    pub class: i64,
    /// Name.
    pub label: String,
    /// Seed.
    pub seed: u64,
    /// Who plays each side.
    pub seats: [String; 2],
    /// The sides' actor names.
    pub sides: [String; 2],
    /// The turn being planned.
    pub turn: u32,
    /// Whether each side has submitted this turn.
    pub submitted: [bool; 2],
    /// Whether an AI seat is still deciding this turn.
    pub thinking: bool,
    /// When this turn resolves by itself (ms since the Unix epoch), if the class has a turn
    /// length.
    pub deadline_ms: Option<i64>,
    /// Rung.
    pub rung: u8,
    /// Tension.
    pub tension: f64,
    /// Scores.
    pub scores: [f64; 2],
    /// Outcome's name, once over.
    pub outcome: Option<String>,
    /// Over.
    pub over: bool,
    /// The hash of the last resolved turn (16 hex digits), if any.
    pub last_hash: Option<String>,
    /// The teams with their codes.
    pub teams: Vec<TeamStatus>,
}

/// A team, for the teacher.
#[derive(Clone, Debug, Serialize)]
pub struct TeamStatus {
    /// Id.
    pub id: i64,
    /// Side index.
    pub side: usize,
    /// Join code, while valid.
    pub code: Option<String>,
}

impl GroupStatus {
    /// The status of a group with its teams.
    pub fn of(g: &GroupRt, teams: &[TeamRow]) -> GroupStatus {
        let scn = g.game.scenario();
        let view = g.game.view();
        GroupStatus {
            id: g.row.id,
            class: g.row.class_id,
            label: g.row.label.clone(),
            seed: g.row.seed,
            seats: g.row.seats.clone(),
            sides: demarche_sim::Side::BOTH.map(|s| scn.actor(scn.actor_of(s)).name.clone()),
            turn: g.game.turn(),
            submitted: demarche_sim::Side::BOTH.map(|s| g.drafts[s.index()].submitted),
            thinking: g.is_thinking(),
            deadline_ms: g.row.deadline_ms.filter(|_| !g.game.is_over()),
            rung: view.mil.rung,
            tension: view.ind.tension,
            scores: view.status.scores,
            outcome: g
                .game
                .outcome()
                .map(|o| scn.outcomes[o.index()].name.clone()),
            over: g.game.is_over(),
            last_hash: g.game.last_report().map(|r| r.hash.to_string()),
            teams: teams
                .iter()
                .map(|t| TeamStatus {
                    id: t.id,
                    side: t.side,
                    code: t.code.clone(),
                })
                .collect(),
        }
    }
}
