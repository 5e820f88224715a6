//! The classroom host under a class's load (a benchmark that prints figures, not a timed
//! test): 60 groups (40 of two teams, 20 of a team against `ai:realist:normal`) and 120
//! scripted team clients over HTTP on localhost (one per seat of the team-against-team groups,
//! two students per team in the AI groups), each on its own thread with its own session. Per
//! turn every client reads its view and saves a draft with memos, then all submit at once;
//! then the teacher advances all 60 groups at once (60 concurrent Advance requests). Prints
//! p50/p99/max of submit and of a group's resolution after Advance, the class-wide Advance of
//! the last turn, and the process's peak memory (VmHWM: host and clients together).
//!
//! `cargo bench -p demarche_classroom --bench load` (release). `DEMARCHE_LOAD_TURNS` sets the
//! number of turns (default 3).

#[path = "../tests/common/http.rs"]
mod http;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use demarche_classroom::{App, Config};
use http::{Auth, call};
use serde_json::{Value, json};

const TEAM_GROUPS: usize = 40;
const AI_GROUPS: usize = 20;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("the load benchmark runs with `cargo bench -p demarche_classroom --bench load`");
        return;
    }
    let turns: u32 = std::env::var("DEMARCHE_LOAD_TURNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().unwrap();
    let (app, port, _runtime) = serve(&dir.path().join("load.sqlite3"));
    let teacher = Auth::Key(app.hub.teacher_key().to_owned());
    let (class, groups, codes) = setup(port, &teacher);
    let clients = join_all(port, &codes);
    println!(
        "{} groups ({TEAM_GROUPS} team/team, {AI_GROUPS} team/AI), {} team clients, {turns} turns",
        groups.len(),
        clients.len()
    );
    let mut submits = Vec::new();
    let mut resolutions = Vec::new();
    let mut class_advance = Duration::ZERO;
    for turn in 1..=turns {
        submits.extend(submit_round(port, &clients, turn));
        if turn == turns {
            class_advance = advance_class(port, &teacher, class);
        } else {
            resolutions.extend(advance_round(port, &teacher, &groups));
        }
    }
    report("submit", &mut submits);
    report(
        "resolution after Advance (per group, 60 at once)",
        &mut resolutions,
    );
    println!("Advance of the whole class (60 groups, last turn): {class_advance:.2?}");
    println!("peak memory (VmHWM, host and clients): {}", peak_memory());
}

/// The host on a free port, in a multi-threaded runtime of its own.
fn serve(db: &Path) -> (App, u16, tokio::runtime::Runtime) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers");
    let mut config = Config::new(fixture, db.to_path_buf());
    config.join_burst = 1000;
    let app = App::open(config).unwrap();
    let router = app.router();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    runtime.spawn(async move {
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service).await
    });
    (app, port, runtime)
}

/// A class and its groups; returns the class, the groups and a join code per client.
fn setup(port: u16, teacher: &Auth) -> (i64, Vec<i64>, Vec<String>) {
    let class = call(
        port,
        "POST",
        "/api/teacher/classes",
        teacher,
        Some(&json!({"name": "load"})),
    );
    let class = class.json()["id"].as_i64().unwrap();
    let uri = format!("/api/teacher/classes/{class}/groups");
    let mut groups = Vec::new();
    let mut codes = Vec::new();
    for i in 0..TEAM_GROUPS + AI_GROUPS {
        let seats = if i < TEAM_GROUPS {
            json!(["team", "team"])
        } else {
            json!(["team", "ai:realist:normal"])
        };
        let g = call(port, "POST", &uri, teacher, Some(&json!({"seats": seats}))).json();
        groups.push(g["id"].as_i64().unwrap());
        let team_codes: Vec<String> = g["teams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["code"].as_str().unwrap().to_owned())
            .collect();
        if team_codes.len() == 1 {
            codes.push(team_codes[0].clone());
        }
        codes.extend(team_codes);
    }
    (class, groups, codes)
}

/// Every client joins with its code: its cookie and team.
fn join_all(port: u16, codes: &[String]) -> Vec<(Auth, i64)> {
    codes
        .iter()
        .map(|code| {
            let r = call(
                port,
                "POST",
                "/api/join",
                &Auth::None,
                Some(&json!({"code": code})),
            );
            assert_eq!(r.status, 200, "{}", r.text());
            (
                Auth::Cookie(r.cookie.clone().unwrap()),
                r.json()["team"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn first_available(view: &Value) -> Value {
    view["actions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["actions"].as_array().unwrap())
        .flat_map(|a| a["options"].as_array().unwrap())
        .find(|o| o["refused"].is_null())
        .map(|o| o["order"].clone())
        .unwrap_or(Value::Null)
}

/// One turn of every client: view, draft, then all submit at once. Returns the submits'
/// latencies.
fn submit_round(port: u16, clients: &[(Auth, i64)], turn: u32) -> Vec<Duration> {
    let barrier = Arc::new(Barrier::new(clients.len()));
    let threads: Vec<_> = clients
        .iter()
        .cloned()
        .map(|(auth, team)| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let view = call(port, "GET", &format!("/api/teams/{team}"), &auth, None).json();
                let order = first_available(&view);
                let orders = if order.is_null() { json!([]) } else { json!([order]) };
                let body = json!({"orders": orders, "memo": {"note": format!("turn {turn}: hold the line")}});
                let put = call(port, "PUT", &format!("/api/teams/{team}/draft"), &auth, Some(&body));
                assert_eq!(put.status, 200, "{}", put.text());
                barrier.wait();
                let start = Instant::now();
                let r = call(port, "POST", &format!("/api/teams/{team}/submit"), &auth, None);
                let took = start.elapsed();
                assert_eq!(r.status, 200, "{}", r.text());
                took
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

/// The teacher advances every group at once; returns each group's time to resolve.
fn advance_round(port: u16, teacher: &Auth, groups: &[i64]) -> Vec<Duration> {
    let barrier = Arc::new(Barrier::new(groups.len()));
    let threads: Vec<_> = groups
        .iter()
        .map(|&g| {
            let (barrier, teacher) = (barrier.clone(), teacher.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let start = Instant::now();
                let uri = format!("/api/teacher/groups/{g}/advance");
                let r = call(port, "POST", &uri, &teacher, None);
                assert_eq!(r.status, 200, "{}", r.text());
                start.elapsed()
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

fn advance_class(port: u16, teacher: &Auth, class: i64) -> Duration {
    let start = Instant::now();
    let uri = format!("/api/teacher/classes/{class}/advance");
    let r = call(port, "POST", &uri, teacher, None);
    assert_eq!(r.status, 200, "{}", r.text());
    start.elapsed()
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{what}: n={} p50={:.1?} p99={:.1?} max={:.1?}",
        times.len(),
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    );
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}
