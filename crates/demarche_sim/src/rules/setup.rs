//! A new game: the scenario's starting state, with each side's private resolve, its agenda and
//! the starting indicators given as ranges drawn from the game seed.

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
    draw_start(scn, rng, &mut state);
    for side in Side::BOTH {
        let agenda = draw_agenda(scn, rng, side);
        set_agenda(scn, &mut state, side, agenda);
    }
    let (degrees, scores) = super::objectives::scores(&state.view(scn));
    state.status.objectives = degrees;
    state.status.scores = scores;
    state
}

/// Starting indicators drawn within the scenario's ranges, each from its own stream.
fn draw_start(scn: &Scenario, rng: SimRng, state: &mut SimState) {
    for (i, range) in scn.meta.start_ranges.iter().enumerate() {
        let draw = rng.fork(0, &format!("start:{i}")).unit();
        let value = range.low + (range.high - range.low) * draw;
        state.indicators.actors[range.actor.index()][range.indicator.index()] =
            (value * 2.0).round() / 2.0;
    }
}

/// The agenda a side draws (by the agendas' chances), if the scenario gives it any.
pub fn draw_agenda(scn: &Scenario, rng: SimRng, side: Side) -> Option<usize> {
    let actor = scn.actor_of(side);
    let candidates: Vec<(usize, f64)> = scn
        .agendas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.side == actor)
        .map(|(i, a)| (i, a.chance))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let mut stream = rng.fork(0, &format!("agenda:{}", scn.actor(actor).key));
    let weights: Vec<f64> = candidates.iter().map(|(_, w)| *w).collect();
    stream.weighted(&weights).map(|pick| candidates[pick].0)
}

/// Sets a side's agenda (by index into the scenario's agendas; `None`: the scenario's weights)
/// and the objective weights that follow from both sides' agendas.
pub fn set_agenda(scn: &Scenario, state: &mut SimState, side: Side, agenda: Option<usize>) {
    state.status.agendas[side.index()] = agenda.map(|a| scn.agendas[a].key.clone());
    let mut weights: Vec<f64> = scn.objectives.iter().map(|o| o.weight).collect();
    for key in state.status.agendas.iter().flatten() {
        let Some(agenda) = scn.agendas.iter().find(|a| &a.key == key) else {
            continue;
        };
        for w in &agenda.weights {
            if let Some(i) = scn.objectives.iter().position(|o| o.key == w.objective) {
                weights[i] = w.weight;
            }
        }
    }
    let changed = weights
        .iter()
        .zip(&scn.objectives)
        .any(|(w, o)| (w - o.weight).abs() > 1e-12);
    state.status.weights = if changed { weights } else { Vec::new() };
}
