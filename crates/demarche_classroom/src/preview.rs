//! Effect previews for a team: what adding an order is expected to do next turn, from
//! `demarche_ai::preview` (the numbers the window's action panel shows: one turn played forward
//! twice from the side's [`SideView`], with and without the order), cached per group, side,
//! turn and draft so that a class opening the same option pays for it once.

use std::collections::HashMap;
use std::sync::Mutex;

use demarche_sim::scenario::Order;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::{Side, SideView};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::group::side_of;
use crate::hub::Hub;
use crate::strings::strings;

/// One expected change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Effect {
    /// What changes, for people ("Tension", "Japan: approval"…).
    pub label: String,
    /// By how much (in the metric's own units).
    pub delta: f64,
}

/// Orders a side's cache keeps for one draft before it starts again.
const MOST_CACHED: usize = 256;

/// One side's previews for one turn and draft.
struct Cached {
    turn: u32,
    drafted: Vec<Order>,
    entries: HashMap<Order, Vec<Effect>>,
}

/// Every group's cached previews.
#[derive(Default)]
pub struct Previews {
    cache: Mutex<HashMap<(i64, Side), Cached>>,
}

impl Previews {
    /// The expected effects of adding `order` to `drafted` (the side's orders so far) in group
    /// `group`, from `view` alone: cached, or played forward now (a few milliseconds; call it
    /// off the async runtime).
    pub fn get(
        &self,
        group: i64,
        view: &SideView,
        drafted: &[Order],
        order: &Order,
    ) -> Vec<Effect> {
        let key = (group, view.side());
        let fresh = |c: &Cached| c.turn == view.turn() && c.drafted == drafted;
        if let Some(hit) = self
            .lock()
            .get(&key)
            .filter(|c| fresh(c))
            .and_then(|c| c.entries.get(order))
        {
            return hit.clone();
        }
        let effects: Vec<Effect> = demarche_ai::preview::estimate(view, drafted, order)
            .into_iter()
            .map(|(label, delta)| Effect { label, delta })
            .collect();
        let mut cache = self.lock();
        let entry = cache.entry(key).or_insert_with(|| Cached {
            turn: view.turn(),
            drafted: drafted.to_vec(),
            entries: HashMap::new(),
        });
        if !fresh(entry) || entry.entries.len() >= MOST_CACHED {
            entry.turn = view.turn();
            entry.drafted = drafted.to_vec();
            entry.entries.clear();
        }
        entry.entries.insert(order.clone(), effects.clone());
        effects
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(i64, Side), Cached>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A preview as the API answers it.
#[derive(Clone, Debug, Serialize)]
pub struct PreviewView {
    /// The order previewed, as written.
    pub order: RawOrder,
    /// Why the side may not add it after its drafted orders (then no effects); `None` when it
    /// may.
    pub refused: Option<String>,
    /// The expected changes, the largest first (empty: no visible change).
    pub effects: Vec<Effect>,
}

/// The preview of adding `raw` to team `team_id`'s draft, from its side's view and its own
/// draft only.
pub fn for_team(hub: &Hub, team_id: i64, raw: &RawOrder) -> Result<PreviewView> {
    let team = hub.team(team_id)?;
    let side = side_of(team.side)?;
    let order = hub.scenario.resolve_order(raw).map_err(Error::Invalid)?;
    let (view, drafted) = {
        let group = hub.group(team.group_id)?;
        let g = group.lock().unwrap_or_else(|e| e.into_inner());
        let view = g.game.side_view(side);
        let drafted: Vec<Order> = g.drafts[side.index()]
            .orders
            .iter()
            .filter_map(|o| hub.scenario.resolve_order(o).ok())
            .collect();
        (view, drafted)
    };
    let refused = if view.is_over() {
        Some(strings().game_over.to_owned())
    } else {
        view.check(&order, &drafted).err()
    };
    let effects = match refused {
        Some(_) => Vec::new(),
        None => hub.previews.get(team.group_id, &view, &drafted, &order),
    };
    Ok(PreviewView {
        order: hub.scenario.raw_order(&order),
        refused,
        effects,
    })
}
