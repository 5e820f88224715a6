//! The teacher's routes: classes, groups, advancing, pausing, memos, injects, codes and the
//! debrief zip. Each answers 401 without the teacher's key and 403 to a team.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use demarche_sim::scenario::raw::RawInject;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Who;
use crate::error::{Error, Result};
use crate::hub::{Hub, InjectTarget};
use crate::views::GroupStatus;

/// `POST /api/teacher/classes`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewClass {
    /// Name (default "Class").
    #[serde(default)]
    pub name: String,
    /// Seed (default the scenario's).
    #[serde(default)]
    pub seed: Option<u64>,
}

/// `POST /api/teacher/classes/{class}/groups`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewGroup {
    /// Name (default "Group N").
    #[serde(default)]
    pub label: Option<String>,
    /// Who plays each side: `team` or a policy (`ai:realist:normal`…).
    pub seats: [String; 2],
    /// Seed (default the class's).
    #[serde(default)]
    pub seed: Option<u64>,
}

/// `PATCH /api/teacher/classes/{class}`: see [`Switches`].
pub use crate::hub::Switches;

/// `POST …/injects`: an inject of the scenario's files by id, or one written in RON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FireInject {
    /// The id of an inject of the scenario's `injects/` files.
    #[serde(default)]
    pub id: Option<String>,
    /// An inject written in RON, as in an inject file (one item, not a list).
    #[serde(default)]
    pub ron: Option<String>,
}

/// Every class.
pub async fn list_classes(who: Who, State(hub): State<Arc<Hub>>) -> Result<Json<Value>> {
    who.teacher()?;
    Ok(Json(
        json!({ "classes": hub.classes().iter().map(class_json).collect::<Vec<_>>() }),
    ))
}

/// Creates a class.
pub async fn create_class(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Json(body): Json<NewClass>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let class = hub.create_class(&body.name, body.seed)?;
    Ok(Json(class_json(&class)))
}

/// A class with every group's status and the injects on offer.
pub async fn class(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let class = hub.class(id)?;
    let groups: Vec<GroupStatus> = statuses(&hub, id)?;
    let injects: Vec<Value> = hub
        .catalogue
        .iter()
        .map(|c| json!({ "file": c.file, "id": c.inject.raw.key, "title": c.inject.raw.title }))
        .collect();
    Ok(Json(json!({
        "class": class_json(&class),
        "groups": groups,
        "injects": injects,
        "join_url": format!("{}/join", hub.config.base_url),
    })))
}

/// Every group's status of a class.
pub fn statuses(hub: &Hub, class: i64) -> Result<Vec<GroupStatus>> {
    hub.group_ids(class)
        .into_iter()
        .map(|id| {
            let group = hub.group(id)?;
            let g = group.lock().unwrap_or_else(|e| e.into_inner());
            Ok(GroupStatus::of(&g, &hub.teams_of(id)))
        })
        .collect()
}

/// Sets pause, required memos, the turn length or the end.
pub async fn switches(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
    Json(body): Json<Switches>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let class = hub.set_switches(id, &body)?;
    Ok(Json(class_json(&class)))
}

/// Adds a group.
pub async fn add_group(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(class): Path<i64>,
    Json(body): Json<NewGroup>,
) -> Result<Json<GroupStatus>> {
    who.teacher()?;
    let id = hub.add_group(class, body.label.as_deref(), body.seats, body.seed)?;
    group_status(&hub, id).map(Json)
}

/// One group's status.
pub async fn group(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
) -> Result<Json<GroupStatus>> {
    who.teacher()?;
    group_status(&hub, id).map(Json)
}

fn group_status(hub: &Hub, id: i64) -> Result<GroupStatus> {
    let group = hub.group(id)?;
    let g = group.lock().unwrap_or_else(|e| e.into_inner());
    Ok(GroupStatus::of(&g, &hub.teams_of(id)))
}

/// `POST /api/teacher/groups/{group}/advance?turn=N`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvanceQuery {
    /// Resolve only this turn: 409 when the group is past it (a deadline, or another click,
    /// resolved it first).
    #[serde(default)]
    pub turn: Option<u32>,
}

/// Resolves one group's turn (only turn `turn`, when given).
pub async fn advance_group(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
    Query(q): Query<AdvanceQuery>,
) -> Result<Json<GroupStatus>> {
    who.teacher()?;
    let hub2 = hub.clone();
    blocking(move || match q.turn {
        None => hub2.advance(id).map(Some),
        Some(turn) => hub2.advance_turn(id, turn),
    })
    .await?
    .ok_or_else(|| Error::Conflict("this turn is already resolved".into()))?;
    group_status(&hub, id).map(Json)
}

/// `POST /api/teacher/classes/{class}/advance`'s optional body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvanceClass {
    /// The turn meant for each group (by id): a group is resolved only if it is still at that
    /// turn, and groups not named are left alone.
    pub turns: BTreeMap<i64, u32>,
}

/// Resolves the turn of every group of a class (with a body, of the groups named, each only if
/// still at the turn named).
pub async fn advance_class(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
    body: Option<Json<AdvanceClass>>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let hub2 = hub.clone();
    let done = blocking(move || match body {
        None => hub2.advance_class(id),
        Some(Json(body)) => hub2.advance_class_turns(id, &body.turns),
    })
    .await?;
    Ok(Json(json!({ "advanced": done })))
}

/// Fires an inject at one group.
pub async fn inject_group(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
    Json(body): Json<FireInject>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let raw = inject_of(&hub, &body)?;
    let fired = hub.fire(InjectTarget::Group(id), &raw)?;
    Ok(Json(json!({ "fired": fired, "id": raw.key })))
}

/// Fires an inject at every group of a class.
pub async fn inject_class(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
    Json(body): Json<FireInject>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let raw = inject_of(&hub, &body)?;
    let fired = hub.fire(InjectTarget::Class(id), &raw)?;
    Ok(Json(json!({ "fired": fired, "id": raw.key })))
}

/// The inject a request names or writes.
fn inject_of(hub: &Hub, body: &FireInject) -> Result<RawInject> {
    match (&body.id, &body.ron) {
        (Some(id), None) => hub
            .catalogue
            .iter()
            .find(|c| &c.inject.raw.key == id)
            .map(|c| c.inject.raw.clone())
            .ok_or_else(|| Error::NotFound(format!("no inject `{id}` in the scenario's files"))),
        (None, Some(text)) => demarche_sim::scenario::read::ron_options()
            .from_str(text)
            .map_err(|e| Error::Invalid(format!("the inject does not read: {e}"))),
        _ => Err(Error::Invalid("give either `id` or `ron`".into())),
    }
}

/// Gives a team a new join code.
pub async fn reissue(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
) -> Result<Json<Value>> {
    who.teacher()?;
    let code = hub.reissue(id)?;
    Ok(Json(json!({ "team": id, "code": code })))
}

/// Revokes a team's join code.
pub async fn revoke(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
) -> Result<Json<Value>> {
    who.teacher()?;
    hub.revoke(id)?;
    Ok(Json(json!({ "team": id, "code": null })))
}

/// Every group's debrief pack and the class comparison, as one zip.
pub async fn debriefs(
    who: Who,
    State(hub): State<Arc<Hub>>,
    Path(id): Path<i64>,
) -> Result<Response> {
    who.teacher()?;
    let hub2 = hub.clone();
    let bytes = blocking(move || crate::debriefs::zip_class(&hub2, id)).await?;
    let name = format!("attachment; filename=\"class-{id}-debriefs.zip\"");
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        bytes,
    )
        .into_response())
}

/// A class as JSON.
pub fn class_json(c: &crate::store::rows::ClassRow) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "scenario": c.scenario_id,
        "seed": c.seed,
        "require_memos": c.require_memos,
        "paused": c.paused,
        "ended": c.ended,
        "turn_seconds": c.turn_seconds,
    })
}

/// Runs slow work (a turn's resolution, files) off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Corrupt(format!("a worker failed: {e}")))?
}
