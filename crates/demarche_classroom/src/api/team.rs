//! A team's routes: join with a code, read its view, preview an order's effects, draft, submit.
//! A team's cookie reaches only its own team's routes (403 elsewhere).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use demarche_sim::memo::Memo;
use demarche_sim::scenario::raw::RawOrder;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{ClientIp, TEAM_COOKIE, Who, set_cookie};
use crate::error::{Error, Result};
use crate::hub::Hub;
use crate::preview::PreviewView;
use crate::views::{TeamCtx, TeamView};

/// `POST /api/join`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Join {
    /// The join code.
    pub code: String,
}

/// `PUT /api/teams/{team}/draft`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PutDraft {
    /// The orders, as `{action, track, region}`.
    #[serde(default)]
    pub orders: Vec<RawOrder>,
    /// The memo: `note` for the turn, `orders` with one `{order, text}` per order.
    #[serde(default)]
    pub memo: Memo,
    /// The turn this draft is for: if given and the group has moved on, 409 and nothing saved.
    #[serde(default)]
    pub turn: Option<u32>,
}

/// `?turn=N` on `POST /api/teams/{team}/submit`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnQuery {
    /// The turn the submission is for: if the group has moved on, 409 and nothing submitted.
    #[serde(default)]
    pub turn: Option<u32>,
}

/// Joins a team with its code: sets the team's session cookie.
pub async fn join(
    ClientIp(ip): ClientIp,
    State(hub): State<Arc<Hub>>,
    Json(body): Json<Join>,
) -> Result<Response> {
    if !hub.joins.allow(ip) {
        return Err(Error::TooMany);
    }
    if body.code.len() > 64 {
        return Err(Error::Invalid(
            "a join code is 10 letters and digits".into(),
        ));
    }
    let (token, team) = hub.join(&body.code)?;
    let body = json!({ "team": team.id, "group": team.group_id, "side": team.side });
    Ok((
        [(header::SET_COOKIE, set_cookie(TEAM_COOKIE, &token))],
        Json(body),
    )
        .into_response())
}

/// Who the caller is: `{"role": "teacher"}`, `{"role": "team", "team": ID}` or 401.
pub async fn me(who: Who) -> Result<Json<Value>> {
    match who {
        Who::Teacher => Ok(Json(json!({ "role": "teacher" }))),
        Who::Team(t) => Ok(Json(json!({ "role": "team", "team": t }))),
        Who::Nobody => Err(Error::Unauthenticated),
    }
}

/// A team's view (the team itself, or the teacher).
pub async fn view(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(team): Path<i64>,
) -> Result<Json<TeamView>> {
    who.team_or_teacher(team)?;
    team_view(&hub, team).map(Json)
}

/// Builds a team's view.
pub fn team_view(hub: &Hub, team: i64) -> Result<TeamView> {
    let team = hub.team(team)?;
    let class = hub.class_of_group(team.group_id)?;
    let group = hub.group(team.group_id)?;
    let g = group.lock().unwrap_or_else(|e| e.into_inner());
    Ok(TeamView::build(&TeamCtx {
        team: &team,
        class: &class,
        group: &g,
        map: hub.map.as_ref(),
    }))
}

/// Replaces the team's draft.
pub async fn draft(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(team): Path<i64>,
    Json(body): Json<PutDraft>,
) -> Result<Json<Value>> {
    who.team(team)?;
    hub.set_draft(team, body.turn, body.orders, body.memo)?;
    Ok(Json(json!({ "saved": true, "submitted": false })))
}

/// Submits the team's draft; answers once it is committed.
pub async fn submit(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(team): Path<i64>,
    Query(q): Query<TurnQuery>,
) -> Result<Json<Value>> {
    who.team(team)?;
    hub.submit(team, q.turn)?;
    Ok(Json(json!({ "saved": true, "submitted": true })))
}

/// The longest key of an action, track or region a preview accepts.
const MAX_KEY: usize = 128;

/// The expected effects of adding an order (`?action=…&track=…&region=…`) to the team's draft
/// (the team, or the teacher): from its side's view and its own draft only.
pub async fn preview(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(team): Path<i64>,
    Query(order): Query<RawOrder>,
) -> Result<Json<PreviewView>> {
    who.team_or_teacher(team)?;
    let long = |k: &Option<String>| k.as_ref().is_some_and(|k| k.len() > MAX_KEY);
    if order.action.len() > MAX_KEY || long(&order.track) || long(&order.region) {
        return Err(Error::Invalid("an id has at most 128 characters".into()));
    }
    tokio::task::spawn_blocking(move || crate::preview::for_team(&hub, team, &order))
        .await
        .map_err(|e| Error::Internal(format!("the preview: {e}")))?
        .map(Json)
}
