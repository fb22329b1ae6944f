//! The closest valid value to one a user or a content file gave ("did you mean
//! ...?"), and the usage error that carries it.

use std::fmt;

/// Returns the candidate most like `value`, ignoring case, if any is alike enough
/// to be worth suggesting.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // The same measure and threshold clap uses for its own suggestions.
    const ALIKE: f64 = 0.7;
    let value = value.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                strsim::jaro_winkler(&value, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > ALIKE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
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
            message: format!("unknown {kind} `{value}`"),
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
        let domains = ["transport", "tourism", "trade", "economy"];
        for (typed, expected) in [
            ("transprt", Some("transport")),
            ("TRANSPORT", Some("transport")),
            ("tourisme", Some("tourism")),
            ("econ", Some("economy")),
            ("zzz", None),
            ("", None),
        ] {
            assert_eq!(closest(typed, domains), expected, "for {typed:?}");
        }
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
}
