//! A small, portable, stable hash (64-bit FNV-1a) for state hashes and scenario fingerprints.
//!
//! `std`'s hashers are randomly keyed or not promised stable across releases; this one gives the
//! same value for the same bytes on every platform and every run. Values are fed in as their
//! canonical RON text, so the hash covers exactly what a save would hold.

use std::fmt;

use serde::Serialize;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a.
#[derive(Clone, Debug)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64::new()
    }
}

impl Fnv64 {
    /// A fresh hasher.
    pub fn new() -> Fnv64 {
        Fnv64(OFFSET)
    }

    /// Feeds bytes.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// Feeds a string and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    pub fn write_str(&mut self, text: &str) {
        self.write_bytes(text.as_bytes());
        self.write_bytes(&[0xff]);
    }

    /// Feeds a number.
    pub fn write_u64(&mut self, value: u64) {
        self.write_bytes(&value.to_le_bytes());
    }

    /// Feeds a value as its RON text.
    pub fn write_value<T: Serialize>(&mut self, value: &T) {
        // Serializing plain data into a hasher cannot fail; a failure would only mean a
        // non-serializable type, which the type system rules out for our state.
        let _ = ron::ser::to_writer(&mut *self, value);
    }

    /// The hash.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl fmt::Write for Fnv64 {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_bytes(s.as_bytes());
        Ok(())
    }
}

/// A state hash, printed as 16 hex digits.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct StateHash(pub u64);

impl fmt::Display for StateHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for StateHash {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<StateHash, Self::Err> {
        u64::from_str_radix(s, 16).map(StateHash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_fnv1a_values() {
        let mut h = Fnv64::new();
        h.write_bytes(b"");
        assert_eq!(h.finish(), 0xcbf2_9ce4_8422_2325);
        let mut h = Fnv64::new();
        h.write_bytes(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn separates_strings() {
        let mut a = Fnv64::new();
        a.write_str("ab");
        a.write_str("c");
        let mut b = Fnv64::new();
        b.write_str("a");
        b.write_str("bc");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn hashes_values_stably() {
        let mut a = Fnv64::new();
        a.write_value(&(1.5f64, "x", [1u8, 2]));
        let mut b = Fnv64::new();
        b.write_value(&(1.5f64, "x", [1u8, 2]));
        assert_eq!(a.finish(), b.finish());
        assert_eq!(StateHash(255).to_string(), "00000000000000ff");
        assert_eq!(
            "00000000000000ff".parse::<StateHash>().unwrap(),
            StateHash(255)
        );
    }
}
