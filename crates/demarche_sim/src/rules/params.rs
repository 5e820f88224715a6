//! The model's parameters, read from a scenario's optional `rules.ron` (every field defaults).
//!
//! `docs/model.md` explains each one; the comment on each field says whether it comes from a
//! source or is a design choice. The exchange rate is not a parameter: it is the scenario's
//! `currency` in `scenario.ron`.

use demarche_format_derive::Format;
use serde::{Deserialize, Serialize};

/// All model parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Format)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Economy points lost per turn per unit of (blocked exports ÷ GDP), both yearly. Design choice:
    /// losing exports worth 1 % of GDP costs 3 points a turn before adaptation.
    #[format(range = 0.0..=10_000.0)]
    pub export_pain_scale: f64,
    /// Economy points lost per turn when an importer loses all of a flow it depends on fully and
    /// critically. Design choice.
    #[format(range = 0.0..=1000.0)]
    pub supply_pain_scale: f64,
    /// Energy-stress points per unit of (dependence × criticality) of a lost energy flow. Design
    /// choice.
    #[format(range = 0.0..=1000.0)]
    pub energy_stress_scale: f64,
    /// Share of the gap to its starting value the economy recovers each turn. Design choice.
    #[format(range = 0.0..=1.0)]
    pub economy_recovery: f64,
    /// Most of a sanction's cost that adaptation removes (0–1). Design choice.
    #[format(range = 0.0..=1.0)]
    pub adaptation_max: f64,
    /// Most of a target's lost exports that third countries can take (0–1). Design choice,
    /// after the redirection of Russian energy to China and India in 2022.
    #[format(range = 0.0..=1.0)]
    pub evasion_max: f64,
    /// Turns for evasion channels to open (e-folding time). Design choice.
    #[format(range = 0.1..=1000.0)]
    pub evasion_turns: f64,

    /// Relation points a coalition member gains per turn when its sanction level keeps pace with
    /// the coalition's expectation. Design choice.
    #[format(range = 0.0..=100.0)]
    pub coalition_keep_pace: f64,
    /// Relation points lost per turn per point the member lags behind. Design choice.
    #[format(range = 0.0..=100.0)]
    pub coalition_lag_penalty: f64,
    /// Tension at which the ally gives public assurance. Design choice.
    #[format(range = 0.0..=100.0)]
    pub assurance_tension: f64,

    /// Progress multiplier per point of back-channel trust (1 + trust × this). Design choice.
    #[format(range = 0.0..=1.0)]
    pub back_channel_step_bonus: f64,
    /// Share of back-channel trust lost each turn. Design choice.
    #[format(range = 0.0..=1.0)]
    pub back_channel_decay: f64,

    /// Audience-cost points a tied-hands action adds, times the actor's audience sensitivity.
    /// After Fearon (1994): the meter grows with each public commitment.
    #[format(range = 0.0..=100.0)]
    pub audience_per_commitment: f64,
    /// Share of the audience-cost meter that fades each turn. Design choice.
    #[format(range = 0.0..=1.0)]
    pub audience_decay: f64,
    /// Approval lost per audience-cost point when backing down. After Fearon (1994).
    #[format(range = 0.0..=10.0)]
    pub backdown_factor: f64,

    /// Belief pseudo-counts a sunk-cost signal adds per 10 points of cost. After Fearon (1997).
    #[format(range = 0.0..=100.0)]
    pub belief_sunk: f64,
    /// Belief pseudo-counts a tied-hands signal adds, times the sender's audience sensitivity.
    #[format(range = 0.0..=100.0)]
    pub belief_tied: f64,
    /// Belief pseudo-counts backing down adds against resolve.
    #[format(range = 0.0..=100.0)]
    pub belief_backdown: f64,

    /// Share of the gap to the baseline approval recovered each turn. Design choice.
    #[format(range = 0.0..=1.0)]
    pub approval_drift: f64,
    /// Approval lost per economy point lost this turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub pain_to_approval: f64,
    /// Approval lost per turn per 20 points of energy stress above 20. Design choice.
    #[format(range = 0.0..=100.0)]
    pub energy_to_approval: f64,
    /// Share of energy stress that fades each turn as markets adapt. Design choice.
    #[format(range = 0.0..=1.0)]
    pub energy_decay: f64,
    /// Approval gained per provocation by the other side (rally effect), times sensitivity.
    #[format(range = 0.0..=100.0)]
    pub rally_per_provocation: f64,
    /// Most approval a rally can give in one turn.
    #[format(range = 0.0..=100.0)]
    pub rally_cap: f64,
    /// Approval moved per hawkish or dovish action, times the hawk (dove) pressure ÷ 100.
    #[format(range = 0.0..=100.0)]
    pub stance_effect: f64,
    /// Approval needed to win an election. Design choice.
    #[format(range = 0.0..=100.0)]
    pub election_threshold: f64,

    /// Share of the gap to the floor tension loses each turn. Design choice.
    #[format(range = 0.0..=1.0)]
    pub tension_decay: f64,
    /// Tension the dyad relaxes to. Design choice (an unresolved territorial dispute).
    #[format(range = 0.0..=100.0)]
    pub tension_floor: f64,
    /// Quiet turns before the escalation rung drops by one. Design choice.
    #[format(range = 1..=100)]
    pub rung_quiet_turns: u32,
    /// Incident probability per turn at zero tension and no activity. Design choice.
    #[format(range = 0.0..=1.0)]
    pub incident_base: f64,
    /// Added per point of tension. Design choice.
    #[format(range = 0.0..=0.1)]
    pub incident_per_tension: f64,
    /// Added per point of military activity near the other side. Design choice.
    #[format(range = 0.0..=1.0)]
    pub incident_per_activity: f64,
    /// Highest incident probability per turn.
    #[format(range = 0.0..=1.0)]
    pub incident_cap: f64,
    /// Chance that an incident at tension 100 turns into an armed clash; it falls with the
    /// square of tension above 50 and is zero below. Design choice: clashes are rare.
    #[format(range = 0.0..=1.0)]
    pub clash_at_full_tension: f64,
    /// Readiness regained per turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub readiness_recovery: f64,
    /// Width of the band below a threshold objective in which it earns partial credit.
    #[format(range = 0.001..=100.0)]
    pub objective_margin: f64,
    /// Share of the coalition's expected sanction level a member must reach to keep pace.
    /// Design choice.
    #[format(range = 0.0..=1.0)]
    pub coalition_pace_share: f64,
    /// Most relation points a lagging member loses in one turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub coalition_lag_cap: f64,
    /// What a cheap-talk action's audience effects (relations, approval, standing, hawks, doves)
    /// are worth at each recent repetition: they are multiplied by this to the power of the
    /// action's wear. After Fearon (1997) on cheap talk and costly signals; the rate is a design choice.
    #[format(range = 0.0..=1.0)]
    pub cheap_talk_repeat: f64,
    /// The same for costly actions (sunk costs, tied hands), which audiences discount less.
    /// Design choice.
    #[format(range = 0.0..=1.0)]
    pub costly_repeat: f64,
    /// Share of an action's wear kept from one turn to the next (how long audiences remember a
    /// gesture). Design choice: at 0.75 a gesture repeated every turn settles at a wear of 3.
    #[format(range = 0.0..=0.99)]
    pub repeat_memory: f64,
    /// Share of (dependence × criticality) of a lost energy flow that becomes energy stress,
    /// before `energy_stress_scale`. Design choice.
    #[format(range = 0.0..=1.0)]
    pub energy_stress_share: f64,
    /// Hawk pressure gained per provocation by the other side. Design choice.
    #[format(range = 0.0..=100.0)]
    pub hawks_per_provocation: f64,
    /// Dove pressure gained per economy point lost this turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub doves_per_pain: f64,
    /// Dove pressure gained per point of energy stress above 20. Design choice.
    #[format(range = 0.0..=10.0)]
    pub doves_per_stress: f64,
    /// Share of the gap to their starting values hawk and dove pressure recover each turn.
    /// Design choice.
    #[format(range = 0.0..=1.0)]
    pub pressure_drift: f64,
    /// Readiness each scramble costs. Design choice.
    #[format(range = 0.0..=100.0)]
    pub readiness_per_scramble: f64,
    /// Share of the incident risk a full back-channel (trust 100) removes. Design choice: quiet
    /// contacts defuse some incidents.
    #[format(range = 0.0..=1.0)]
    pub back_channel_incident_damping: f64,
    /// Tension above which an incident can turn into a clash (the clash risk grows with the
    /// square of the way from here to 100). Design choice.
    #[format(range = 0.0..=99.0)]
    pub clash_tension_from: f64,
    /// Political capital a government gains by winning an election, and loses by losing one.
    /// Design choice.
    #[format(range = 0.0..=100.0)]
    pub election_capital: f64,
    /// Approval a government gains by winning an election. Design choice.
    #[format(range = 0.0..=100.0)]
    pub election_approval: f64,
    /// Dove pressure gained when a government loses an election. Design choice.
    #[format(range = 0.0..=100.0)]
    pub election_doves: f64,
    /// What the audience-cost meter is divided by after backing down or winning an election.
    /// Design choice: it halves.
    #[format(range = 1.0..=100.0)]
    pub audience_relief_divisor: f64,
    /// Capital income at 0 % approval, as a share of `capital_per_turn` (it grows by
    /// `income_per_approval` from 0 to 100 % approval). Design choice: 50 % approval gives the
    /// full `capital_per_turn`.
    #[format(range = 0.0..=10.0)]
    pub income_base: f64,
    /// Capital income gained from 0 to 100 % approval, as a share of `capital_per_turn`. Design
    /// choice.
    #[format(range = 0.0..=10.0)]
    pub income_per_approval: f64,
    /// How much economic pain costs approval at zero resolve: × (this − `pain_resolve_relief` ×
    /// resolve). Design choice: resolute governments pay less for pain.
    #[format(range = 0.0..=10.0)]
    pub pain_resolve_base: f64,
    /// How much resolve softens the approval cost of pain (see `pain_resolve_base`). Design
    /// choice.
    #[format(range = 0.0..=10.0)]
    pub pain_resolve_relief: f64,
    /// Share of a frozen flow's supply cost the importer bears under an asset freeze. Design
    /// choice: a freeze mostly hurts the owner of the assets.
    #[format(range = 0.0..=1.0)]
    pub asset_freeze_importer_share: f64,
    /// Standing a sender gains when a threat works without being carried out. Design choice.
    #[format(range = 0.0..=100.0)]
    pub threat_success_standing: f64,
    /// Energy stress above which it costs approval and feeds dove pressure. Design choice.
    #[format(range = 0.0..=100.0)]
    pub energy_stress_threshold: f64,
    /// Points of energy stress above the threshold per `energy_to_approval` of approval lost.
    /// Design choice.
    #[format(range = 1.0..=100.0)]
    pub energy_stress_step: f64,
    /// Share of a coalition member's relation change that also moves its standing. Design
    /// choice.
    #[format(range = 0.0..=1.0)]
    pub coalition_standing_share: f64,
    /// Relation with a side from which a third state counts as its ally (and gives assurance).
    /// Design choice.
    #[format(range = -100.0..=100.0)]
    pub ally_relation: f64,
    /// Approval an ally's public assurance gives, per turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub assurance_approval: f64,
    /// Readiness an ally's public assurance gives, per turn. Design choice.
    #[format(range = 0.0..=100.0)]
    pub assurance_readiness: f64,
    /// Relation with the ally gained per turn of assurance. Design choice.
    #[format(range = 0.0..=100.0)]
    pub assurance_relation: f64,
    /// Weight of the tied-hands signal a threat that worked sends. Design choice.
    #[format(range = 0.0..=10.0)]
    pub threat_success_signal: f64,
    /// Whether one side's orders of a turn must agree on each track: an order that would halt a
    /// track another order of the turn opens (or the reverse), or answer a proposal another
    /// answers, is refused. Design choice: otherwise a side could end a track and resume it in
    /// one turn and pay for an order the other undoes. `false` is the rule before this one, for
    /// copies of scenarios that keep old saves checkable.
    pub track_orders_agree: bool,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            export_pain_scale: 300.0,
            supply_pain_scale: 25.0,
            energy_stress_scale: 90.0,
            economy_recovery: 0.08,
            adaptation_max: 0.7,
            evasion_max: 0.5,
            evasion_turns: 8.0,
            coalition_keep_pace: 1.0,
            coalition_lag_penalty: 0.12,
            assurance_tension: 50.0,
            back_channel_step_bonus: 0.01,
            back_channel_decay: 0.15,
            audience_per_commitment: 6.0,
            audience_decay: 0.04,
            backdown_factor: 0.3,
            belief_sunk: 1.0,
            belief_tied: 0.8,
            belief_backdown: 1.5,
            approval_drift: 0.06,
            pain_to_approval: 0.6,
            energy_to_approval: 0.6,
            energy_decay: 0.06,
            rally_per_provocation: 0.6,
            rally_cap: 3.0,
            stance_effect: 1.2,
            election_threshold: 45.0,
            tension_decay: 0.08,
            tension_floor: 15.0,
            rung_quiet_turns: 2,
            incident_base: 0.03,
            incident_per_tension: 0.004,
            incident_per_activity: 0.02,
            incident_cap: 0.6,
            clash_at_full_tension: 0.1,
            readiness_recovery: 3.0,
            objective_margin: 10.0,
            coalition_pace_share: 0.8,
            coalition_lag_cap: 4.0,
            cheap_talk_repeat: 0.5,
            costly_repeat: 0.85,
            repeat_memory: 0.75,
            energy_stress_share: 0.25,
            hawks_per_provocation: 1.5,
            doves_per_pain: 0.8,
            doves_per_stress: 0.05,
            pressure_drift: 0.05,
            readiness_per_scramble: 0.1,
            back_channel_incident_damping: 0.3,
            clash_tension_from: 50.0,
            election_capital: 4.0,
            election_approval: 3.0,
            election_doves: 10.0,
            audience_relief_divisor: 2.0,
            income_base: 0.75,
            income_per_approval: 0.5,
            pain_resolve_base: 1.25,
            pain_resolve_relief: 0.5,
            asset_freeze_importer_share: 0.2,
            threat_success_standing: 2.0,
            energy_stress_threshold: 20.0,
            energy_stress_step: 20.0,
            coalition_standing_share: 0.5,
            ally_relation: 50.0,
            assurance_approval: 0.5,
            assurance_readiness: 1.0,
            assurance_relation: 0.5,
            threat_success_signal: 1.0,
            track_orders_agree: true,
        }
    }
}
