//! Orders files: a side's orders for chosen turns, with its memos (why these orders, and why
//! each one), written like a scenario's `historical.ron` entries:
//!
//! ```ron
//! [
//!     (side: "JPN", turn: 3, memo: "Show the G7 we carry our share.",
//!         orders: [(action: "jp_coal_phaseout", memo: "Costly, so it is believed.")]),
//! ]
//! ```
//!
//! Every problem is reported with its line and column; nothing is played from a file with one.

use std::collections::BTreeMap;
use std::path::Path;

use demarche_sim::memo::{Memo, OrderMemo};
use demarche_sim::scenario::Problem;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::scenario::read::{SourceText, parse_list};
use demarche_sim::scenario::{Order, Scenario};
use demarche_sim::{Side, files};
use serde::Deserialize;

use crate::error::CliError;
use crate::terminal::shown;

/// Largest orders file read.
pub const MAX_ORDERS_BYTES: u64 = 4 * 1024 * 1024;

/// Orders from a file, by side and turn.
pub type OrderBook = BTreeMap<(Side, u32), Vec<Order>>;

/// An orders file, read and checked.
#[derive(Clone, Debug, Default)]
pub struct OrdersFile {
    /// The orders, by side and turn.
    pub orders: OrderBook,
    /// The memos, by side and turn (only turns with a memo).
    pub memos: BTreeMap<(Side, u32), Memo>,
}

/// One entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    side: String,
    turn: u32,
    orders: Vec<EntryOrder>,
    /// Why these orders.
    #[serde(default)]
    memo: Option<String>,
    /// Accepted so that a scenario's `historical.ron` entries can be copied as they are.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    /// Accepted with `note`, for the same reason.
    #[serde(default, rename = "source")]
    #[allow(dead_code)]
    sources: Vec<String>,
}

/// One order as written, with its memo.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryOrder {
    action: String,
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    memo: Option<String>,
}

impl EntryOrder {
    fn raw(&self) -> RawOrder {
        RawOrder {
            action: self.action.clone(),
            track: self.track.clone(),
            region: self.region.clone(),
        }
    }
}

/// Reads and checks an orders file.
pub fn read(scn: &Scenario, path: &Path) -> Result<OrdersFile, CliError> {
    let text = files::read_text(path, MAX_ORDERS_BYTES)
        .map_err(|why| CliError::Orders(format!("{}: {why}", shown(path))))?;
    parse(scn, path, text)
}

/// Checks an orders file's text (`path` only names it in errors): every entry must name a
/// playable side and a turn of the game, each side's turn at most once, and orders the scenario
/// knows; problems are reported with their line and column.
pub fn parse(scn: &Scenario, path: &Path, text: String) -> Result<OrdersFile, CliError> {
    let src = SourceText::new(path.to_path_buf(), text);
    let mut problems = Vec::new();
    let parsed = parse_list::<Entry>(&src, &mut problems);
    let located = |index: usize, field: &str, message: String| -> String {
        let place = src
            .locate(&format!("[{index}].{field}"))
            .map(|(at, _)| format!("{}:{}", at.line, at.col))
            .unwrap_or_else(|| "1:1".into());
        format!("{}:{place}: {message}", shown(path))
    };
    let mut errors: Vec<String> = problems.iter().map(Problem::headline).collect();
    let mut file = OrdersFile::default();
    for (i, entry) in &parsed.items {
        match check_entry(scn, entry) {
            Ok((side, orders, memo)) => {
                if file.orders.insert((side, entry.turn), orders).is_some() {
                    errors.push(located(
                        *i,
                        "turn",
                        format!(
                            "{}'s turn {} is given twice; give each side's turn once",
                            entry.side, entry.turn
                        ),
                    ));
                }
                if !memo.is_empty() {
                    file.memos.insert((side, entry.turn), memo);
                }
            }
            Err(found) => errors.extend(
                found
                    .into_iter()
                    .map(|(field, why)| located(*i, &field, why)),
            ),
        }
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(CliError::Orders(errors.join("\n")))
    }
}

/// An entry's side, orders and memo.
type Checked = (Side, Vec<Order>, Memo);

/// One entry's side, orders and memo, or its problems as (field, message).
fn check_entry(scn: &Scenario, entry: &Entry) -> Result<Checked, Vec<(String, String)>> {
    let side = side_of(scn, &entry.side).map_err(|why| vec![("side".to_owned(), why)])?;
    let turns = scn.meta.calendar.turns;
    if entry.turn == 0 || entry.turn > turns {
        return Err(vec![(
            "turn".into(),
            format!(
                "turn {} is outside the game, which has turns 1 to {turns}",
                entry.turn
            ),
        )]);
    }
    let mut orders = Vec::new();
    let mut errors = Vec::new();
    let mut memo = Memo {
        note: entry.memo.clone(),
        orders: Vec::new(),
    };
    for (j, written) in entry.orders.iter().enumerate() {
        let raw = written.raw();
        match scn.resolve_order(&raw) {
            Ok(order) => orders.push(order),
            Err(why) => errors.push((format!("orders[{j}]"), why)),
        }
        if let Some(text) = &written.memo {
            memo.orders.push(OrderMemo {
                order: raw,
                text: text.clone(),
            });
        }
    }
    if errors.is_empty() {
        Ok((side, orders, memo.cleaned()))
    } else {
        Err(errors)
    }
}

fn side_of(scn: &Scenario, key: &str) -> Result<Side, String> {
    let sides: Vec<&str> = scn
        .sides
        .iter()
        .map(|a| scn.actor(*a).key.as_str())
        .collect();
    let actor = scn.names.actors.get(key).ok_or_else(|| {
        format!(
            "unknown side `{key}`; {}",
            demarche_sim::scenario::suggest::help_for_unknown(key, &sides)
        )
    })?;
    scn.side_of(*actor)
        .ok_or_else(|| format!("`{key}` is not a playable side"))
}
