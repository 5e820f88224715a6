//! The JSON form of turn reports and summaries.

use demarche_sim::report::TurnReport;
use demarche_sim::rules::View;
use demarche_sim::scenario::{Indicator, TrackStatus};
use demarche_sim::{Scenario, Side};
use serde_json::{Map, Value, json};

/// Every indicator of the game as a flat object (the observer's view, without private resolve).
pub fn indicators(view: &View) -> Map<String, Value> {
    let scn = view.scn;
    let mut map = Map::new();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let key = &scn.actor(actor).key;
        for indicator in Indicator::ALL {
            map.insert(
                format!("{key}.{}", indicator.key()),
                round(view.ind.get(actor, indicator)),
            );
        }
        map.insert(
            format!("{key}.belief"),
            round(view.intel.belief_mean(side) * 100.0),
        );
        map.insert(
            format!("{key}.sanction_level"),
            round(view.sanc.level(actor, scn.actor_of(side.other()))),
        );
        map.insert(
            format!("{key}.scrambles"),
            json!(view.mil.scrambles[actor.index()]),
        );
        for (i, other) in scn.actors.iter().enumerate() {
            let other_id = demarche_sim::ActorId::from_index(i);
            if other_id != actor && !(side == Side::Second && scn.sides.contains(&other_id)) {
                map.insert(
                    format!("{key}~{}", other.key),
                    round(view.ind.relation(actor, other_id)),
                );
            }
        }
    }
    map.insert("tension".into(), round(view.ind.tension));
    map.insert("trade".into(), round(view.ind.trade));
    map.insert("rung".into(), json!(view.mil.rung));
    map.insert("max_rung".into(), json!(view.mil.max_rung));
    map.insert("back_channel".into(), round(view.dip.back_channel));
    map.insert("incidents".into(), json!(view.mil.incidents));
    for (i, track) in scn.tracks.iter().enumerate() {
        let state = &view.dip.tracks[i];
        map.insert(format!("track.{}", track.key), round(state.progress));
        map.insert(
            format!("track.{}.status", track.key),
            json!(status(state.status)),
        );
    }
    map
}

fn status(s: TrackStatus) -> &'static str {
    match s {
        TrackStatus::Active => "active",
        TrackStatus::Suspended => "suspended",
        TrackStatus::Terminated => "terminated",
    }
}

fn round(x: f64) -> Value {
    json!((x * 100.0).round() / 100.0)
}

/// A turn report as one JSON object.
pub fn turn(scn: &Scenario, report: &TurnReport, view: &View) -> Value {
    let side_key = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
    let events: Vec<Value> = report
        .events
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "text": e.text,
                "actor": e.actor.map(|a| scn.actor(a).key.clone()),
                "kind": e.kind.key(),
                "public": e.visibility == demarche_sim::scenario::Visibility::Public,
                "mid": e.mid,
                "provenance": provenance(scn, &e.provenance),
            })
        })
        .collect();
    let changes: Vec<Value> = report
        .changes
        .iter()
        .map(|c| {
            json!({
                "metric": c.metric.key(scn),
                "before": round(c.before),
                "after": round(c.after),
                "causes": c.causes.iter().map(|(cause, amount)| json!({"cause": cause.text, "source": cause.source, "amount": round(*amount)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut orders = Map::new();
    let mut refused = Map::new();
    let mut scores = Map::new();
    for side in Side::BOTH {
        orders.insert(
            side_key(side),
            json!(
                report.orders[side.index()]
                    .iter()
                    .map(order_json)
                    .collect::<Vec<_>>()
            ),
        );
        refused.insert(
            side_key(side),
            json!(
                report.refused[side.index()]
                    .iter()
                    .map(|(o, why)| json!({"order": order_json(o), "why": why}))
                    .collect::<Vec<_>>()
            ),
        );
        scores.insert(side_key(side), round(report.scores[side.index()]));
    }
    json!({
        "turn": report.turn,
        "date": report.start.to_string(),
        "end": report.end.to_string(),
        "hash": report.hash.to_string(),
        "events": events,
        "headlines": report.headlines,
        "indicators": indicators(view),
        "changes": changes,
        "orders": orders,
        "refused": refused,
        "rung": report.rung,
        "rung_name": scn.ladder[usize::from(report.rung)].name,
        "scores": scores,
        "ended": report.ended.map(|o| scn.outcomes[o.index()].key.clone()),
        "memos": memos(scn, &report.memos),
        "milestones": report
            .milestones
            .iter()
            .filter_map(|m| scn.milestones.get(m.index()))
            .map(|m| m.key.clone())
            .collect::<Vec<_>>(),
    })
}

/// Where a report line comes from, as JSON: `{"kind": "roll", "chance": 0.05}`,
/// `{"kind": "record", "sources": [...]}`, `{"kind": "order", "side": "JPN"}`…
pub fn provenance(scn: &Scenario, p: &demarche_sim::report::Provenance) -> Value {
    use demarche_sim::report::Provenance;
    match p {
        Provenance::Record { sources } => json!({
            "kind": p.key(),
            "sources": sources
                .iter()
                .filter_map(|s| scn.sources.get(s.index()))
                .map(|s| s.key.clone())
                .collect::<Vec<_>>(),
        }),
        Provenance::Roll { chance } => {
            json!({"kind": p.key(), "chance": (*chance * 10_000.0).round() / 10_000.0})
        }
        Provenance::Order(side) => {
            json!({"kind": p.key(), "side": scn.actor(scn.actor_of(*side)).key})
        }
        Provenance::Model | Provenance::Inject => json!({"kind": p.key()}),
    }
}

/// Both sides' memos, by side key (sides without a memo left out).
pub fn memos(scn: &Scenario, memos: &[demarche_sim::memo::Memo; 2]) -> Value {
    let mut out = Map::new();
    for side in Side::BOTH {
        let memo = &memos[side.index()];
        if !memo.is_empty() {
            out.insert(
                scn.actor(scn.actor_of(side)).key.clone(),
                serde_json::to_value(memo).unwrap_or(Value::Null),
            );
        }
    }
    Value::Object(out)
}

fn order_json(o: &demarche_sim::scenario::raw::RawOrder) -> Value {
    json!({"action": o.action, "track": o.track, "region": o.region})
}
