//! The JSON API under `/api` (documented route by route in `docs/classroom.md`), and the
//! router that serves it with the pages behind the general rate limit ([`throttle`]).

pub mod events;
pub mod teacher;
pub mod team;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use crate::auth::{ClientIp, TEAM_COOKIE, Who, cookie};
use crate::error::Error;
use crate::hub::Hub;
use crate::limit::Client;

/// Largest request body, in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// The whole site: the API and the pages, every request counted against its client's rate
/// limit first.
pub fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .merge(teacher_routes())
        .merge(team_routes())
        .route("/api/events", get(events::stream))
        .merge(crate::pages::routes())
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(from_fn_with_state(hub.clone(), throttle))
        .with_state(hub)
}

/// The general rate limit: a team member's session, or an address without a valid session,
/// that has used its requests gets 429 (with `Retry-After: 1`) before any work is done. The
/// teacher is not limited.
pub async fn throttle(
    State(hub): State<Arc<Hub>>,
    ClientIp(ip): ClientIp,
    req: Request,
    next: Next,
) -> Response {
    let client = match Who::of(&hub, req.headers()) {
        Who::Teacher => return next.run(req).await,
        Who::Team(_) => Client::Session(cookie(req.headers(), TEAM_COOKIE).unwrap_or("").into()),
        Who::Nobody => Client::Address(ip),
    };
    if !hub.requests.allow(client) {
        let mut res = Error::TooMany.into_response();
        res.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        return res;
    }
    next.run(req).await
}

fn teacher_routes() -> Router<Arc<Hub>> {
    use teacher::*;
    Router::new()
        .route("/api/teacher/classes", get(list_classes).post(create_class))
        .route("/api/teacher/classes/{class}", get(class).patch(switches))
        .route("/api/teacher/classes/{class}/groups", post(add_group))
        .route("/api/teacher/classes/{class}/advance", post(advance_class))
        .route("/api/teacher/classes/{class}/injects", post(inject_class))
        .route("/api/teacher/classes/{class}/debriefs.zip", get(debriefs))
        .route("/api/teacher/groups/{group}", get(group))
        .route("/api/teacher/groups/{group}/advance", post(advance_group))
        .route("/api/teacher/groups/{group}/injects", post(inject_group))
        .route(
            "/api/teacher/teams/{team}/code",
            post(reissue).delete(revoke),
        )
}

fn team_routes() -> Router<Arc<Hub>> {
    use team::*;
    Router::new()
        .route("/api/join", post(join))
        .route("/api/me", get(me))
        .route("/api/teams/{team}", get(view))
        .route("/api/teams/{team}/preview", get(preview))
        .route("/api/teams/{team}/draft", put(draft))
        .route("/api/teams/{team}/submit", post(submit))
}
