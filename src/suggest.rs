//! The closest valid value to one a user or a content file gave: "did you mean ...?".

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

#[cfg(test)]
mod tests {
    use super::closest;

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
}
