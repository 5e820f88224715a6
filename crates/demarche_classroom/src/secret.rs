//! Secrets: the teacher's key, join codes and session tokens, drawn from the operating system's
//! random source, and compared in constant time.

/// The join codes' alphabet: 32 letters and digits without the look-alikes 0/O and 1/I.
pub const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Length of a join code: 10 symbols of 5 bits, 50 bits.
pub const CODE_LEN: usize = 10;

/// Length of the teacher's key and of session tokens: 32 symbols, 160 bits.
pub const KEY_LEN: usize = 32;

/// `len` random symbols of [`ALPHABET`].
pub fn random_text(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect()
}

/// A new join code.
pub fn join_code() -> String {
    random_text(CODE_LEN)
}

/// A new key or session token.
pub fn key() -> String {
    random_text(KEY_LEN)
}

/// A code as typed by people: upper case, spaces and dashes dropped; `None` when it holds a
/// symbol outside [`ALPHABET`] or has the wrong length.
pub fn normalize_code(text: &str) -> Option<String> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

/// Whether two secrets are equal, in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_alphabet_and_normalize() {
        let code = join_code();
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(normalize_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(normalize_code("ABC"), None);
        assert_eq!(normalize_code("0000000000"), None);
        assert!(same(&code, &code));
        assert!(!same(&code, "x"));
        assert_ne!(key(), key());
    }
}
