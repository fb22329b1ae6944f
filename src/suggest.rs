//! The closest valid value to one a user or a content file gave ("did you mean
//! ...?"), and the usage error that carries it.

use std::fmt;

pub use crate::text::escaped;

/// Returns the candidate most like `value`, ignoring case, if any is alike enough
/// to be worth suggesting: a slip of a letter or two, not a word that happens
/// to share some letters (`defence` is not `science`).
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Letters in common, by the measure clap uses (stricter than its 0.7)...
    const ALIKE: f64 = 0.85;
    // ...and few edits for the length: at most 2 in 5 letters.
    const EDITS: f64 = 0.4;
    let value = value.trim().to_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let alike = candidates
        .iter()
        .filter_map(|candidate| {
            let candidate_lower = candidate.to_lowercase();
            let score = strsim::jaro_winkler(&value, &candidate_lower);
            let longest = value.chars().count().max(candidate_lower.chars().count());
            #[allow(clippy::cast_precision_loss, reason = "lengths of typed words")]
            let edits =
                strsim::osa_distance(&value, &candidate_lower) as f64 / longest.max(1) as f64;
            (score > ALIKE && edits <= EDITS).then_some((score, *candidate))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate);
    // Else a candidate of which the value is a whole part (`policy` for
    // `foreign-policy`) or the start (`econ` for `economy`).
    alike.or_else(|| {
        candidates
            .iter()
            .filter(|candidate| {
                let candidate = candidate.to_lowercase();
                (value.len() >= 3
                    && candidate
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|part| part == value))
                    || (value.len() >= 4 && candidate.starts_with(&value))
            })
            .min_by_key(|candidate| candidate.len())
            .copied()
    })
}

/// A value as it may be echoed in a message: control characters escaped (so a
/// typed escape sequence cannot drive the terminal) and a long value cut.
pub fn shown(value: &str) -> String {
    const MOST: usize = 60;
    let escaped = escaped(value);
    let count = escaped.chars().count();
    if count > MOST {
        let kept: String = escaped.chars().take(MOST).collect();
        format!("{kept}... ({count} characters)")
    } else {
        escaped.into_owned()
    }
}

/// How many valid values a hint lists: a longer list helps nobody, and the
/// listing commands show them all.
const SHOWN: usize = 30;

/// The hints for a value that names nothing valid: the closest of `pool` (each
/// a key and what to suggest for it: a name or alias suggests its id), and the
/// list of `valid` ones (`plural` names them: "domains").
pub fn hints(value: &str, pool: &[(&str, &str)], valid: &[&str], plural: &str) -> Vec<String> {
    let mut hints = Vec::new();
    if let Some(key) = closest(value, pool.iter().map(|(key, _)| *key)) {
        let (_, suggestion) = pool.iter().find(|(k, _)| *k == key).expect("from the pool");
        hints.push(format!("did you mean `{suggestion}`?"));
    }
    match valid.len() {
        0 => hints.push(format!("no {plural} are defined")),
        n if n > SHOWN => hints.push(format!(
            "valid {plural}: {}, and {} more",
            valid[..SHOWN].join(", "),
            n - SHOWN
        )),
        _ => hints.push(format!("valid {plural}: {}", valid.join(", "))),
    }
    hints
}

/// A pool of keys that each suggest themselves.
pub fn pairs<'a>(keys: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    keys.iter().map(|key| (*key, *key)).collect()
}

/// A value the user typed that names nothing: exit 2, like clap's own usage errors.
#[derive(Debug)]
pub struct UsageError {
    pub message: String,
    pub hints: Vec<String>,
}

impl UsageError {
    /// "unknown domain `transprt`", with the closest of `pool` (ids, names and
    /// aliases, each with its id) and the `valid` ones (ids).
    pub fn unknown(kind: &str, value: &str, pool: &[(&str, &str)], valid: &[&str]) -> Self {
        UsageError {
            message: format!("unknown {kind} `{}`", shown(value)),
            hints: hints(value, pool, valid, &format!("{kind}s")),
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UsageError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_alike_candidate() {
        let domains = ["transport", "tourism", "trade", "economy", "science"];
        for (typed, expected) in [
            ("defence", None),
            ("religion", None),
            ("histroy", None),
            ("scinece", Some("science")),
            ("transprt", Some("transport")),
            ("TRANSPORT", Some("transport")),
            ("tourisme", Some("tourism")),
            ("econ", Some("economy")),
            ("zzz", None),
            ("", None),
            ("port", None),
        ] {
            assert_eq!(closest(typed, domains), expected, "for {typed:?}");
        }
    }

    #[test]
    fn suggests_an_id_of_which_the_value_is_a_part() {
        let pillars = ["shared-history", "language", "identity", "culture"];
        assert_eq!(closest("history", pillars), Some("shared-history"));
        assert_eq!(closest("his", pillars), None);
    }

    #[test]
    fn echoed_values_cannot_drive_the_terminal_or_flood_it() {
        assert_eq!(shown("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(
            shown(&"x".repeat(100_000)),
            format!("{}... (100000 characters)", "x".repeat(60))
        );
        assert_eq!(shown("türkçe"), "türkçe");
    }

    #[test]
    fn an_unknown_value_lists_the_valid_ones() {
        let err = UsageError::unknown(
            "pillar",
            "Langauge",
            &[("Language", "language"), ("culture", "culture")],
            &["language", "culture"],
        );
        assert_eq!(err.message, "unknown pillar `Langauge`");
        assert_eq!(
            err.hints,
            [
                "did you mean `language`?",
                "valid pillars: language, culture"
            ]
        );
        assert_eq!(
            UsageError::unknown("pillar", "x", &[], &[]).hints,
            ["no pillars are defined"]
        );
    }

    #[test]
    fn echoes_and_lists_are_cut_only_past_their_length() {
        assert_eq!(shown(&"x".repeat(60)), "x".repeat(60));
        assert_eq!(
            shown(&"x".repeat(61)),
            format!("{}... (61 characters)", "x".repeat(60))
        );
        let names: Vec<String> = (1..=31).map(|n| format!("d{n}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let listed = |n: usize| hints("zzz", &[], &names[..n], "domains");
        assert_eq!(
            listed(30),
            [format!("valid domains: {}", names[..30].join(", "))]
        );
        assert_eq!(
            listed(31),
            [format!(
                "valid domains: {}, and 1 more",
                names[..30].join(", ")
            )]
        );
    }
}
