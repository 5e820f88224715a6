//! What the AI may know: its side's [`demarche_sim::SideView`]. It plays forward from the view's
//! state (where the other side's secrets are already neutral values) with those secrets replaced
//! by estimates: resolve drawn from its own belief, capital and audience costs at typical values;
//! the view holds none of the other side's orders.

use demarche_sim::Side;
use demarche_sim::rng::Stream;
use demarche_sim::scenario::{Indicator, Scenario};
use demarche_sim::state::SimState;

/// A sample of the world as `side` may imagine it: the true public state, with the other side's
/// private numbers replaced by estimates drawn from `side`'s belief.
pub fn imagined(state: &SimState, scn: &Scenario, side: Side, rng: &mut Stream) -> SimState {
    let mut world = state.clone();
    let other = side.other();
    let (alpha, beta) = state.intel.beliefs[side.index()];
    world.intel.resolve[other.index()] = sample_beta(alpha, beta, rng);
    // The other side's belief about us is private too: start it from its public prior.
    if let Some(setup) = scn.actor(scn.actor_of(other)).side.as_ref() {
        world.intel.beliefs[other.index()] = setup.prior.pair();
    }
    let actor = scn.actor_of(other);
    if let Some(setup) = scn.actor(actor).side.as_ref() {
        let indicators = &mut world.indicators.actors[actor.index()];
        indicators[Indicator::Capital.index()] =
            (setup.capital_per_turn * 1.5).min(setup.capital_cap);
        indicators[Indicator::AudienceCost.index()] = 15.0;
    }
    world
}

/// An approximate draw from Beta(alpha, beta): a normal with the same mean and variance (from a
/// sum of six uniforms), clamped to the unit interval. Only the game's own streams are used.
pub fn sample_beta(alpha: f64, beta: f64, rng: &mut Stream) -> f64 {
    let mean = alpha / (alpha + beta);
    let var = alpha * beta / ((alpha + beta).powi(2) * (alpha + beta + 1.0));
    // Sum of uniforms approximates a normal; clamp to the unit interval.
    let z = (0..6).map(|_| rng.unit()).sum::<f64>() - 3.0;
    (mean + z * var.sqrt() * (2.0f64).sqrt()).clamp(0.0, 1.0)
}
