//! Replays: the scenario, the seed and every turn's orders, with the hash each turn produced.
//! Re-running them must give the same hashes; that is the determinism contract, checked.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::hash::StateHash;
use crate::ids::Side;
use crate::save::{SaveError, check_version, read_limited, ron_damage, write_ron};
use crate::scenario::Scenario;
use crate::scenario::raw::RawOrder;

/// What a replay file says it is.
pub const REPLAY_FORMAT: &str = "demarche-replay";
/// The replay format version this build writes. It reads every version from 1 up to this one
/// (older files are migrated when read); fields added since are `#[serde(default)]`.
///
/// Version 2 added [`Replay::settings`].
pub const REPLAY_VERSION: u32 = 2;

/// A recorded game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replay {
    /// Always [`REPLAY_FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The scenario's id.
    pub scenario_id: String,
    /// The fingerprint of the scenario's files.
    pub scenario_hash: String,
    /// The game seed.
    pub seed: u64,
    /// Each resolved turn.
    pub turns: Vec<ReplayTurn>,
    /// Settings of whoever recorded the game (who played which side…), since version 2.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// The teacher's injects of the game, as written (absent when none): the replay adds them
    /// before the first turn, so each fires in the turn it fired in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<crate::scenario::raw::RawInject>,
    /// The agenda each side played (absent: none, or a replay from before agendas): the replay
    /// starts with the same ones, whatever its seed would draw.
    #[serde(default, skip_serializing_if = "no_agendas")]
    pub agendas: [Option<String>; 2],
}

fn no_agendas(agendas: &[Option<String>; 2]) -> bool {
    agendas.iter().all(Option::is_none)
}

/// The first fields of a replay, read before the rest so that a newer version gets a clear error.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// One recorded turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplayTurn {
    /// Turn number.
    pub turn: u32,
    /// The orders each side submitted (before validation).
    pub orders: [Vec<RawOrder>; 2],
    /// The state hash after the turn, 16 hex digits.
    pub hash: String,
    /// The sides' memos for the turn (since memos exist; absent when none were written).
    #[serde(default, skip_serializing_if = "crate::memo::both_empty")]
    pub memos: [crate::memo::Memo; 2],
}

/// What re-running a replay gave: each turn's hash, and the turns that do not match.
pub type Verification = (Vec<(u32, StateHash)>, Vec<Mismatch>);

/// A turn whose hash differs from the recording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Turn number.
    pub turn: u32,
    /// The recorded hash.
    pub expected: String,
    /// The hash of the re-run.
    pub found: String,
}

impl Replay {
    /// An empty recording of a game about to start.
    pub fn start(scn: &Scenario, seed: u64) -> Replay {
        Replay {
            format: REPLAY_FORMAT.into(),
            version: REPLAY_VERSION,
            scenario_id: scn.meta.id.clone(),
            scenario_hash: format!("{:016x}", scn.content_hash),
            seed,
            turns: Vec::new(),
            settings: BTreeMap::new(),
            injects: Vec::new(),
            agendas: [None, None],
        }
    }

    /// The recording of a game's turns so far, to go on recording a loaded or branched game;
    /// `None` when the game does not know the orders of its earlier turns.
    pub fn of_game(game: &Game) -> Option<Replay> {
        let scn = game.scenario();
        let orders = game.turn_orders()?;
        let mut replay = Replay::start(scn, game.seed());
        replay.injects = game.injects().iter().map(|e| e.raw.clone()).collect();
        replay.agendas = Side::BOTH.map(|side| game.agenda(side).map(str::to_owned));
        for (orders, report) in orders.iter().zip(game.history()) {
            replay.record_report(scn, orders, report);
        }
        Some(replay)
    }

    /// Records a turn: the orders submitted and the hash the turn produced.
    pub fn record(
        &mut self,
        scn: &Scenario,
        turn: u32,
        orders: &[Vec<crate::scenario::Order>; 2],
        hash: StateHash,
    ) {
        self.turns.push(ReplayTurn {
            turn,
            orders: [
                orders[0].iter().map(|o| scn.raw_order(o)).collect(),
                orders[1].iter().map(|o| scn.raw_order(o)).collect(),
            ],
            hash: hash.to_string(),
            memos: Default::default(),
        });
    }

    /// Records a resolved turn from its report: the orders submitted, and the report's hash and
    /// memos.
    pub fn record_report(
        &mut self,
        scn: &Scenario,
        orders: &[Vec<crate::scenario::Order>; 2],
        report: &crate::report::TurnReport,
    ) {
        self.record(scn, report.turn, orders, report.hash);
        if let Some(last) = self.turns.last_mut() {
            last.memos = report.memos.clone();
        }
    }

    /// Re-runs the game and returns each turn's re-computed hash and any mismatches.
    pub fn verify(&self, scenario: Arc<Scenario>) -> Result<Verification, String> {
        let (game, mismatches) = self.replay(scenario)?;
        let hashes = game.history().iter().map(|r| (r.turn, r.hash)).collect();
        Ok((hashes, mismatches))
    }

    /// Re-runs the game, keeping its reports (what each turn did, the orders it refused), and
    /// returns it with the turns whose hash differs from the recording.
    pub fn replay(&self, scenario: Arc<Scenario>) -> Result<(Game, Vec<Mismatch>), String> {
        if self.scenario_id != scenario.meta.id {
            return Err(format!(
                "the replay is of scenario `{}`, not `{}`",
                self.scenario_id, scenario.meta.id
            ));
        }
        let mut game = Game::new(scenario.clone(), self.seed);
        for side in Side::BOTH {
            if let Some(agenda) = &self.agendas[side.index()] {
                game.set_agenda(side, Some(agenda))
                    .map_err(|e| e.to_string())?;
            }
        }
        let injects = crate::save::resolve_injects(&scenario, &self.injects)?;
        game.add_injects(injects).map_err(|e| e.to_string())?;
        let mut mismatches = Vec::new();
        for recorded in &self.turns {
            if game.turn() != recorded.turn {
                return Err(format!(
                    "turn {} is recorded out of sequence",
                    recorded.turn
                ));
            }
            for side in Side::BOTH {
                let mut orders = Vec::new();
                for raw in &recorded.orders[side.index()] {
                    orders.push(
                        scenario
                            .resolve_order(raw)
                            .map_err(|e| format!("turn {}: {e}", recorded.turn))?,
                    );
                }
                game.submit_unchecked(side, orders);
                game.set_memo(side, recorded.memos[side.index()].clone());
            }
            let hash = game
                .step()
                .map_err(|e| format!("turn {}: {e}", recorded.turn))?;
            if hash.to_string() != recorded.hash {
                mismatches.push(Mismatch {
                    turn: recorded.turn,
                    expected: recorded.hash.clone(),
                    found: hash.to_string(),
                });
            }
        }
        Ok((game, mismatches))
    }

    /// Writes the replay atomically.
    pub fn write(&self, path: &Path) -> Result<(), SaveError> {
        write_ron(self, path)
    }

    /// Reads a replay.
    pub fn read(path: &Path) -> Result<Replay, SaveError> {
        let text = read_limited(path)?;
        Replay::parse(&text, path)
    }

    /// Parses a replay's text (`path` only names it in errors), checking its format and version.
    pub fn parse(text: &str, path: &Path) -> Result<Replay, SaveError> {
        let damaged = |why: String| SaveError::Damaged {
            path: path.to_path_buf(),
            why,
        };
        let options = crate::scenario::read::ron_options();
        let header: Header = options.from_str(text).map_err(|e| ron_damage(path, &e))?;
        if header.format != REPLAY_FORMAT {
            return Err(damaged(format!("it says it is `{}`", header.format)));
        }
        check_version(path, "replay", header.version, REPLAY_VERSION)?;
        let mut replay: Replay = options.from_str(text).map_err(|e| ron_damage(path, &e))?;
        // Version 1 is version 2 without settings, which read as empty.
        replay.version = REPLAY_VERSION;
        Ok(replay)
    }
}
