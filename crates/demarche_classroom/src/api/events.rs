//! `GET /api/events`: server-sent events. The teacher's stream carries every note; a team's
//! only its own group's notes meant for its teams, and its own team's.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

use crate::auth::Who;
use crate::error::{Error, Result};
use crate::events::{Note, for_team};
use crate::hub::Hub;

/// The caller's stream.
pub async fn stream(
    who: Who,
    State(hub): State<Arc<Hub>>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let filter: Box<dyn Fn(&Note) -> bool + Send> = match who {
        Who::Teacher => Box::new(|_| true),
        Who::Team(team) => {
            let group = hub.team(team)?.group_id;
            Box::new(move |n| for_team(n, group, team))
        }
        Who::Nobody => return Err(Error::Unauthenticated),
    };
    let rx = hub.bus.subscribe();
    let stream = futures_util::stream::unfold((rx, filter), |(mut rx, filter)| async move {
        loop {
            match rx.recv().await {
                Ok(note) if filter(&note) => {
                    let data = serde_json::to_string(&note).unwrap_or_default();
                    return Some((Ok(Event::default().data(data)), (rx, filter)));
                }
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))))
}
