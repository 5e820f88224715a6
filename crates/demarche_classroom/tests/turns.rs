//! Turns that run by themselves: a deadline per turn that resolves a group (and says who did
//! not submit), pausing it and a restart keeping it; AI seats that decide in the background as
//! their turn opens, with Advance waiting for one still deciding; and the general rate limit
//! that answers a flooding client 429 while another team's submit goes through promptly.

mod common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::*;
use serde_json::{Value, json};

async fn patch(router: &axum::Router, t: &As, class: i64, body: Value) -> Value {
    let a = call(
        router,
        t,
        "PATCH",
        &format!("/api/teacher/classes/{class}"),
        Some(body),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    a.json()
}

#[tokio::test]
async fn a_deadline_resolves_the_turn_and_the_report_names_who_did_not_submit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let app = app(&db);
    let router = app.router();
    let t = teacher_of(&app);
    let (class, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    assert!(
        group["deadline_ms"].is_null(),
        "no turn length, no deadline"
    );
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    draft_and_submit(&router, &a, a_id, "ON-TIME").await;
    let too_long = call(
        &router,
        &t,
        "PATCH",
        &format!("/api/teacher/classes/{class}"),
        Some(json!({"turn_seconds": 100_000})),
    )
    .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    let before = demarche_classroom::hub::now_ms();
    assert_eq!(
        patch(&router, &t, class, json!({"turn_seconds": 1})).await["turn_seconds"],
        1
    );
    let status = wait_for(&router, &t, g, |_| true).await;
    let deadline = status["deadline_ms"].as_i64().expect("a deadline");
    assert!((before + 1000..before + 3000).contains(&deadline));
    let view = call(&router, &b, "GET", &format!("/api/teams/{b_id}"), None)
        .await
        .json();
    assert_eq!(view["deadline_ms"], deadline, "the team sees the deadline");
    // Nobody advances: the background task resolves the turn once the deadline passes.
    let _deadlines = app.start_deadlines();
    let status = wait_for(&router, &t, g, |s| s["turn"] == 2).await;
    assert!(status["deadline_ms"].as_i64().unwrap() > deadline);
    let b_name = status["sides"][1].as_str().unwrap().to_owned();
    for (team, id) in [(&a, a_id), (&b, b_id)] {
        let view = call(&router, team, "GET", &format!("/api/teams/{id}"), None)
            .await
            .json();
        assert_eq!(view["report"]["turn"], 1);
        assert_eq!(view["report"]["missing"], json!([b_name]));
        let page = call(&router, team, "GET", "/team", None).await.text();
        assert!(page.contains("did not submit"), "the page says so");
    }
    // Paused, the deadline holds the turn; a resume gives a full turn again.
    patch(&router, &t, class, json!({"paused": true})).await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let status = wait_for(&router, &t, g, |_| true).await;
    assert_eq!(status["turn"], 2, "no resolution while paused");
    let resumed = demarche_classroom::hub::now_ms();
    patch(&router, &t, class, json!({"paused": false})).await;
    let status = wait_for(&router, &t, g, |_| true).await;
    assert!(status["deadline_ms"].as_i64().unwrap() >= resumed + 1000);
    // The deadline is stored: a restart keeps it.
    let kept = status["deadline_ms"].clone();
    drop(router);
    drop(app);
    let again = common::app(&db);
    let status = wait_for(&again.router(), &teacher_of(&again), g, |_| true).await;
    assert_eq!(status["deadline_ms"], kept);
    // No deadline any more: nothing resolves by itself.
    let none = patch(
        &again.router(),
        &teacher_of(&again),
        class,
        json!({"turn_seconds": 0}),
    )
    .await;
    assert_eq!(none["turn_seconds"], 0);
    let status = wait_for(&again.router(), &teacher_of(&again), g, |_| true).await;
    assert!(status["deadline_ms"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ai_decides_in_the_background_and_advance_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "ai:realist:normal"]).await;
    let g = group["id"].as_i64().unwrap();
    // Nobody asks: the AI decides as its turn opens.
    let status = wait_for(&router, &t, g, |s| s["submitted"][1] == true).await;
    assert_eq!(status["thinking"], false);
    // Advance at once after a turn opens: it waits for the AI, which plays its orders.
    for turn in 1..=3u32 {
        let adv = call(
            &router,
            &t,
            "POST",
            &format!("/api/teacher/groups/{g}/advance"),
            None,
        )
        .await;
        assert_eq!(adv.status, StatusCode::OK, "{}", adv.text());
        assert_eq!(adv.json()["turn"], turn + 1);
        let group = app.hub.group(g).unwrap();
        let g = group.lock().unwrap();
        assert_eq!(
            g.missing[turn as usize - 1],
            [true, false],
            "turn {turn}: the AI submitted before it resolved"
        );
        let report = &g.game.history()[turn as usize - 1];
        assert!(
            report.memos[1].note.is_some(),
            "the AI's reasons are its memo"
        );
    }
    // The same game decided in the request (as before) gives the same hashes.
    let hashes: Vec<String> = {
        let group = app.hub.group(g).unwrap();
        let g = group.lock().unwrap();
        g.game
            .history()
            .iter()
            .map(|r| r.hash.to_string())
            .collect()
    };
    let scn = app.hub.scenario.clone();
    let seed = group["seed"].as_u64().unwrap();
    let mut game = demarche_sim::Game::new(scn, seed);
    for expected in &hashes {
        let view = game.side_view(demarche_sim::Side::Second);
        let (orders, memo) = demarche_classroom::think::decide(
            "ai:realist:normal",
            seed ^ 0x5eed_0f5e_c0d5_1d00,
            &view,
        );
        game.submit_unchecked(demarche_sim::Side::Second, orders);
        game.set_memo(demarche_sim::Side::Second, memo);
        game.submit_unchecked(demarche_sim::Side::First, Vec::new());
        assert_eq!(&game.step().unwrap().to_string(), expected);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_client_gets_429_while_another_team_submits_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with(&dir.path().join("c.db"), |c| {
        c.request_burst = 20;
        c.requests_per_second = 5;
    });
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    // B prepares its draft before A floods.
    let view = call(&router, &b, "GET", &format!("/api/teams/{b_id}"), None).await;
    let order = first_available(&view.json());
    let put = call(
        &router,
        &b,
        "PUT",
        &format!("/api/teams/{b_id}/draft"),
        Some(json!({"orders": [order], "memo": {"note": "calm"}})),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK);
    let flood = {
        let (router, a) = (router.clone(), a.clone());
        tokio::spawn(async move {
            let mut refused = 0;
            for _ in 0..200 {
                let answer = call(&router, &a, "GET", &format!("/api/teams/{a_id}"), None).await;
                if answer.status == StatusCode::TOO_MANY_REQUESTS {
                    refused += 1;
                }
            }
            refused
        })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    let start = Instant::now();
    let submit = call(
        &router,
        &b,
        "POST",
        &format!("/api/teams/{b_id}/submit"),
        None,
    )
    .await;
    let took = start.elapsed();
    assert_eq!(submit.status, StatusCode::OK, "{}", submit.text());
    assert!(
        took < Duration::from_millis(500),
        "B's submit took {took:?}"
    );
    let refused = flood.await.unwrap();
    assert!(refused >= 150, "only {refused} of 200 were refused");
    // Without a session, a client is counted by address; the teacher is not limited.
    for _ in 0..30 {
        call(&router, &As::Nobody, "GET", "/join", None).await;
    }
    let limited = call(&router, &As::Nobody, "GET", "/join", None).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let made_up = As::Cookie("dm_team=MADEUP".into());
    let limited = call(&router, &made_up, "GET", "/join", None).await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up cookie gets no bucket of its own"
    );
    for _ in 0..50 {
        let answer = call(&router, &t, "GET", "/api/teacher/classes", None).await;
        assert_eq!(answer.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn an_advance_for_a_turn_already_resolved_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    let uri = format!("/api/teacher/groups/{g}/advance?turn=1");
    let first = call(&router, &t, "POST", &uri, None).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.json()["turn"], 2);
    let again = call(&router, &t, "POST", &uri, None).await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "a second click resolves nothing"
    );
    let status = wait_for(&router, &t, g, |_| true).await;
    assert_eq!(status["turn"], 2);
}

#[tokio::test]
async fn advance_every_group_resolves_only_the_turns_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (class, first) = class_with_group(&router, &t, ["team", "team"]).await;
    let second = add_group(&router, &t, class, ["team", "team"]).await;
    let (g1, g2) = (
        first["id"].as_i64().unwrap(),
        second["id"].as_i64().unwrap(),
    );
    // A deadline (or the group's own button) has just resolved the first group's turn 1.
    let uri = format!("/api/teacher/groups/{g1}/advance");
    assert_eq!(
        call(&router, &t, "POST", &uri, None).await.status,
        StatusCode::OK
    );
    // The dashboard still showed turn 1 for both: only the second group moves.
    let all = format!("/api/teacher/classes/{class}/advance");
    let body = json!({"turns": {g1.to_string(): 1, g2.to_string(): 1, "999": 1}});
    let answer = call(&router, &t, "POST", &all, Some(body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert_eq!(answer.json()["advanced"], 1);
    for (g, turn) in [(g1, 2), (g2, 2)] {
        let status = wait_for(&router, &t, g, |_| true).await;
        assert_eq!(status["turn"], turn, "group {g}");
    }
    // Without a body, every group goes on, as before.
    let answer = call(&router, &t, "POST", &all, None).await;
    assert_eq!(answer.json()["advanced"], 2);
}
