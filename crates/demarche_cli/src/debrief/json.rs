//! `debrief.json`: the whole game for other programs: scenario, seed, policies, outcome, scores,
//! objectives, the timeline (events, orders carried out and refused, every change with its
//! causes), the concepts touched and the turn table.

use demarche_sim::report::{IndicatorChange, ReportEvent, TurnReport};
use demarche_sim::scenario::Visibility;
use demarche_sim::scenario::raw::RawOrder;
use demarche_sim::{Scenario, Side};
use serde_json::{Map, Value, json};

use super::gather::{Debrief, SideFacts};

/// What `debrief.json` says it is.
pub const FORMAT: &str = "demarche-debrief";
/// The version of its layout.
pub const VERSION: u32 = 2;

/// The JSON debrief.
pub fn render(d: &Debrief) -> Value {
    let scn = d.scenario();
    let by_side = |f: &dyn Fn(usize) -> Value| -> Map<String, Value> {
        d.sides
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), f(i)))
            .collect()
    };
    json!({
        "format": FORMAT,
        "version": VERSION,
        "scenario": {"id": scn.meta.id, "title": scn.meta.title},
        "seed": d.game.seed(),
        "turns_played": d.turns_played,
        "policies": by_side(&|i| json!(d.policies[i])),
        "players": by_side(&|i| json!({"policy": d.policies[i], "name": d.names[i]})),
        "agendas": by_side(&|i| json!(d.game.agenda(Side::BOTH[i]))),
        "outcome": d.outcome.as_ref().map(|o| json!({"key": o.key, "name": o.name, "text": o.text})),
        "scores": by_side(&|i| round(d.sides[i].score)),
        "objectives": by_side(&|i| objectives(&d.sides[i])),
        "max_rung": d.max_rung,
        "max_rung_name": d.max_rung_name,
        "incidents": d.incidents,
        "timeline": d.game.history().iter().map(|r| turn(scn, r)).collect::<Vec<_>>(),
        "entries": d.timeline.iter().map(|e| entry(scn, e)).collect::<Vec<_>>(),
        "record": serde_json::to_value(&d.record).unwrap_or(Value::Null),
        "questions": d.questions,
        "sources": d.sources.iter().map(|(key, citation, url)| json!({"key": key, "citation": citation, "url": url})).collect::<Vec<_>>(),
        "concepts": d.concepts.iter().map(|c| {
            let c = &scn.concepts[*c];
            json!({"id": c.key, "term": c.term, "definition": c.definition, "in_game": c.in_game})
        }).collect::<Vec<_>>(),
        "table": d.table.json(),
    })
}

fn objectives(side: &SideFacts) -> Value {
    side.objectives
        .iter()
        .map(|o| {
            json!({
                "id": o.key,
                "name": o.name,
                "description": o.description,
                "weight": o.weight,
                "degree": (o.degree * 1000.0).round() / 1000.0,
                "mark": o.mark,
            })
        })
        .collect()
}

/// One turn of the timeline.
pub fn turn(scn: &Scenario, r: &TurnReport) -> Value {
    let mut orders = Map::new();
    let mut scores = Map::new();
    for side in Side::BOTH {
        let key = scn.actor(scn.actor_of(side)).key.clone();
        let carried: Vec<Value> = r.orders[side.index()].iter().map(order).collect();
        let refused: Vec<Value> = r.refused[side.index()]
            .iter()
            .map(|(o, why)| json!({"order": order(o), "reason": why}))
            .collect();
        orders.insert(
            key.clone(),
            json!({"carried_out": carried, "refused": refused}),
        );
        scores.insert(key, round(r.scores[side.index()]));
    }
    json!({
        "turn": r.turn,
        "start": r.start.to_string(),
        "end": r.end.to_string(),
        "hash": r.hash.to_string(),
        "headlines": r.headlines,
        "events": r.events.iter().map(|e| event(scn, e)).collect::<Vec<_>>(),
        "orders": orders,
        "changes": r.changes.iter().map(|c| change(scn, c)).collect::<Vec<_>>(),
        "rung": r.rung,
        "scores": scores,
        "ended": r.ended.and_then(|o| scn.outcomes.get(o.index())).map(|o| o.key.clone()),
        "memos": crate::json::memos(scn, &r.memos),
        "milestones": r.milestones.iter().filter_map(|m| scn.milestones.get(m.index())).map(|m| m.key.clone()).collect::<Vec<_>>(),
    })
}

/// One line of the timeline with what it is and, for a folded line, every turn it happened in.
fn entry(scn: &Scenario, e: &demarche_sim::timeline::Entry) -> Value {
    json!({
        "turn": e.turn,
        "turns": e.turns,
        "id": e.id,
        "text": e.text,
        "kind": e.kind.key(),
        "provenance": crate::json::provenance(scn, &e.provenance),
        "tag": e.tag(),
        "actor": e.actor.map(|a| scn.actor(a).key.clone()),
        "mid": e.mid,
    })
}

fn event(scn: &Scenario, e: &ReportEvent) -> Value {
    json!({
        "id": e.id,
        "text": e.text,
        "kind": e.kind.key(),
        "visibility": match e.visibility {
            Visibility::Public => "public",
            Visibility::Private => "private",
        },
        "actor": e.actor.map(|a| scn.actor(a).key.clone()),
        "mid": e.mid,
        "provenance": crate::json::provenance(scn, &e.provenance),
        "regions": e.regions.iter().map(|r| scn.region(*r).key.clone()).collect::<Vec<_>>(),
        "concepts": e.concepts.iter().filter_map(|c| scn.concepts.get(c.index())).map(|c| c.key.clone()).collect::<Vec<_>>(),
    })
}

fn change(scn: &Scenario, c: &IndicatorChange) -> Value {
    json!({
        "metric": c.metric.key(scn),
        "label": c.metric.label(scn),
        "before": round(c.before),
        "after": round(c.after),
        "causes": c.causes.iter().map(|(cause, amount)| json!({
            "source": cause.source,
            "text": cause.text,
            "amount": round(*amount),
        })).collect::<Vec<_>>(),
    })
}

/// An order as JSON: its action and target.
pub fn order(o: &RawOrder) -> Value {
    json!({"action": o.action, "track": o.track, "region": o.region})
}

fn round(x: f64) -> Value {
    json!((x * 100.0).round() / 100.0)
}
