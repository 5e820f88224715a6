//! Démarche's AI: plays either side through the same orders as a person, sees only its side's
//! [`demarche_sim::SideView`], decides by looking ahead with the simulation itself, and explains
//! each order.
//!
//! A decision samples the hidden state it cannot see (the other side's resolve, from its own
//! belief), plays candidate bundles of orders forward against a model of the other side, and
//! keeps the bundle whose futures score best for its personality. Same seed, same decisions.

mod answers;
pub mod explain;
pub mod information;
pub mod opponent;
pub mod preview;
mod search;
mod shaping;
mod spec;

/// The engine's test fixture, for the unit tests of every module.
#[cfg(test)]
pub(crate) fn two_rivers() -> std::sync::Arc<demarche_sim::Scenario> {
    scenario_for_tests("../demarche_sim/tests/fixtures/two_rivers")
}

/// The bundled 2015 scenario, whose Turkey has an aim that forbids it an act.
#[cfg(test)]
pub(crate) fn turkey_russia_2015() -> std::sync::Arc<demarche_sim::Scenario> {
    scenario_for_tests("../../scenarios/turkey_russia_2015")
}

/// The bundled 2022 scenario, whose record has steps that wait on the other side.
#[cfg(test)]
pub(crate) fn japan_russia_2022() -> std::sync::Arc<demarche_sim::Scenario> {
    scenario_for_tests("../../scenarios/japan_russia_2022")
}

/// The scenario in `folder` (relative to this crate), loaded for a unit test.
#[cfg(test)]
fn scenario_for_tests(folder: &str) -> std::sync::Arc<demarche_sim::Scenario> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let loaded = demarche_sim::load(&dir).unwrap_or_else(|e| panic!("{folder}: {e:?}"));
    std::sync::Arc::new(loaded.scenario)
}

pub use explain::{Attribution, MATERIAL};
pub use information::imagined;
pub use search::{Decision, decide};
pub use spec::{AiSpec, Difficulty, EASY_ROUTINE, SpecError};

use demarche_sim::SideView;
use demarche_sim::policy::Policy;
use demarche_sim::scenario::Order;

/// The AI's memo for a turn in which it gives no order.
pub const PASS: &str = "No orders this turn: nothing on offer adds enough to our objectives in our look-ahead to be worth the capital, so we keep it for a move that does.";

/// The AI's memo for a turn played by routine in which its plain strategy gives no order.
pub const ROUTINE_PASS: &str = "No orders this turn: our ministries' routine calls for none, and nothing was weighed against our objectives.";

/// The AI as a policy.
pub struct Ai {
    spec: AiSpec,
    seed: u64,
    last: Option<Decision>,
}

impl Ai {
    /// An AI of this personality and difficulty whose choices follow `seed`.
    pub fn new(spec: AiSpec, seed: u64) -> Ai {
        Ai {
            spec,
            seed,
            last: None,
        }
    }

    /// The last decision, with its reasons and timing.
    pub fn last_decision(&self) -> Option<&Decision> {
        self.last.as_ref()
    }
}

impl Policy for Ai {
    fn name(&self) -> String {
        self.spec.to_string()
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        let decision = decide(view, &self.spec, self.seed);
        let orders = decision.orders.clone();
        self.last = Some(decision);
        orders
    }

    fn reasons(&self) -> Vec<String> {
        self.last
            .as_ref()
            .map(|d| d.reasons.clone())
            .unwrap_or_default()
    }

    fn memo(&self) -> Option<String> {
        self.last.as_ref().map(|d| d.reasons_to_show().join(" "))
    }

    fn decision_ms(&self) -> Option<f64> {
        self.last.as_ref().map(|d| d.millis)
    }
}
