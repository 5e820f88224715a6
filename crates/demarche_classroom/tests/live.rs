//! Live updates and effect previews. A team's stream carries its own group's resolutions and
//! the class's changes (pause, deadline), and its own team's saves (for a teammate's page),
//! never the other team's notes, another group's, or any text of a draft. A preview is the
//! shared estimate (`demarche_ai::preview`, the window's numbers) on the side's own view: the
//! other team's orders change nothing in it.

mod common;

use std::time::Duration;

use axum::http::StatusCode;
use common::*;
use serde_json::{Value, json};

fn kinds(notes: &[Value]) -> Vec<&str> {
    notes.iter().filter_map(|n| n["kind"].as_str()).collect()
}

async fn patch(router: &axum::Router, t: &As, class: i64, body: Value) {
    let uri = format!("/api/teacher/classes/{class}");
    let answer = call(router, t, "PATCH", &uri, Some(body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
}

#[tokio::test]
async fn a_teams_stream_carries_its_groups_turns_and_the_class_but_nothing_of_the_other_team() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (class, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let other = add_group(&router, &t, class, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (a_mate, _) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    let (c, _) = join(&router, &common::codes(&other)[0]).await;
    let mut to_b = Events::open(&router, &b).await;
    let mut to_mate = Events::open(&router, &a_mate).await;
    let mut to_c = Events::open(&router, &c).await;
    let mut to_teacher = Events::open(&router, &t).await;

    draft_and_submit(&router, &a, a_id, "LIVE-MARKER").await;
    patch(&router, &t, class, json!({"paused": true})).await;
    patch(&router, &t, class, json!({"paused": false})).await;
    patch(&router, &t, class, json!({"turn_seconds": 600})).await;
    let adv = format!("/api/teacher/groups/{g}/advance");
    assert_eq!(
        call(&router, &t, "POST", &adv, None).await.status,
        StatusCode::OK
    );
    let revoke = format!("/api/teacher/teams/{b_id}/code");
    assert_eq!(
        call(&router, &t, "DELETE", &revoke, None).await.status,
        StatusCode::OK
    );

    let wait = Duration::from_millis(300);
    let b_notes = to_b.notes(wait).await;
    assert_eq!(
        kinds(&b_notes),
        ["class", "class", "class", "resolved", "revoked"],
        "B hears of the pause, the resume, the deadline, the resolution and its revoked code: {b_notes:?}"
    );
    assert!(b_notes.iter().all(|n| n["group"] == g));
    assert_eq!(b_notes[3]["turn"], 2);
    assert!(
        !to_b.raw().contains("LIVE-MARKER"),
        "A's memo reached B's stream"
    );
    let mate = to_mate.notes(wait).await;
    assert_eq!(
        kinds(&mate),
        ["draft", "submitted", "class", "class", "class", "resolved"],
        "a teammate's page hears of its own team's saves (not of B's revoked code): {mate:?}"
    );
    assert!(
        !to_mate.raw().contains("LIVE-MARKER"),
        "notes carry no text"
    );
    let c_notes = to_c.notes(wait).await;
    assert_eq!(
        kinds(&c_notes),
        ["class", "class", "class"],
        "another group hears of the class, not of this group's turn: {c_notes:?}"
    );
    let all = to_teacher.notes(wait).await;
    for kind in ["draft", "submitted", "class", "resolved", "revoked"] {
        assert!(kinds(&all).contains(&kind), "the teacher hears {kind}");
    }
}

/// Every option of a team's view that is available, as the order it names.
fn available(view: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for category in view["actions"].as_array().unwrap() {
        for action in category["actions"].as_array().unwrap() {
            for option in action["options"].as_array().unwrap() {
                if option["refused"].is_null() {
                    out.push(option["order"].clone());
                }
            }
        }
    }
    out
}

fn preview_uri(team: i64, order: &Value) -> String {
    let mut uri = format!(
        "/api/teams/{team}/preview?action={}",
        encode(order["action"].as_str().unwrap())
    );
    for target in ["track", "region"] {
        if let Some(key) = order[target].as_str() {
            uri.push_str(&format!("&{target}={}", encode(key)));
        }
    }
    uri
}

#[tokio::test]
async fn a_preview_is_the_shared_estimate_on_the_sides_own_view() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    let view = call(&router, &b, "GET", &format!("/api/teams/{b_id}"), None)
        .await
        .json();
    let options = available(&view);
    let mut before = Vec::new();
    for order in &options {
        let answer = call(&router, &b, "GET", &preview_uri(b_id, order), None).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        before.push(answer.json());
    }
    assert!(
        before
            .iter()
            .any(|p| !p["effects"].as_array().unwrap().is_empty()),
        "some order of the fixture is expected to move something"
    );

    // The numbers are those of the shared function on the same game played in-process: the
    // window's preview.
    let scn = std::sync::Arc::new(demarche_sim::load(&fixture()).unwrap().scenario);
    let game = demarche_sim::Game::new(scn.clone(), group["seed"].as_u64().unwrap());
    let side = game.side_view(demarche_sim::Side::Second);
    for (order, preview) in options.iter().zip(&before) {
        let raw: demarche_sim::scenario::raw::RawOrder =
            serde_json::from_value(order.clone()).unwrap();
        let expected =
            demarche_ai::preview::estimate(&side, &[], &scn.resolve_order(&raw).unwrap());
        let got: Vec<(String, f64)> = preview["effects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["label"].as_str().unwrap().to_owned(),
                    e["delta"].as_f64().unwrap(),
                )
            })
            .collect();
        // JSON keeps every digit shown; parsing it back may differ in the last bit.
        assert_eq!(got.len(), expected.len(), "{order}");
        for ((label, delta), (want, value)) in got.iter().zip(&expected) {
            assert_eq!(label, want, "{order}");
            assert!((delta - value).abs() < 1e-9, "{order}: {delta} vs {value}");
        }
        assert!(preview["refused"].is_null());
    }

    // A drafts and submits: nothing of it reaches B's previews.
    draft_and_submit(&router, &a, a_id, "PREVIEW-MARKER").await;
    for (order, earlier) in options.iter().zip(&before) {
        let answer = call(&router, &b, "GET", &preview_uri(b_id, order), None).await;
        assert_eq!(&answer.json(), earlier, "A's orders changed B's preview");
        assert!(!answer.text().contains("PREVIEW-MARKER"));
    }

    // An option that is not available says why, with no effects.
    let refused = view["actions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["actions"].as_array().unwrap())
        .flat_map(|a| a["options"].as_array().unwrap())
        .find(|o| !o["refused"].is_null())
        .expect("the fixture has an option unavailable at the start");
    let answer = call(
        &router,
        &b,
        "GET",
        &preview_uri(b_id, &refused["order"]),
        None,
    )
    .await
    .json();
    assert_eq!(answer["refused"], refused["refused"]);
    assert_eq!(answer["effects"], json!([]));

    // Only the team itself (or the teacher); ids and actions are checked.
    let first = &options[0];
    assert_eq!(
        call(&router, &a, "GET", &preview_uri(b_id, first), None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&router, &As::Nobody, "GET", &preview_uri(b_id, first), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&router, &t, "GET", &preview_uri(b_id, first), None)
            .await
            .status,
        StatusCode::OK
    );
    let unknown = format!("/api/teams/{b_id}/preview?action=no_such_action");
    assert_eq!(
        call(&router, &b, "GET", &unknown, None).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let long = format!("/api/teams/{b_id}/preview?action={}", "x".repeat(200));
    assert_eq!(
        call(&router, &b, "GET", &long, None).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // The page shows a preview open in its action, without JavaScript (`?preview=`).
    let (i, moving) = before
        .iter()
        .enumerate()
        .find(|(_, p)| !p["effects"].as_array().unwrap().is_empty())
        .unwrap();
    let order = &options[i];
    let key = format!(
        "{}|{}|{}",
        order["action"].as_str().unwrap(),
        order["track"].as_str().unwrap_or(""),
        order["region"].as_str().unwrap_or("")
    );
    let page = call(
        &router,
        &b,
        "GET",
        &format!("/team?preview={}", encode(&key)),
        None,
    )
    .await
    .text();
    let action = order["action"].as_str().unwrap();
    assert!(
        page.contains(&format!("<details data-action=\"{action}\" open>")),
        "the previewed action is open"
    );
    let effect = &moving["effects"][0];
    assert!(
        page.contains(effect["label"].as_str().unwrap()),
        "the page shows the effect"
    );
    assert!(!page.contains("PREVIEW-MARKER"));
}
