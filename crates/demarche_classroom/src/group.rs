//! One group's game in memory: the [`Game`], who plays each seat, this turn's drafts, which
//! sides did not submit in each resolved turn, and the AI decisions this turn still waits for
//! (made in the background: [`crate::think`]). A group is rebuilt from the database by replaying
//! its seed, injects and resolved turns ([`GroupRt::rebuild`]), each turn checked against the
//! hash recorded when it was first resolved.

use std::sync::Arc;

use demarche_sim::memo::Memo;
use demarche_sim::scenario::injects::{LoadedInject, resolve_inject};
use demarche_sim::scenario::raw::{RawInject, RawOrder};
use demarche_sim::scenario::{Order, Scenario};
use demarche_sim::{Game, Side};

use crate::error::{Error, Result};
use crate::store::rows::{DraftRow, GroupRow, InjectRow, TurnRow};
use crate::think::{Pending, Think};

/// The seat name of a team played by people.
pub const TEAM: &str = "team";

/// Most orders in one draft.
pub const MAX_ORDERS: usize = 24;

/// A side's draft for the current turn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The orders drafted, as written.
    pub orders: Vec<RawOrder>,
    /// The memo drafted.
    pub memo: Memo,
    /// Whether the side submitted them.
    pub submitted: bool,
}

impl Draft {
    /// The draft as a database row of `side`.
    pub fn row(&self, side: Side) -> DraftRow {
        DraftRow {
            side: side.index(),
            orders: serde_json::to_string(&self.orders).unwrap_or_else(|_| "[]".into()),
            memo: serde_json::to_string(&self.memo).unwrap_or_else(|_| "{}".into()),
            submitted: self.submitted,
        }
    }

    /// A draft read back from its row.
    pub fn of_row(row: &DraftRow) -> Result<Draft> {
        Ok(Draft {
            orders: json(&row.orders)?,
            memo: json(&row.memo)?,
            submitted: row.submitted,
        })
    }
}

/// One group's game and seats.
pub struct GroupRt {
    /// The group's row.
    pub row: GroupRow,
    /// The game.
    pub game: Game,
    /// This turn's drafts, per side.
    pub drafts: [Draft; 2],
    /// Per resolved turn (turn 1 first), the sides that did not submit.
    pub missing: Vec<[bool; 2]>,
    /// The policy seats' decisions this turn still waits for, if any.
    pub thinking: Option<Arc<Pending>>,
}

impl GroupRt {
    /// A new group at turn 1, with its policy seats' decisions for turn 1 to make (see
    /// [`GroupRt::open_turn`]).
    pub fn start(row: GroupRow, scn: Arc<Scenario>) -> (GroupRt, Vec<Think>) {
        let game = Game::new(scn, row.seed);
        let mut group = GroupRt {
            row,
            game,
            drafts: Default::default(),
            missing: Vec::new(),
            thinking: None,
        };
        let jobs = group.open_turn();
        (group, jobs)
    }

    /// Whether a side is played by a team (people) rather than a policy.
    pub fn is_team(&self, side: Side) -> bool {
        self.row.seats[side.index()] == TEAM
    }

    /// The policy names of both seats, `player` for a team (for debriefs).
    pub fn policies(&self) -> [String; 2] {
        Side::BOTH.map(|s| {
            if self.is_team(s) {
                "player".to_owned()
            } else {
                self.row.seats[s.index()].clone()
            }
        })
    }

    /// Opens the turn: the drafts are cleared and each policy seat gets a decision to make
    /// from its side's view, in the background (run the jobs, then [`GroupRt::decided`]);
    /// [`GroupRt::thinking`] counts them until they are made.
    pub fn open_turn(&mut self) -> Vec<Think> {
        self.drafts = Default::default();
        self.thinking = None;
        if self.game.is_over() {
            return Vec::new();
        }
        let seats: Vec<Side> = Side::BOTH
            .into_iter()
            .filter(|s| !self.is_team(*s))
            .collect();
        self.think_for(&seats)
    }

    /// The decisions still to make for `sides` this turn, counted in [`GroupRt::thinking`].
    pub fn think_for(&mut self, sides: &[Side]) -> Vec<Think> {
        if sides.is_empty() {
            return Vec::new();
        }
        let pending = Pending::new(sides.len());
        self.thinking = Some(pending.clone());
        sides
            .iter()
            .map(|&side| Think {
                group: self.row.id,
                turn: self.game.turn(),
                side,
                policy: self.row.seats[side.index()].clone(),
                seed: match side {
                    Side::First => self.row.seed,
                    Side::Second => self.row.seed ^ 0x5eed_0f5e_c0d5_1d00,
                },
                view: self.game.side_view(side),
                pending: pending.clone(),
            })
            .collect()
    }

    /// A policy seat's decision, made in the background: submitted with its memo, unless the
    /// turn has moved on. Returns the row to store.
    pub fn decided(
        &mut self,
        turn: u32,
        side: Side,
        orders: Vec<Order>,
        memo: Memo,
    ) -> Option<DraftRow> {
        if self.game.turn() != turn || self.game.is_over() || self.drafts[side.index()].submitted {
            return None;
        }
        let scn = self.game.scenario_arc().clone();
        let draft = Draft {
            orders: orders.iter().map(|o| scn.raw_order(o)).collect(),
            memo: memo.clone(),
            submitted: true,
        };
        self.game.submit_unchecked(side, orders);
        self.game.set_memo(side, memo);
        let row = draft.row(side);
        self.drafts[side.index()] = draft;
        Some(row)
    }

    /// Whether a policy seat is still deciding this turn.
    pub fn is_thinking(&self) -> bool {
        self.thinking.as_ref().is_some_and(|p| !p.is_done())
    }

    /// Replaces a team's draft (withdrawing its submission, if any). The orders must name the
    /// scenario's actions and targets; whether they are available now is checked on submit.
    pub fn set_draft(&mut self, side: Side, orders: Vec<RawOrder>, memo: Memo) -> Result<DraftRow> {
        if orders.len() > MAX_ORDERS {
            return Err(Error::Invalid(format!(
                "{} orders; a turn takes at most {MAX_ORDERS}",
                orders.len()
            )));
        }
        let scn = self.game.scenario_arc().clone();
        for raw in &orders {
            scn.resolve_order(raw).map_err(Error::Invalid)?;
        }
        if self.drafts[side.index()].submitted {
            self.game.submit_unchecked(side, Vec::new());
            self.game.set_memo(side, Memo::default());
        }
        let draft = Draft {
            orders,
            memo: memo.cleaned(),
            submitted: false,
        };
        let row = draft.row(side);
        self.drafts[side.index()] = draft;
        Ok(row)
    }

    /// Submits a team's draft: every order must be available now (else nothing is submitted
    /// and each refusal comes back with its reason), and with `require_memo` the turn's note
    /// must be written. Returns the row to store; on a failed store call
    /// [`GroupRt::withdraw`].
    pub fn submit(&mut self, side: Side, require_memo: bool) -> Result<DraftRow> {
        let draft = self.drafts[side.index()].clone();
        if require_memo && draft.memo.note.is_none() {
            return Err(Error::Refused(vec![
                "the class requires a memo: write why you give these orders".into(),
            ]));
        }
        let scn = self.game.scenario_arc().clone();
        let orders = draft
            .orders
            .iter()
            .map(|raw| scn.resolve_order(raw).map_err(Error::Invalid))
            .collect::<Result<Vec<Order>>>()?;
        self.game.submit(side, orders).map_err(|e| match e {
            demarche_sim::GameError::Refused(list) => Error::Refused(
                list.into_iter()
                    .map(|(i, why)| format!("order {}: {why}", i + 1))
                    .collect(),
            ),
            other => Error::Conflict(other.to_string()),
        })?;
        self.game.set_memo(side, draft.memo.clone());
        self.drafts[side.index()].submitted = true;
        Ok(self.drafts[side.index()].row(side))
    }

    /// Takes back a submission that could not be stored.
    pub fn withdraw(&mut self, side: Side) {
        self.game.submit_unchecked(side, Vec::new());
        self.game.set_memo(side, Memo::default());
        self.drafts[side.index()].submitted = false;
    }

    /// Resolves the turn with what was submitted: a team that did not submit plays no orders
    /// (recorded as missing). Returns the turn's row to store.
    pub fn resolve(&mut self) -> Result<TurnRow> {
        if self.game.is_over() {
            return Err(Error::Conflict("this group's game is over".into()));
        }
        let scn = self.game.scenario_arc().clone();
        let missing = Side::BOTH.map(|s| !self.drafts[s.index()].submitted);
        for side in Side::BOTH.into_iter().filter(|s| missing[s.index()]) {
            self.game.submit_unchecked(side, Vec::new());
            self.game.set_memo(side, Memo::default());
        }
        let orders: [Vec<RawOrder>; 2] = Side::BOTH.map(|s| {
            self.game
                .submitted(s)
                .iter()
                .map(|o| scn.raw_order(o))
                .collect()
        });
        let memos: [Memo; 2] = Side::BOTH.map(|s| self.game.memo(s).clone());
        let turn = self.game.turn();
        let hash = self
            .game
            .step()
            .map_err(|e| Error::Conflict(e.to_string()))?;
        self.missing.push(missing);
        Ok(TurnRow {
            turn,
            orders: to_json(&orders),
            memos: to_json(&memos),
            missing: to_json(&missing),
            hash: hash.to_string(),
        })
    }

    /// Adds an inject that fires when this turn resolves (its `turn` set to this one, any
    /// `when` dropped). Returns the row to store.
    pub fn fire(&mut self, mut raw: RawInject) -> Result<InjectRow> {
        let turn = self.game.turn();
        demarche_sim::scenario::injects::make_due(&mut raw, turn);
        let inject = resolve_inject(self.game.scenario(), &raw).map_err(|problems| {
            Error::Invalid(
                problems
                    .iter()
                    .filter(|p| p.is_error())
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        let text = ron::to_string(&raw).map_err(|e| Error::Invalid(e.to_string()))?;
        self.game
            .add_injects(vec![LoadedInject { raw, inject }])
            .map_err(|e| Error::Conflict(e.to_string()))?;
        Ok(InjectRow {
            turn_added: turn,
            inject: text,
        })
    }

    /// Rebuilds a group from its rows: the game replayed turn by turn from its seed (each
    /// inject added in the turn it was added, each turn's orders and memos submitted as they
    /// were) and checked against every recorded hash; then this turn's drafts and submissions.
    pub fn rebuild(
        row: GroupRow,
        scn: Arc<Scenario>,
        turns: &[TurnRow],
        injects: &[InjectRow],
        drafts: &[DraftRow],
    ) -> Result<GroupRt> {
        let mut game = Game::new(scn.clone(), row.seed);
        let mut missing = Vec::new();
        for t in turns {
            add_injects_of(&mut game, injects, t.turn)?;
            replay_turn(&mut game, t)?;
            missing.push(json(&t.missing)?);
        }
        let now = game.turn();
        add_injects_of(&mut game, injects, now)?;
        let mut group = GroupRt {
            row,
            game,
            drafts: Default::default(),
            missing,
            thinking: None,
        };
        for d in drafts {
            group.restore_draft(d)?;
        }
        Ok(group)
    }

    fn restore_draft(&mut self, d: &DraftRow) -> Result<()> {
        let side = side_of(d.side)?;
        let draft = Draft::of_row(d)?;
        if draft.submitted {
            let scn = self.game.scenario_arc().clone();
            let orders = resolve_all(&scn, &draft.orders)?;
            self.game.submit_unchecked(side, orders);
            self.game.set_memo(side, draft.memo.clone());
        }
        self.drafts[side.index()] = draft;
        Ok(())
    }
}

/// Adds the injects recorded as added in `turn`.
fn add_injects_of(game: &mut Game, injects: &[InjectRow], turn: u32) -> Result<()> {
    let scn = game.scenario_arc().clone();
    let mut loaded = Vec::new();
    for row in injects.iter().filter(|i| i.turn_added == turn) {
        let raw: RawInject = demarche_sim::scenario::read::ron_options()
            .from_str(&row.inject)
            .map_err(|e| Error::Corrupt(format!("an inject does not read back: {e}")))?;
        let inject = resolve_inject(&scn, &raw)
            .map_err(|_| Error::Corrupt(format!("inject `{}` no longer fits", raw.key)))?;
        loaded.push(LoadedInject { raw, inject });
    }
    game.add_injects(loaded)
        .map_err(|e| Error::Corrupt(e.to_string()))
}

/// Replays one recorded turn and checks its hash.
fn replay_turn(game: &mut Game, t: &TurnRow) -> Result<()> {
    if game.turn() != t.turn {
        return Err(Error::Corrupt(format!(
            "turn {} is out of sequence",
            t.turn
        )));
    }
    let scn = game.scenario_arc().clone();
    let orders: [Vec<RawOrder>; 2] = json(&t.orders)?;
    let memos: [Memo; 2] = json(&t.memos)?;
    for side in Side::BOTH {
        game.submit_unchecked(side, resolve_all(&scn, &orders[side.index()])?);
        game.set_memo(side, memos[side.index()].clone());
    }
    let hash = game.step().map_err(|e| Error::Corrupt(e.to_string()))?;
    if hash.to_string() != t.hash {
        return Err(Error::Corrupt(format!(
            "turn {} replays to hash {hash}, not the recorded {}",
            t.turn, t.hash
        )));
    }
    Ok(())
}

fn resolve_all(scn: &Scenario, raws: &[RawOrder]) -> Result<Vec<Order>> {
    raws.iter()
        .map(|r| scn.resolve_order(r).map_err(Error::Corrupt))
        .collect()
}

/// The side of a stored side index.
pub fn side_of(index: usize) -> Result<Side> {
    match index {
        0 => Ok(Side::First),
        1 => Ok(Side::Second),
        other => Err(Error::Corrupt(format!("side index {other}"))),
    }
}

fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(format!("stored JSON: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
