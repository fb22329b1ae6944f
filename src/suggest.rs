//! The closest valid value to one a user or a content file gave ("did you mean
//! ...?"), the hints an error carries, as types, and the usage error.

use std::fmt::{self, Write as _};

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

/// What an error suggests, by what it is. Each kind is written in one place
/// (`Display`), and `diagnostic::present` cuts a list from its values to the
/// room it has: nothing reads a hint back from its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// Advice in words, shown whole.
    Say(String),
    /// What was probably meant: "did you mean `a`?", or "`a` or `b`"; each
    /// value as it is to be shown.
    DidYouMean(Vec<String>),
    /// The valid values ("valid domains: a, b"), `more` of them left out
    /// already ("and 3 more").
    Valid {
        plural: String,
        values: Vec<String>,
        more: usize,
    },
    /// A rule and the values that would keep it ("...: one of a, b").
    OneOf { rule: String, values: Vec<String> },
    /// How a command is typed, as clap says it.
    Usage(String),
}

impl Hint {
    /// The hint for the valid values of a kind, `plural` naming them: the
    /// first `SHOWN` of them, and how many more.
    pub fn valid(plural: &str, valid: &[&str]) -> Self {
        if valid.is_empty() {
            return Hint::Say(format!("no {plural} are defined"));
        }
        let shown = valid.len().min(SHOWN);
        Hint::Valid {
            plural: plural.to_owned(),
            values: valid[..shown]
                .iter()
                .map(|&value| value.to_owned())
                .collect(),
            more: valid.len() - shown,
        }
    }

    /// A list hint as its words before the values, the values, and how many
    /// were left out already; None for a hint that lists nothing.
    pub fn list(&self) -> Option<(String, &[String], usize)> {
        match self {
            Hint::Valid {
                plural,
                values,
                more,
            } => Some((format!("valid {plural}: "), values, *more)),
            Hint::OneOf { rule, values } => Some((format!("{rule}: one of "), values, 0)),
            Hint::Say(_) | Hint::DidYouMean(_) | Hint::Usage(_) => None,
        }
    }

    /// The hint with every text it holds escaped (`escaped`): what a value
    /// holds cannot drive the terminal it is shown on.
    #[must_use]
    pub fn escaped(&self) -> Self {
        let each = |values: &[String]| -> Vec<String> {
            values.iter().map(|v| escaped(v).into_owned()).collect()
        };
        match self {
            Hint::Say(text) => Hint::Say(escaped(text).into_owned()),
            Hint::DidYouMean(values) => Hint::DidYouMean(each(values)),
            Hint::Valid {
                plural,
                values,
                more,
            } => Hint::Valid {
                plural: escaped(plural).into_owned(),
                values: each(values),
                more: *more,
            },
            Hint::OneOf { rule, values } => Hint::OneOf {
                rule: escaped(rule).into_owned(),
                values: each(values),
            },
            Hint::Usage(usage) => Hint::Usage(escaped(usage).into_owned()),
        }
    }
}

/// A list as a hint writes it: `lead`, the `values`, and how many `more`.
pub fn listed(lead: &str, values: &[String], more: usize) -> String {
    let mut text = format!("{lead}{}", values.join(", "));
    if more > 0 {
        let _ = write!(text, ", and {more} more");
    }
    text
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((lead, values, more)) = self.list() {
            return f.write_str(&listed(&lead, values, more));
        }
        match self {
            Hint::Say(text) => f.write_str(text),
            Hint::DidYouMean(values) => {
                let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                write!(f, "did you mean {}?", quoted.join(" or "))
            }
            Hint::Usage(usage) => write!(f, "usage: {usage} (more with --help)"),
            Hint::Valid { .. } | Hint::OneOf { .. } => Ok(()),
        }
    }
}

impl From<String> for Hint {
    fn from(text: String) -> Self {
        Hint::Say(text)
    }
}

impl From<&str> for Hint {
    fn from(text: &str) -> Self {
        Hint::Say(text.to_owned())
    }
}

/// The hints for a value that names nothing valid: the closest of `pool` (each
/// a key and what to suggest for it: a name or alias suggests its id), and the
/// list of `valid` ones (`plural` names them: "domains").
pub fn hints(value: &str, pool: &[(&str, &str)], valid: &[&str], plural: &str) -> Vec<Hint> {
    let mut hints = Vec::new();
    if let Some(key) = closest(value, pool.iter().map(|(key, _)| *key)) {
        let (_, suggestion) = pool.iter().find(|(k, _)| *k == key).expect("from the pool");
        hints.push(Hint::DidYouMean(vec![(*suggestion).to_owned()]));
    }
    hints.push(Hint::valid(plural, valid));
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
    pub hints: Vec<Hint>,
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
                Hint::DidYouMean(vec!["language".to_owned()]),
                Hint::Valid {
                    plural: "pillars".to_owned(),
                    values: vec!["language".to_owned(), "culture".to_owned()],
                    more: 0
                }
            ]
        );
        let said: Vec<String> = err.hints.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "did you mean `language`?",
                "valid pillars: language, culture"
            ]
        );
        assert_eq!(
            UsageError::unknown("pillar", "x", &[], &[]).hints,
            [Hint::from("no pillars are defined")]
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
        let listed = |n: usize| -> Vec<String> {
            hints("zzz", &[], &names[..n], "domains")
                .iter()
                .map(ToString::to_string)
                .collect()
        };
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

    #[test]
    fn each_kind_of_hint_is_written_one_way() {
        let values = |v: &[&str]| -> Vec<String> { v.iter().map(|&v| v.to_owned()).collect() };
        for (hint, expected) in [
            (Hint::from("check it"), "check it"),
            (Hint::DidYouMean(values(&["a"])), "did you mean `a`?"),
            (
                Hint::DidYouMean(values(&["--a", "--b"])),
                "did you mean `--a` or `--b`?",
            ),
            (
                Hint::Valid {
                    plural: "values".to_owned(),
                    values: values(&["x", "y"]),
                    more: 2,
                },
                "valid values: x, y, and 2 more",
            ),
            (
                Hint::OneOf {
                    rule: "a tag must be justified".to_owned(),
                    values: values(&["`x`", "`y`"]),
                },
                "a tag must be justified: one of `x`, `y`",
            ),
            (
                Hint::Usage("aims show <ID>...".to_owned()),
                "usage: aims show <ID>... (more with --help)",
            ),
        ] {
            assert_eq!(hint.to_string(), expected, "{hint:?}");
            assert_eq!(hint.escaped(), hint, "nothing to escape");
        }
        // Each text a hint holds, escaped: a value cannot drive the terminal.
        let hostile = Hint::Valid {
            plural: "values".to_owned(),
            values: values(&["a\u{1b}[2J", "\t"]),
            more: 1,
        };
        assert_eq!(
            hostile.escaped().to_string(),
            "valid values: a\\u{1b}[2J, \\t, and 1 more"
        );
        assert_eq!(
            Hint::DidYouMean(values(&["\u{7}"])).escaped(),
            Hint::DidYouMean(values(&["\\u{7}"]))
        );
    }
}
