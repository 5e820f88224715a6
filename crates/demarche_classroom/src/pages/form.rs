//! Plain HTML forms, so that the join page and a team's page work without JavaScript: an order
//! written as one form value, the team page's draft form read back into orders and memos, and
//! the same-origin check every form post passes.

use axum::http::HeaderMap;
use axum::http::header;
use demarche_sim::memo::{Memo, OrderMemo};
use demarche_sim::scenario::raw::RawOrder;

use crate::error::{Error, Result};
use crate::group::MAX_ORDERS;

/// Largest text of one form field, in characters (a memo is cut at 4,000 characters).
const MAX_FIELD: usize = 8_000;

/// An order as one form value: `action|track|region`, an empty part for no target.
pub fn order_key(order: &RawOrder) -> String {
    format!(
        "{}|{}|{}",
        order.action,
        order.track.as_deref().unwrap_or(""),
        order.region.as_deref().unwrap_or("")
    )
}

/// An order read back from [`order_key`]'s form (`None` when malformed).
pub fn parse_order_key(key: &str) -> Option<RawOrder> {
    let mut parts = key.split('|');
    let (action, track, region) = (parts.next()?, parts.next()?, parts.next()?);
    let id = |p: &str| (!p.is_empty()).then(|| p.to_owned());
    let bad = |p: &str| p.len() > 128 || p.chars().any(char::is_control);
    if parts.next().is_some() || action.is_empty() || [action, track, region].into_iter().any(bad) {
        return None;
    }
    Some(RawOrder {
        action: action.to_owned(),
        track: id(track),
        region: id(region),
    })
}

/// Whether a form post comes from this host's own pages: its `Origin`, when sent (browsers
/// send it with every form post), names the host it was sent to.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .split_once("://")
        .map_or(origin, |(_, rest)| rest)
        .trim_end_matches('/');
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}

/// What a team's draft form asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Do {
    /// Save the orders and memos.
    Save,
    /// Save, then submit.
    Submit,
    /// Save with the order of this action (its target from the action's picker) added.
    Add(String),
    /// Save with the order at this index removed.
    Remove(usize),
    /// Show the expected effects of the order of this action (its target from its picker).
    Preview(String),
}

/// The team page's draft form, read back.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftForm {
    /// The turn the page was drafted for.
    pub turn: u32,
    /// The drafted orders, in order.
    pub orders: Vec<RawOrder>,
    /// The memos: the turn's note and one per order.
    pub memo: Memo,
    /// What the button pressed asks for.
    pub action: Do,
    /// Each action's chosen order (`pick-ACTION`), by action key.
    pub picks: Vec<(String, RawOrder)>,
}

impl DraftForm {
    /// Reads the form's fields: `turn`, `order-I` and `memo-I` per drafted order, `note`,
    /// `pick-ACTION` per action, and `do` (`save`, `submit`, `add:ACTION`, `remove:I`,
    /// `preview:ACTION`). Malformed fields are refused (422), not guessed at.
    pub fn parse(fields: &[(String, String)]) -> Result<DraftForm> {
        let bad = |what: &str| Error::Invalid(format!("the form's {what} is malformed"));
        if fields.iter().any(|(_, v)| v.chars().count() > MAX_FIELD) {
            return Err(Error::Invalid(format!(
                "a field has more than {MAX_FIELD} characters"
            )));
        }
        let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v);
        let turn = get("turn")
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| bad("turn"))?;
        let mut orders = Vec::new();
        let mut memos = Vec::new();
        for i in 0..=MAX_ORDERS {
            let Some(key) = get(&format!("order-{i}")) else {
                break;
            };
            let order = parse_order_key(key).ok_or_else(|| bad("order"))?;
            if let Some(text) = get(&format!("memo-{i}")).filter(|t| !t.trim().is_empty()) {
                memos.push(OrderMemo {
                    order: order.clone(),
                    text: text.clone(),
                });
            }
            orders.push(order);
        }
        let note = get("note").filter(|t| !t.trim().is_empty()).cloned();
        let mut picks = Vec::new();
        for (k, v) in fields {
            if let Some(action) = k.strip_prefix("pick-") {
                picks.push((
                    action.to_owned(),
                    parse_order_key(v).ok_or_else(|| bad("choice of target"))?,
                ));
            }
        }
        let action = match get("do").map(String::as_str).unwrap_or("save") {
            "save" => Do::Save,
            "submit" => Do::Submit,
            other => match other.split_once(':') {
                Some(("add", a)) => Do::Add(a.to_owned()),
                Some(("preview", a)) => Do::Preview(a.to_owned()),
                Some(("remove", i)) => Do::Remove(i.parse().map_err(|_| bad("button"))?),
                _ => return Err(bad("button")),
            },
        };
        Ok(DraftForm {
            turn,
            orders,
            memo: Memo {
                note,
                orders: memos,
            },
            action,
            picks,
        })
    }

    /// The order chosen for an action (`pick-ACTION`).
    pub fn pick(&self, action: &str) -> Result<RawOrder> {
        self.picks
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, o)| o.clone())
            .ok_or_else(|| Error::Invalid(format!("no target chosen for `{action}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_order_key_reads_back_and_a_bad_one_is_refused() {
        let order = RawOrder {
            action: "talk".into(),
            track: Some("peace".into()),
            region: None,
        };
        assert_eq!(parse_order_key(&order_key(&order)), Some(order));
        for bad in ["", "talk", "talk|a", "|a|b", "a|b|c|d", "a\n|b|"] {
            assert_eq!(parse_order_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_draft_form_reads_orders_memos_picks_and_the_button() {
        let form = DraftForm::parse(&fields(&[
            ("turn", "3"),
            ("order-0", "a||"),
            ("memo-0", "why a"),
            ("order-1", "b|t|"),
            ("memo-1", "  "),
            ("note", "because"),
            ("pick-c", "c||r"),
            ("do", "add:c"),
        ]))
        .unwrap();
        assert_eq!(form.turn, 3);
        assert_eq!(form.orders.len(), 2);
        assert_eq!(form.memo.note.as_deref(), Some("because"));
        assert_eq!(form.memo.orders.len(), 1, "a blank memo is no memo");
        assert_eq!(form.action, Do::Add("c".into()));
        assert_eq!(form.pick("c").unwrap().region.as_deref(), Some("r"));
        assert!(form.pick("d").is_err());
        for bad in [
            vec![("do", "save")],
            vec![("turn", "x")],
            vec![("turn", "1"), ("do", "remove:x")],
            vec![("turn", "1"), ("do", "launch")],
            vec![("turn", "1"), ("order-0", "nonsense")],
        ] {
            assert!(DraftForm::parse(&fields(&bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_post_from_another_site_is_not_same_origin() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h), "no Origin: an old browser or a script");
        h.insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "http://evil.example".parse().unwrap());
        assert!(!same_origin(&h));
    }
}
