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
    pub location: Option<String>,
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
    send(router, req.body(body).unwrap()).await
}

/// Sends a built request; reads the whole answer.
pub async fn send(router: &Router, req: Request<Body>) -> Answer {
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        cookie,
        location,
        bytes,
    }
}

/// Posts a form (`application/x-www-form-urlencoded`), as a browser without JavaScript does,
/// from `origin` when given.
pub async fn post_form(
    router: &Router,
    who: &As,
    uri: &str,
    fields: &[(&str, &str)],
    origin: Option<&str>,
) -> Answer {
    let body: String = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut req = Request::builder()
        .method("POST")
        .uri(uri)
        .header("host", "127.0.0.1:8080")
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(origin) = origin {
        req = req.header("origin", origin);
    }
    match who {
        As::Teacher(key) => req = req.header("authorization", format!("Bearer {key}")),
        As::Cookie(c) => req = req.header("cookie", c.clone()),
        As::Nobody => {}
    }
    send(router, req.body(Body::from(body)).unwrap()).await
}

/// Percent-encodes a form value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// An open live-update stream (`GET /api/events`).
pub struct Events {
    body: Body,
    buffer: String,
}

impl Events {
    /// Opens the stream of `who`.
    pub async fn open(router: &Router, who: &As) -> Events {
        let mut req = Request::builder().method("GET").uri("/api/events");
        match who {
            As::Teacher(key) => req = req.header("authorization", format!("Bearer {key}")),
            As::Cookie(c) => req = req.header("cookie", c.clone()),
            As::Nobody => {}
        }
        let res = router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        Events {
            body: res.into_body(),
            buffer: String::new(),
        }
    }

    /// Every note (a `data:` line, as JSON) the stream has carried since it was opened, after
    /// waiting `wait` for more.
    pub async fn notes(&mut self, wait: std::time::Duration) -> Vec<Value> {
        let until = tokio::time::Instant::now() + wait;
        while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(until, self.body.frame()).await {
            if let Ok(data) = frame.into_data() {
                self.buffer.push_str(&String::from_utf8_lossy(&data));
            }
        }
        let mut notes = Vec::new();
        for line in self.buffer.lines() {
            if let Some(data) = line.strip_prefix("data:") {
                notes.push(serde_json::from_str(data.trim()).unwrap_or(Value::Null));
            }
        }
        notes
    }

    /// Everything the stream carried so far, as sent.
    pub fn raw(&self) -> &str {
        &self.buffer
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
