//! The host binary killed with SIGKILL at three points (right after a submit was answered,
//! while an Advance is in flight, just after a resolution was answered) and started again on
//! the same database each time: every submitted order and memo is still there, and the game
//! goes on with the hashes of the same game played straight through `demarche_sim`.

#[path = "common/http.rs"]
mod http;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use demarche_sim::memo::Memo;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::{Game, Side};
use http::{Auth, call, free_port};
use serde_json::{Value, json};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers")
}

/// A running host process.
struct Host {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    port: u16,
    key: String,
}

impl Host {
    /// Starts the binary on `db` and a free port; waits for its teacher line.
    fn start(db: &Path) -> Host {
        Host::start_with(db, 0)
    }

    /// Starts the binary with a pause of `commit_delay_ms` between a turn's resolution in
    /// memory and its commit (the host's fault-injection hook).
    fn start_with(db: &Path, commit_delay_ms: u64) -> Host {
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_demarche-classroom"))
            .env(
                "DEMARCHE_CLASSROOM_COMMIT_DELAY_MS",
                commit_delay_ms.to_string(),
            )
            .arg("--scenario")
            .arg(fixture())
            .arg("--addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--db")
            .arg(db)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the host starts");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let key = line
            .trim()
            .split_once("key=")
            .map(|(_, k)| k.to_owned())
            .unwrap_or_else(|| panic!("no teacher line: {line:?}"));
        Host {
            child,
            _stdout: stdout,
            port,
            key,
        }
    }

    fn teacher(&self) -> Auth {
        Auth::Key(self.key.clone())
    }

    /// SIGKILL, and reaped.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().unwrap();
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One turn's orders and memo for a side, as sent.
#[derive(Clone, Debug)]
struct Sent {
    orders: Vec<RawOrder>,
    memo: Memo,
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
        .expect("an available order")
}

/// Drafts the first available order with memos and submits; returns what was sent.
fn submit(host: &Host, team: &(Auth, i64), marker: &str) -> Sent {
    let (auth, id) = team;
    let view = call(host.port, "GET", &format!("/api/teams/{id}"), auth, None).json();
    let order = first_available(&view);
    let memo = json!({"note": format!("note {marker}"), "orders": [{"order": order, "text": format!("why {marker}")}]});
    let body = json!({"orders": [order], "memo": memo});
    let put = call(
        host.port,
        "PUT",
        &format!("/api/teams/{id}/draft"),
        auth,
        Some(&body),
    );
    assert_eq!(put.status, 200, "{}", put.text());
    let sub = call(
        host.port,
        "POST",
        &format!("/api/teams/{id}/submit"),
        auth,
        None,
    );
    assert_eq!(sub.status, 200, "{}", sub.text());
    Sent {
        orders: vec![serde_json::from_value(order).unwrap()],
        memo: serde_json::from_value::<Memo>(memo).unwrap().cleaned(),
    }
}

fn status(host: &Host, group: i64) -> Value {
    let s = call(
        host.port,
        "GET",
        &format!("/api/teacher/groups/{group}"),
        &host.teacher(),
        None,
    );
    assert_eq!(s.status, 200, "{}", s.text());
    s.json()
}

fn advance(host: &Host, group: i64) -> Value {
    let a = call(
        host.port,
        "POST",
        &format!("/api/teacher/groups/{group}/advance"),
        &host.teacher(),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.text());
    a.json()
}

/// Every submitted order and memo of this turn is in each team's draft, submitted.
fn check_drafts(host: &Host, teams: &[(Auth, i64)], sent: &[Sent]) {
    for ((auth, id), sent) in teams.iter().zip(sent) {
        let view = call(host.port, "GET", &format!("/api/teams/{id}"), auth, None).json();
        let draft = &view["draft"];
        assert_eq!(draft["submitted"], true, "team {id}: {draft}");
        assert_eq!(draft["note"].as_str(), sent.memo.note.as_deref());
        let orders: Vec<RawOrder> = draft["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| serde_json::from_value(o["order"].clone()).unwrap())
            .collect();
        assert_eq!(orders, sent.orders);
        assert_eq!(
            draft["orders"][0]["memo"].as_str(),
            sent.memo.orders.first().map(|m| m.text.as_str())
        );
    }
}

/// Every resolved turn's orders and this side's memos are in each team's history.
fn check_history(host: &Host, teams: &[(Auth, i64)], played: &[[Sent; 2]]) {
    for (side, (auth, id)) in teams.iter().enumerate() {
        let view = call(host.port, "GET", &format!("/api/teams/{id}"), auth, None).json();
        let history = view["snapshot"]["history"].as_array().unwrap();
        assert_eq!(history.len(), played.len());
        for (report, turn) in history.iter().zip(played) {
            for s in 0..2 {
                let orders: Vec<RawOrder> =
                    serde_json::from_value(report["orders"][s].clone()).unwrap();
                assert_eq!(orders, turn[s].orders, "turn {}", report["turn"]);
            }
            let memo: Memo = serde_json::from_value(report["memos"][side].clone()).unwrap();
            assert_eq!(memo, turn[side].memo);
        }
    }
}

/// The hashes of the same game played straight, in-process.
fn straight_hashes(seed: u64, played: &[[Sent; 2]]) -> Vec<String> {
    let scn = Arc::new(demarche_sim::load(&fixture()).unwrap().scenario);
    let mut game = Game::new(scn.clone(), seed);
    played
        .iter()
        .map(|turn| {
            for side in Side::BOTH {
                let sent = &turn[side.index()];
                let orders = sent
                    .orders
                    .iter()
                    .map(|o| scn.resolve_order(o).unwrap())
                    .collect();
                game.submit_unchecked(side, orders);
                game.set_memo(side, sent.memo.clone());
            }
            game.step().unwrap().to_string()
        })
        .collect()
}

#[test]
fn sigkill_at_three_points_loses_nothing_and_keeps_the_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("class.sqlite3");
    let host = Host::start(&db);
    let t = host.teacher();
    let class = call(
        host.port,
        "POST",
        "/api/teacher/classes",
        &t,
        Some(&json!({"name": "K"})),
    )
    .json();
    let uri = format!("/api/teacher/classes/{}/groups", class["id"]);
    let group = call(
        host.port,
        "POST",
        &uri,
        &t,
        Some(&json!({"seats": ["team", "team"]})),
    )
    .json();
    let g = group["id"].as_i64().unwrap();
    let seed = group["seed"].as_u64().unwrap();
    let teams: Vec<(Auth, i64)> = group["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|team| {
            let code = json!({"code": team["code"]});
            let joined = call(host.port, "POST", "/api/join", &Auth::None, Some(&code));
            assert_eq!(joined.status, 200, "{}", joined.text());
            (
                Auth::Cookie(joined.cookie.clone().unwrap()),
                joined.json()["team"].as_i64().unwrap(),
            )
        })
        .collect();
    let mut played: Vec<[Sent; 2]> = Vec::new();

    // 1. Killed right after a submit was answered.
    let turn1 = [
        submit(&host, &teams[0], "T1-A"),
        submit(&host, &teams[1], "T1-B"),
    ];
    host.kill();
    let host = Host::start(&db);
    assert_eq!(
        host.key,
        match &t {
            Auth::Key(k) => k.clone(),
            _ => unreachable!(),
        }
    );
    check_drafts(&host, &teams, &turn1);

    // 2. Killed during a resolution: the turn is resolved in memory, its commit held back
    //    by the host's fault-injection hook, and the host killed then. The restarted host
    //    has the turn unresolved with every submission, and resolves it the same way.
    host.kill();
    let host = Host::start_with(&db, 400);
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", host.port)).unwrap();
    let uri = format!("/api/teacher/groups/{g}/advance");
    let bytes = http::request_bytes("POST", &uri, &host.teacher(), None);
    stream.write_all(&bytes).unwrap();
    std::thread::sleep(Duration::from_millis(150));
    host.kill();
    drop(stream);
    let host = Host::start(&db);
    assert_eq!(
        status(&host, g)["turn"],
        1,
        "the killed resolution was not committed"
    );
    check_drafts(&host, &teams, &turn1);
    advance(&host, g);
    played.push(turn1);
    let expected = straight_hashes(seed, &played);
    assert_eq!(status(&host, g)["last_hash"], expected[0]);
    check_history(&host, &teams, &played);

    // 3. Killed just after a resolution was answered.
    let turn2 = [
        submit(&host, &teams[0], "T2-A"),
        submit(&host, &teams[1], "T2-B"),
    ];
    let answered = advance(&host, g);
    host.kill();
    played.push(turn2);
    let expected = straight_hashes(seed, &played);
    assert_eq!(answered["last_hash"], expected[1]);
    let host = Host::start(&db);
    let now = status(&host, g);
    assert_eq!(now["turn"], 3);
    assert_eq!(now["last_hash"], expected[1]);
    check_history(&host, &teams, &played);

    // And the game goes on as the one never killed.
    let turn3 = [
        submit(&host, &teams[0], "T3-A"),
        submit(&host, &teams[1], "T3-B"),
    ];
    let answered = advance(&host, g);
    played.push(turn3);
    let expected = straight_hashes(seed, &played);
    assert_eq!(answered["last_hash"], expected[2]);
    check_history(&host, &teams, &played);
    host.kill();
}
