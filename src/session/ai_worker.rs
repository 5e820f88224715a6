//! The AI thinks on its own thread so the window stays responsive. It is given its side's
//! [`demarche_sim::SideView`], never the other side's private numbers, drafts or orders.

use std::thread::JoinHandle;

use bevy::prelude::*;
use demarche_ai::{AiSpec, Decision, decide};
use demarche_sim::Side;

use super::flow::{Flow, Notices};
use super::{Controller, Session};

/// Decisions in progress, per side.
#[derive(Resource, Default)]
pub struct AiJobs {
    /// The thread working for each side, if any, and the turn it decides.
    pub running: [Option<(u32, JoinHandle<Decision>)>; 2],
}

/// Starts a decision for every AI side that has not submitted this turn.
pub fn start_jobs(session: Option<Res<Session>>, flow: Res<Flow>, mut jobs: ResMut<AiJobs>) {
    let Some(session) = session else { return };
    if matches!(
        *flow,
        Flow::Idle | Flow::Over | Flow::Playback { .. } | Flow::Report
    ) || session.finished()
    {
        return;
    }
    let turn = session.game.turn();
    for side in Side::BOTH {
        let Controller::Ai(spec) = &session.controllers[side.index()] else {
            continue;
        };
        if session.ready[side.index()]
            || jobs.running[side.index()]
                .as_ref()
                .is_some_and(|(t, _)| *t == turn)
        {
            continue;
        }
        let view = session.game.side_view(side);
        let spec: AiSpec = spec.clone();
        let handle =
            std::thread::spawn(move || decide(&view, &spec, ai_seed(view.game_seed(), side)));
        jobs.running[side.index()] = Some((turn, handle));
    }
}

/// The seed an AI side uses in a game: the same in the window and on the command line.
pub fn ai_seed(game_seed: u64, side: Side) -> u64 {
    match side {
        Side::First => game_seed,
        Side::Second => game_seed ^ 0x5eed_0f5e_c0d5_1d00,
    }
}

/// Submits finished decisions.
pub fn collect_jobs(
    session: Option<ResMut<Session>>,
    mut jobs: ResMut<AiJobs>,
    mut notices: ResMut<Notices>,
    mut flow: ResMut<Flow>,
) {
    let Some(mut session) = session else { return };
    let turn = session.game.turn();
    for side in Side::BOTH {
        let finished = jobs.running[side.index()]
            .as_ref()
            .is_some_and(|(_, h)| h.is_finished());
        if !finished {
            continue;
        }
        let Some((job_turn, handle)) = jobs.running[side.index()].take() else {
            continue;
        };
        if job_turn != turn {
            continue;
        }
        match handle.join() {
            Ok(decision) => {
                session.drafts[side.index()] = decision.orders.clone();
                session.ai_reasons[side.index()] = decision.reasons_to_show();
                session.ai_millis[side.index()] = Some(decision.millis);
                if let Err(why) = session.submit(side) {
                    notices.push(format!(
                        "The AI's orders were refused ({why}); it passes this turn."
                    ));
                    session.drafts[side.index()].clear();
                    let _ = session.submit(side);
                }
                if *flow == Flow::Thinking || matches!(*flow, Flow::Planning(_)) {
                    let next = super::flow::next_step(&session);
                    if *flow == Flow::Thinking {
                        *flow = next;
                    }
                }
            }
            Err(_) => notices.push("The AI failed to decide; it passes this turn."),
        }
    }
}
