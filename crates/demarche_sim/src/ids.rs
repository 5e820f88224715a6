//! Typed ids: dense indices into the scenario's tables, made once when a scenario is built.
//!
//! Strings live at the edge (RON files, replays, the CLI); inside the simulation every reference is
//! one of these small `Copy` types, so a region can never be passed where an actor is expected and
//! iteration in id order is iteration in file order, which is deterministic.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub u16);

        impl $name {
            /// The index of this id in its scenario table.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }

            /// The id of the entry at `index` in its table.
            ///
            /// # Panics
            /// Never for tables built by the validator, which rejects more than `u16::MAX` entries.
            pub fn from_index(index: usize) -> Self {
                Self(u16::try_from(index).expect("table sizes are validated to fit in u16"))
            }
        }
    };
}

typed_id!(
    /// A state or coalition: the two sides, their allies, a coalition, third states.
    ActorId
);
typed_id!(
    /// A place on the map: an island, a strait, a sea, a land mass.
    RegionId
);
typed_id!(
    /// A track of the bilateral relationship, such as the peace-treaty talks.
    TrackId
);
typed_id!(
    /// An entry of the action catalogue.
    ActionId
);
typed_id!(
    /// A dated historical event or a random event.
    EventId
);
typed_id!(
    /// A sector of trade, such as LNG or autos.
    SectorId
);
typed_id!(
    /// A military force shown on the map: a fleet, an air wing, troops, a missile battery.
    ForceId
);
typed_id!(
    /// A weighted objective of one side.
    ObjectiveId
);
typed_id!(
    /// A named ending of the game.
    OutcomeId
);
typed_id!(
    /// A milestone of the historical record.
    MilestoneId
);
typed_id!(
    /// An IR concept of the glossary.
    ConceptId
);
typed_id!(
    /// A source of the scenario's figures.
    SourceId
);
typed_id!(
    /// An AI personality defined by the scenario.
    PersonalityId
);

/// A side of the dyad: the first or the second playable actor, in the scenario's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The first playable actor (the first listed in `sides`).
    First,
    /// The second playable actor (the second listed in `sides`).
    Second,
}

impl Side {
    /// Both sides, in resolution order.
    pub const BOTH: [Side; 2] = [Side::First, Side::Second];

    /// The other side of the dyad.
    pub fn other(self) -> Side {
        match self {
            Side::First => Side::Second,
            Side::Second => Side::First,
        }
    }

    /// 0 for the first side, 1 for the second.
    pub fn index(self) -> usize {
        match self {
            Side::First => 0,
            Side::Second => 1,
        }
    }
}
