//! Did-you-mean suggestions for unknown names.

/// The closest candidate to `wrong`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    let wrong_len = wrong.chars().count();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let candidate_len = candidate.chars().count();
        let longest = candidate_len.max(wrong_len);
        let limit = if longest <= 3 {
            1
        } else {
            (longest / 3).max(2)
        };
        // The distance is at least the difference in length: skip what cannot be close.
        if candidate_len.abs_diff(wrong_len) > limit {
            continue;
        }
        let distance = edit_distance(&wrong_lower, &candidate.to_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// A help line: a did-you-mean when one is close, else a short list of what exists.
pub fn help_for_unknown(wrong: &str, candidates: &[&str]) -> String {
    if let Some(close) = did_you_mean(wrong, candidates.iter().copied()) {
        return format!("did you mean `{close}`?");
    }
    help_listing(candidates)
}

/// A help line that lists the first candidates and how many more there are, without searching.
pub fn help_listing<S: AsRef<str>>(candidates: &[S]) -> String {
    if candidates.is_empty() {
        return "nothing of this kind is defined".to_owned();
    }
    let shown: Vec<String> = candidates
        .iter()
        .take(8)
        .map(|c| format!("`{}`", c.as_ref()))
        .collect();
    let more = if candidates.len() > 8 {
        format!(" and {} more", candidates.len() - 8)
    } else {
        String::new()
    };
    format!("expected one of {}{more}", shown.join(", "))
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment), over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let ids = ["lng", "coal", "oil", "autos"];
        assert_eq!(did_you_mean("lgn", ids), Some("lng"));
        assert_eq!(did_you_mean("Coal", ids), Some("coal"));
        assert_eq!(did_you_mean("semiconductors", ids), None);
    }

    #[test]
    fn lists_candidates_when_nothing_is_close() {
        assert_eq!(
            help_for_unknown("zzz", &["a", "b"]),
            "expected one of `a`, `b`"
        );
        assert_eq!(
            help_for_unknown("zzz", &[]),
            "nothing of this kind is defined"
        );
    }

    #[test]
    fn counts_transpositions_as_one_edit() {
        assert_eq!(edit_distance("abcd", "abdc"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
