//! A fixed plan: the same bundle of orders every turn, each given when the rules allow it. It is
//! how `balance` writes down the plans it finds, and how anyone replays one:
//! `--side JPN=plan:jp_appeal_g7+talk_propose@fisheries`.

use super::Policy;
use crate::scenario::raw::RawOrder;
use crate::scenario::{Order, Scenario};
use crate::side_view::SideView;

/// The prefix of a plan's policy name.
pub const PREFIX: &str = "plan:";

/// A plan as written: `ACTION[@TARGET]` entries joined by `+` (an empty plan, `plan:`, does
/// nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSpec {
    /// The orders, by action id and target id.
    pub orders: Vec<RawOrder>,
}

impl PlanSpec {
    /// Parses the part after `plan:`. A target names a track or a region; which one is settled
    /// when the plan meets its scenario ([`PlanSpec::resolve`]).
    pub fn parse(text: &str) -> Result<PlanSpec, String> {
        let mut orders = Vec::new();
        for entry in text.split('+').map(str::trim).filter(|e| !e.is_empty()) {
            let (action, target) = match entry.split_once('@') {
                Some((a, t)) => (a.trim(), Some(t.trim().to_owned())),
                None => (entry, None),
            };
            if action.is_empty() || target.as_deref() == Some("") {
                return Err(format!(
                    "`{entry}` in a plan: write ACTION or ACTION@TARGET, joined by `+`"
                ));
            }
            orders.push(RawOrder {
                action: action.to_owned(),
                track: target,
                region: None,
            });
        }
        Ok(PlanSpec { orders })
    }

    /// The plan's orders in `scn`, or what is wrong with them (with a did-you-mean). A target
    /// is taken as a track when the scenario has one of that id, else as a region.
    pub fn resolve(&self, scn: &Scenario) -> Result<Vec<Order>, String> {
        self.orders
            .iter()
            .map(|raw| {
                let raw = match &raw.track {
                    Some(t) if !scn.tracks.iter().any(|k| &k.key == t) => RawOrder {
                        action: raw.action.clone(),
                        track: None,
                        region: Some(t.clone()),
                    },
                    _ => raw.clone(),
                };
                scn.resolve_order(&raw)
            })
            .collect()
    }

    /// The plan of these orders (each target written as its id).
    pub fn of(scn: &Scenario, orders: &[Order]) -> PlanSpec {
        let orders = orders
            .iter()
            .map(|o| {
                let raw = scn.raw_order(o);
                RawOrder {
                    action: raw.action,
                    track: raw.track.or(raw.region),
                    region: None,
                }
            })
            .collect();
        PlanSpec { orders }
    }

    /// The text after `plan:` (inverse of [`PlanSpec::parse`]).
    pub fn text(&self) -> String {
        self.orders
            .iter()
            .map(|o| match &o.track {
                Some(t) => format!("{}@{t}", o.action),
                None => o.action.clone(),
            })
            .collect::<Vec<_>>()
            .join("+")
    }

    /// The text after `plan:` for these orders.
    pub fn write(scn: &Scenario, orders: &[Order]) -> String {
        PlanSpec::of(scn, orders).text()
    }
}

/// Gives the same orders every turn, skipping those the rules refuse at the time (a one-off
/// action already taken, too little capital, a track in the wrong state).
pub struct FixedPlan {
    spec: PlanSpec,
    orders: Option<Vec<Order>>,
}

impl FixedPlan {
    /// A plan from its written form; its ids are checked against the scenario at the first turn
    /// (an order that does not resolve is never given; check with [`PlanSpec::resolve`] first).
    pub fn new(spec: PlanSpec) -> FixedPlan {
        FixedPlan { spec, orders: None }
    }

    /// A plan of orders already resolved.
    pub fn of_orders(scn: &Scenario, orders: Vec<Order>) -> FixedPlan {
        FixedPlan {
            spec: PlanSpec::of(scn, &orders),
            orders: Some(orders),
        }
    }
}

impl Policy for FixedPlan {
    fn name(&self) -> String {
        format!("{PREFIX}{}", self.spec.text())
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        let plan = self
            .orders
            .get_or_insert_with(|| self.spec.resolve(view.scenario()).unwrap_or_default());
        let mut given: Vec<Order> = Vec::new();
        for order in plan.iter() {
            if view.allows(order, &given) {
                given.push(order.clone());
            }
        }
        given
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_parses_and_refuses_empty_parts() {
        let spec = PlanSpec::parse("a + b@t").unwrap();
        assert_eq!(spec.orders.len(), 2);
        assert_eq!(spec.orders[1].action, "b");
        assert_eq!(spec.orders[1].track.as_deref(), Some("t"));
        assert!(PlanSpec::parse("").unwrap().orders.is_empty());
        assert!(PlanSpec::parse("a@").is_err());
        assert!(PlanSpec::parse("@t").is_err());
    }
}
