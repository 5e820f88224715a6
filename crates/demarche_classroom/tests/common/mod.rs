//! Helpers of the host's tests: an app on a temporary database over the fixture scenario, and
//! requests sent to its router in-process.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use demarche_classroom::{App, Config};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The engine's fixture scenario.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers")
}

/// An app on the database `db`.
pub fn app(db: &Path) -> App {
    App::open(Config::new(fixture(), db.to_path_buf())).expect("the app opens")
}

/// An app on the database `db`, its configuration changed by `f`.
pub fn app_with(db: &Path, f: impl FnOnce(&mut Config)) -> App {
    let mut config = Config::new(fixture(), db.to_path_buf());
    f(&mut config);
    App::open(config).expect("the app opens")
}

/// The teacher of an app.
pub fn teacher_of(app: &App) -> As {
    As::Teacher(app.hub.teacher_key().to_owned())
}

/// Polls a group's status until `done` holds of it (5 s at most); returns it.
pub async fn wait_for(
    router: &Router,
    teacher: &As,
    group: i64,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let uri = format!("/api/teacher/groups/{group}");
    let start = std::time::Instant::now();
    loop {
        let status = call(router, teacher, "GET", &uri, None).await.json();
        if done(&status) {
            return status;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "group {group} never got there: {status}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// An answer.
pub struct Answer {
    pub status: StatusCode,
    pub cookie: Option<String>,
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or(Value::Null)
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// Who sends a request.
#[derive(Clone, Debug)]
pub enum As {
    Teacher(String),
    Cookie(String),
    Nobody,
}

/// Sends one request.
pub async fn call(
    router: &Router,
    who: &As,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    match who {
        As::Teacher(key) => req = req.header("authorization", format!("Bearer {key}")),
        As::Cookie(c) => req = req.header("cookie", c.clone()),
        As::Nobody => {}
    }
    let body = match body {
        Some(v) => {
            req = req.header("content-type", "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let res = router
        .clone()
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        cookie,
        bytes,
    }
}

/// A class with one group of the given seats; returns (class id, group status).
pub async fn class_with_group(router: &Router, teacher: &As, seats: [&str; 2]) -> (i64, Value) {
    let class = call(
        router,
        teacher,
        "POST",
        "/api/teacher/classes",
        Some(json!({"name": "3B"})),
    )
    .await;
    assert_eq!(class.status, StatusCode::OK, "{}", class.text());
    let id = class.json()["id"].as_i64().unwrap();
    let group = add_group(router, teacher, id, seats).await;
    (id, group)
}

/// Adds a group.
pub async fn add_group(router: &Router, teacher: &As, class: i64, seats: [&str; 2]) -> Value {
    let uri = format!("/api/teacher/classes/{class}/groups");
    let group = call(router, teacher, "POST", &uri, Some(json!({"seats": seats}))).await;
    assert_eq!(group.status, StatusCode::OK, "{}", group.text());
    group.json()
}

/// Joins with a code; returns the team's cookie and id.
pub async fn join(router: &Router, code: &str) -> (As, i64) {
    let a = call(
        router,
        &As::Nobody,
        "POST",
        "/api/join",
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let team = a.json()["team"].as_i64().unwrap();
    (As::Cookie(a.cookie.expect("a session cookie")), team)
}

/// The codes of a group's teams, by side.
pub fn codes(group: &Value) -> Vec<String> {
    group["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The first available order of a team's view.
pub fn first_available(view: &Value) -> Value {
    for category in view["actions"].as_array().unwrap() {
        for action in category["actions"].as_array().unwrap() {
            for option in action["options"].as_array().unwrap() {
                if option["refused"].is_null() {
                    return option["order"].clone();
                }
            }
        }
    }
    panic!("no available action")
}

/// Drafts the first available order with memos and submits.
pub async fn draft_and_submit(router: &Router, team: &As, id: i64, marker: &str) {
    let view = call(router, team, "GET", &format!("/api/teams/{id}"), None).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.text());
    let order = first_available(&view.json());
    let body = json!({
        "orders": [order],
        "memo": {"note": format!("note {marker}"), "orders": [{"order": order, "text": format!("why {marker}")}]},
    });
    let put = call(
        router,
        team,
        "PUT",
        &format!("/api/teams/{id}/draft"),
        Some(body),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.text());
    let sub = call(
        router,
        team,
        "POST",
        &format!("/api/teams/{id}/submit"),
        None,
    )
    .await;
    assert_eq!(sub.status, StatusCode::OK, "{}", sub.text());
}
