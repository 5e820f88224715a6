//! A new game: the scenario's starting state, with each side's private resolve drawn from the
//! game seed.

use crate::ids::Side;
use crate::rng::SimRng;
use crate::scenario::Scenario;
use crate::state::SimState;

/// The state at the start of a game with this seed.
pub fn new_game(scn: &Scenario, rng: SimRng) -> SimState {
    let mut state = SimState::initial(scn);
    let mut stream = rng.fork(0, "resolve");
    for side in Side::BOTH {
        let draw = stream.unit();
        if let Some(setup) = scn.actor(scn.actor_of(side)).side.as_ref() {
            let resolve = setup.resolve.mean + setup.resolve.spread * (2.0 * draw - 1.0);
            state.intel.resolve[side.index()] = resolve.clamp(0.0, 1.0);
        }
    }
    let (degrees, scores) = super::objectives::scores(&state.view(scn));
    state.status.objectives = degrees;
    state.status.scores = scores;
    state
}
