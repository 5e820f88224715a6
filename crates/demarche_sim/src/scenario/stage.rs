//! The two stages of a scenario's data: as read from RON ([`Raw`], string ids) and as built
//! ([`Built`], typed ids). Every format item is written once, generic over its stage.

use std::fmt::Debug;
use std::hash::Hash;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::model::Who;
use crate::date::Date;
use crate::ids::*;

/// What a reference type must support in both stages: serde, comparison, debugging.
pub trait Ref:
    Clone + Debug + PartialEq + Eq + PartialOrd + Ord + Hash + Serialize + DeserializeOwned
{
}

impl<T> Ref for T where
    T: Clone + Debug + PartialEq + Eq + PartialOrd + Ord + Hash + Serialize + DeserializeOwned
{
}

/// A stage of loading: what each kind of reference is.
pub trait Stage:
    Clone + Copy + Debug + Default + PartialEq + Eq + PartialOrd + Ord + Hash + 'static
{
    /// An actor.
    type Actor: Ref;
    /// A region.
    type Region: Ref;
    /// A track.
    type Track: Ref;
    /// An action.
    type Action: Ref;
    /// An event.
    type Event: Ref;
    /// A sector.
    type Sector: Ref;
    /// A force.
    type Force: Ref;
    /// A glossary concept.
    type Concept: Ref;
    /// A source.
    type Source: Ref;
    /// `self`, `other` or an actor.
    type Who: Ref;
    /// A calendar date.
    type Date: Ref;
    /// A map colour.
    type Color: Ref;
}

/// As written in the files: every reference is a string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Raw;

/// As built: typed ids, [`Who`], [`Date`], RGB colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Built;

impl Stage for Raw {
    type Actor = String;
    type Region = String;
    type Track = String;
    type Action = String;
    type Event = String;
    type Sector = String;
    type Force = String;
    type Concept = String;
    type Source = String;
    type Who = String;
    type Date = String;
    type Color = String;
}

impl Stage for Built {
    type Actor = ActorId;
    type Region = RegionId;
    type Track = TrackId;
    type Action = ActionId;
    type Event = EventId;
    type Sector = SectorId;
    type Force = ForceId;
    type Concept = ConceptId;
    type Source = SourceId;
    type Who = Who;
    type Date = Date;
    type Color = [u8; 3];
}
