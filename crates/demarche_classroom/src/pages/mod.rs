//! The pages: the teacher's dashboard, the join page and a team's page, rendered on the host
//! from the same data as the API, with the stylesheet and script served by the host itself. The
//! join page and a team's page are plain forms that work without JavaScript ([`form`]).

pub mod form;
pub mod join;
pub mod show;
pub mod teacher;
pub mod team;
pub mod team_state;

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::hub::Hub;

/// The stylesheet.
pub const CSS: &str = include_str!("../../assets/app.css");
/// The script.
pub const JS: &str = include_str!("../../assets/app.js");

/// The pages' routes.
pub fn routes() -> Router<Arc<Hub>> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/join") }))
        .route("/teacher", get(teacher::dashboard))
        .route("/teacher/groups", get(teacher::groups_fragment))
        .route("/teacher/groups/{group}/show", get(show::show))
        .route("/teacher/classes/{class}/compare", get(teacher::compare))
        .route("/join", get(join::page).post(join::post))
        .route("/team", get(team::page).post(team::post))
        .route("/static/app.css", get(|| async { asset("text/css", CSS) }))
        .route(
            "/static/app.js",
            get(|| async { asset("text/javascript", JS) }),
        )
}

fn asset(kind: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        text,
    )
        .into_response()
}

/// An HTML response that no cache keeps (pages hold a side's view).
pub fn html(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
