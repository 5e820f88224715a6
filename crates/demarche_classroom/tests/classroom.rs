//! The classroom host through its API, in-process: a whole turn with two teams, who may see
//! and do what, unsubmitted teams, revoked codes, the debrief zip, and a restart on the same
//! database that resumes every group with the same hashes.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::json;

fn teacher(app: &demarche_classroom::App) -> As {
    As::Teacher(app.hub.teacher_key().to_owned())
}

#[tokio::test]
async fn two_teams_play_a_turn_and_read_their_own_memos_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    draft_and_submit(&router, &a, a_id, "MARKER-ALPHA").await;
    // Nothing of A's draft or memo reaches B before the turn resolves: its view, its page, who
    // it is.
    for uri in [
        format!("/api/teams/{b_id}"),
        "/team".into(),
        "/api/me".into(),
    ] {
        let seen = call(&router, &b, "GET", &uri, None).await;
        assert_eq!(seen.status, StatusCode::OK, "{uri}");
        assert!(
            !seen.text().contains("MARKER-ALPHA"),
            "{uri} leaks A's memo"
        );
    }
    draft_and_submit(&router, &b, b_id, "MARKER-BRAVO").await;
    let g = group["id"].as_i64().unwrap();
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g}/advance"),
        None,
    )
    .await;
    assert_eq!(adv.status, StatusCode::OK, "{}", adv.text());
    assert_eq!(adv.json()["turn"], 2);
    for (team, id, mine, theirs) in [
        (&a, a_id, "MARKER-ALPHA", "MARKER-BRAVO"),
        (&b, b_id, "MARKER-BRAVO", "MARKER-ALPHA"),
    ] {
        let view = call(&router, team, "GET", &format!("/api/teams/{id}"), None)
            .await
            .json();
        assert_eq!(view["turn"], 2);
        let report = &view["report"];
        assert_eq!(report["turn"], 1);
        assert!(report["memo"].as_str().unwrap().contains(mine));
        assert!(report["missing"].as_array().unwrap().is_empty());
        assert!(
            !view.to_string().contains(theirs),
            "the other side's memo shows before the game is over"
        );
        assert!(
            view["draft"]["orders"].as_array().unwrap().is_empty(),
            "a new turn starts with an empty draft"
        );
        let page = call(&router, team, "GET", "/team", None).await.text();
        assert!(page.contains(mine) && !page.contains(theirs));
    }
}

#[tokio::test]
async fn a_team_cookie_is_refused_on_every_route_but_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (class, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let other_group = add_group(&router, &t, class, ["team", "ai:realist:easy"]).await;
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let b_id = group["teams"][1]["id"].as_i64().unwrap();
    let c_id = other_group["teams"][0]["id"].as_i64().unwrap();
    let g = group["id"].as_i64().unwrap();
    let draft = json!({"orders": [], "memo": {}});
    let refused = [
        ("GET", format!("/api/teams/{b_id}"), None),
        (
            "PUT",
            format!("/api/teams/{b_id}/draft"),
            Some(draft.clone()),
        ),
        ("POST", format!("/api/teams/{b_id}/submit"), None),
        ("GET", format!("/api/teams/{b_id}/preview?action=x"), None),
        ("GET", format!("/api/teams/{c_id}"), None),
        ("GET", format!("/api/teams/{c_id}/preview?action=x"), None),
        (
            "PUT",
            format!("/api/teams/{c_id}/draft"),
            Some(draft.clone()),
        ),
        ("POST", format!("/api/teams/{c_id}/submit"), None),
        ("GET", "/api/teacher/classes".into(), None),
        ("POST", "/api/teacher/classes".into(), Some(json!({}))),
        ("GET", format!("/api/teacher/classes/{class}"), None),
        (
            "PATCH",
            format!("/api/teacher/classes/{class}"),
            Some(json!({"paused": true})),
        ),
        ("GET", format!("/api/teacher/groups/{g}"), None),
        ("POST", format!("/api/teacher/groups/{g}/advance"), None),
        (
            "POST",
            format!("/api/teacher/classes/{class}/advance"),
            None,
        ),
        (
            "POST",
            format!("/api/teacher/groups/{g}/injects"),
            Some(json!({"id": "x"})),
        ),
        ("DELETE", format!("/api/teacher/teams/{b_id}/code"), None),
        ("POST", format!("/api/teacher/teams/{b_id}/code"), None),
        (
            "GET",
            format!("/api/teacher/classes/{class}/debriefs.zip"),
            None,
        ),
        ("GET", "/teacher".into(), None),
        ("GET", format!("/teacher/groups?class={class}"), None),
        ("GET", format!("/teacher/classes/{class}/compare"), None),
        ("GET", format!("/teacher/groups/{g}/show"), None),
    ];
    for (method, uri, body) in refused {
        let answer = call(&router, &a, method, &uri, body).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{method} {uri}: {}",
            answer.text()
        );
    }
    // Its own routes work; nobody gets 401; the teacher cannot submit for a team.
    assert_eq!(
        call(&router, &a, "GET", &format!("/api/teams/{a_id}"), None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        call(
            &router,
            &As::Nobody,
            "GET",
            &format!("/api/teams/{a_id}"),
            None
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&router, &As::Nobody, "GET", "/api/teacher/classes", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(
            &router,
            &t,
            "POST",
            &format!("/api/teams/{a_id}/submit"),
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // The teacher's key is on no page a team loads.
    for uri in ["/team", "/join", "/api/me", "/static/app.js"] {
        let page = call(&router, &a, "GET", uri, None).await.text();
        assert!(!page.contains(app.hub.teacher_key()), "{uri}");
    }
    assert!(
        !call(&router, &a, "GET", &format!("/api/teams/{a_id}"), None)
            .await
            .text()
            .contains(app.hub.teacher_key())
    );
}

#[tokio::test]
async fn the_teacher_key_moves_from_the_url_into_a_strict_http_only_cookie() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let key = app.hub.teacher_key().to_owned();
    let first = call(
        &router,
        &As::Nobody,
        "GET",
        &format!("/teacher?key={key}"),
        None,
    )
    .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let cookie = first.cookie.clone().unwrap();
    let page = call(&router, &As::Cookie(cookie), "GET", "/teacher", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text().contains(&key));
    let wrong = call(&router, &As::Nobody, "GET", "/teacher?key=WRONG", None).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_unsubmitted_team_plays_no_orders_and_the_report_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    // B drafts but never submits: its draft is not played.
    let view = call(&router, &b, "GET", &format!("/api/teams/{b_id}"), None)
        .await
        .json();
    let order = first_available(&view);
    let put = call(
        &router,
        &b,
        "PUT",
        &format!("/api/teams/{b_id}/draft"),
        Some(json!({"orders": [order]})),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK);
    draft_and_submit(&router, &a, a_id, "M").await;
    let g = group["id"].as_i64().unwrap();
    let status = call(
        &router,
        &t,
        "GET",
        &format!("/api/teacher/groups/{g}"),
        None,
    )
    .await
    .json();
    assert_eq!(status["submitted"], json!([true, false]));
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g}/advance"),
        None,
    )
    .await;
    assert_eq!(adv.status, StatusCode::OK);
    let view = call(&router, &a, "GET", &format!("/api/teams/{a_id}"), None)
        .await
        .json();
    let b_name = view["other_name"].as_str().unwrap().to_owned();
    assert_eq!(view["report"]["missing"], json!([b_name]));
    let played = &view["snapshot"]["history"][0]["orders"];
    assert_eq!(
        played[1],
        json!([]),
        "the unsubmitted side played no orders"
    );
    assert_eq!(played[0].as_array().unwrap().len(), 1);
    let page = call(&router, &b, "GET", "/team", None).await.text();
    assert!(page.contains("did not submit"));
}

#[tokio::test]
async fn a_revoked_code_cannot_join_and_joins_are_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = demarche_classroom::Config::new(fixture(), dir.path().join("c.db"));
    config.join_burst = 3;
    config.join_per_minute = 0;
    let app = demarche_classroom::App::open(config).unwrap();
    let router = app.router();
    let t = teacher(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let codes = codes(&group);
    let team = group["teams"][0]["id"].as_i64().unwrap();
    let (a, a_id) = join(&router, &codes[0]).await;
    let revoke = call(
        &router,
        &t,
        "DELETE",
        &format!("/api/teacher/teams/{team}/code"),
        None,
    )
    .await;
    assert_eq!(revoke.status, StatusCode::OK);
    let again = call(
        &router,
        &As::Nobody,
        "POST",
        "/api/join",
        Some(json!({"code": codes[0]})),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // Revoking ends the team's sessions too.
    assert_eq!(
        call(&router, &a, "GET", &format!("/api/teams/{a_id}"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let new = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/teams/{team}/code"),
        None,
    )
    .await
    .json();
    let (_, joined) = join(&router, new["code"].as_str().unwrap()).await;
    assert_eq!(joined, team);
    // Three attempts were made; the fourth is refused whatever the code.
    let limited = call(
        &router,
        &As::Nobody,
        "POST",
        "/api/join",
        Some(json!({"code": codes[1]})),
    )
    .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn oversized_bodies_and_bad_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let (a, a_id) = join(&router, &codes(&group)[0]).await;
    let huge = json!({"orders": [], "memo": {"note": "x".repeat(100_000)}});
    let put = call(
        &router,
        &a,
        "PUT",
        &format!("/api/teams/{a_id}/draft"),
        Some(huge),
    )
    .await;
    assert_eq!(put.status, StatusCode::PAYLOAD_TOO_LARGE);
    let bad = call(&router, &a, "GET", "/api/teams/not-a-number", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let unknown = json!({"orders": [{"action": "no_such_action"}]});
    let put = call(
        &router,
        &a,
        "PUT",
        &format!("/api/teams/{a_id}/draft"),
        Some(unknown),
    )
    .await;
    assert_eq!(put.status, StatusCode::UNPROCESSABLE_ENTITY);
    let seats = call(
        &router,
        &t,
        "POST",
        "/api/teacher/classes/1/groups",
        Some(json!({"seats": ["team", "ai:nobody"]})),
    )
    .await;
    assert_eq!(seats.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_zip_holds_a_debrief_folder_per_group_and_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (class, _) = class_with_group(&router, &t, ["team", "team"]).await;
    add_group(&router, &t, class, ["team", "historical"]).await;
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/classes/{class}/advance"),
        None,
    )
    .await;
    assert_eq!(adv.json()["advanced"], 2);
    let zip = call(
        &router,
        &t,
        "GET",
        &format!("/api/teacher/classes/{class}/debriefs.zip"),
        None,
    )
    .await;
    assert_eq!(zip.status, StatusCode::OK);
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    let packs = names
        .iter()
        .filter(|n| n.starts_with("groups/") && n.ends_with("/debrief.md"))
        .count();
    assert_eq!(packs, 2, "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("comparison/") && n.ends_with("compare.html")),
        "{names:?}"
    );
    // The same comparison as a page for the projector: both groups and the record.
    let page = call(
        &router,
        &t,
        "GET",
        &format!("/teacher/classes/{class}/compare"),
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    for label in ["Group 1", "Group 2", "historical record"] {
        assert!(text.contains(label), "{label}");
    }
    assert_eq!(
        call(
            &router,
            &As::Nobody,
            "GET",
            &format!("/teacher/classes/{class}/compare"),
            None
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
}

/// Plays the durability script on `db`: a class, a group, both teams submit, an inject fired;
/// returns the teams' cookies and ids.
async fn submit_everything(router: &axum::Router, t: &As) -> (i64, Vec<(As, i64)>) {
    let (class, group) = class_with_group(router, t, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    let inject = r#"(id: "storm", title: "A storm", text: "A storm closes the Narrows.", turn: 1)"#;
    let fired = call(
        router,
        t,
        "POST",
        &format!("/api/teacher/classes/{class}/injects"),
        Some(json!({"ron": inject})),
    )
    .await;
    assert_eq!(fired.status, StatusCode::OK, "{}", fired.text());
    let mut teams = Vec::new();
    for (i, code) in codes(&group).iter().enumerate() {
        let (cookie, id) = join(router, code).await;
        draft_and_submit(router, &cookie, id, &format!("SIDE{i}")).await;
        teams.push((cookie, id));
    }
    (g, teams)
}

#[tokio::test]
async fn a_restart_on_the_same_database_resumes_with_the_same_hashes() {
    let dir = tempfile::tempdir().unwrap();
    // A game never interrupted.
    let straight = app(&dir.path().join("straight.db"));
    let router = straight.router();
    let t = teacher(&straight);
    let (g, _) = submit_everything(&router, &t).await;
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g}/advance"),
        None,
    )
    .await
    .json();
    let expected = adv["last_hash"].clone();
    assert!(expected.is_string());
    // The same game, its host dropped after the submits (as if killed) and opened again.
    let db = dir.path().join("crash.db");
    let first = app(&db);
    let key = first.hub.teacher_key().to_owned();
    let (g2, teams) = submit_everything(&first.router(), &teacher(&first)).await;
    drop(first);
    let second = app(&db);
    assert_eq!(
        second.hub.teacher_key(),
        key,
        "the teacher's URL survives a restart"
    );
    let router = second.router();
    let t = teacher(&second);
    for (i, (cookie, id)) in teams.iter().enumerate() {
        let view = call(&router, cookie, "GET", &format!("/api/teams/{id}"), None)
            .await
            .json();
        assert_eq!(view["draft"]["submitted"], true);
        assert!(
            view["draft"]["note"]
                .as_str()
                .unwrap()
                .contains(&format!("SIDE{i}"))
        );
    }
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g2}/advance"),
        None,
    )
    .await
    .json();
    assert_eq!(adv["last_hash"], expected);
    // And once more after the resolution: the resolved turn replays to its hash.
    drop(second);
    let third = app(&db);
    let status = call(
        &third.router(),
        &teacher(&third),
        "GET",
        &format!("/api/teacher/groups/{g2}"),
        None,
    )
    .await
    .json();
    assert_eq!(status["last_hash"], expected);
    assert_eq!(status["turn"], 2);
}

#[tokio::test]
async fn pause_holds_submits_and_advances_and_memos_can_be_required() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher(&app);
    let (class, group) = class_with_group(&router, &t, ["team", "ai:realist:easy"]).await;
    let (a, a_id) = join(&router, &codes(&group)[0]).await;
    let g = group["id"].as_i64().unwrap();
    let status = wait_for(&router, &t, g, |s| s["thinking"] == false).await;
    assert_eq!(
        status["submitted"],
        json!([false, true]),
        "the AI decides as its turn opens"
    );
    let patch = call(
        &router,
        &t,
        "PATCH",
        &format!("/api/teacher/classes/{class}"),
        Some(json!({"paused": true, "require_memos": true})),
    )
    .await;
    assert_eq!(patch.status, StatusCode::OK);
    let sub = call(
        &router,
        &a,
        "POST",
        &format!("/api/teams/{a_id}/submit"),
        None,
    )
    .await;
    assert_eq!(sub.status, StatusCode::CONFLICT);
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g}/advance"),
        None,
    )
    .await;
    assert_eq!(adv.status, StatusCode::CONFLICT);
    call(
        &router,
        &t,
        "PATCH",
        &format!("/api/teacher/classes/{class}"),
        Some(json!({"paused": false})),
    )
    .await;
    let sub = call(
        &router,
        &a,
        "POST",
        &format!("/api/teams/{a_id}/submit"),
        None,
    )
    .await;
    assert_eq!(
        sub.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        sub.text()
    );
    draft_and_submit(&router, &a, a_id, "M").await;
    let adv = call(
        &router,
        &t,
        "POST",
        &format!("/api/teacher/groups/{g}/advance"),
        None,
    )
    .await;
    assert_eq!(adv.status, StatusCode::OK);
    let status = wait_for(&router, &t, g, |s| s["thinking"] == false).await;
    assert_eq!(status["turn"], 2);
    assert_eq!(status["submitted"], json!([false, true]));
}
