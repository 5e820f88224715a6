//! The JSON API under `/api` (documented route by route in `docs/classroom.md`), and the
//! router that serves it with the pages.

pub mod events;
pub mod teacher;
pub mod team;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};

use crate::hub::Hub;

/// Largest request body, in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// The whole site: the API and the pages.
pub fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .merge(teacher_routes())
        .merge(team_routes())
        .route("/api/events", get(events::stream))
        .merge(crate::pages::routes())
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(hub)
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
        .route("/api/teams/{team}/draft", put(draft))
        .route("/api/teams/{team}/submit", post(submit))
}
