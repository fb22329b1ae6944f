//! Where the clauses stand in their sources, to find which clause's text holds
//! a quote: for an aim that quotes a clause without citing it.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::model::Clause;

/// The places of the clauses found in their sources, by source id. Each
/// source's places are sorted by their start, and a Fenwick tree over that
/// order keeps, for each of its spans, the places sorted by their end (the
/// latest first) with the first clause among those so far: a question costs
/// the square of the logarithm of the clauses, not the clauses.
pub struct ClausePlaces<'a> {
    by_source: HashMap<&'a str, Tree>,
}

struct Tree {
    /// The starts of the places, in order.
    starts: Vec<usize>,
    /// `spans[i]` (from 1): the places `i - (i & -i)..i` of that order, as
    /// (end, the first clause of those with that end or a later one).
    spans: Vec<Vec<(usize, usize)>>,
}

impl<'a> ClausePlaces<'a> {
    /// `places[i]`: where clause `i`'s text stands in its source, if it does.
    pub fn new(clauses: &'a [Clause], places: &[Option<Range<usize>>]) -> Self {
        let mut sorted: HashMap<&str, Vec<(Range<usize>, usize)>> = HashMap::default();
        for (index, (clause, place)) in clauses.iter().zip(places).enumerate() {
            if let Some(place) = place {
                sorted
                    .entry(&clause.source.id)
                    .or_default()
                    .push((place.clone(), index));
            }
        }
        let by_source = sorted
            .into_iter()
            .map(|(source, mut places)| {
                places.sort_by_key(|(place, index)| (place.start, *index));
                let mut spans = vec![Vec::new(); places.len() + 1];
                for (i, span) in spans.iter_mut().enumerate().skip(1) {
                    let mut held: Vec<(usize, usize)> = places[i - (i & i.wrapping_neg())..i]
                        .iter()
                        .map(|(place, index)| (place.end, *index))
                        .collect();
                    held.sort_by_key(|&(end, index)| (std::cmp::Reverse(end), index));
                    let mut first = usize::MAX;
                    for entry in &mut held {
                        first = first.min(entry.1);
                        entry.1 = first;
                    }
                    *span = held;
                }
                let starts = places.iter().map(|(place, _)| place.start).collect();
                (source, Tree { starts, spans })
            })
            .collect();
        ClausePlaces { by_source }
    }

    /// The first clause, in the content's order, of source `source` whose
    /// place holds `quoted`.
    pub fn holder(&self, source: &str, quoted: &Range<usize>) -> Option<usize> {
        let tree = self.by_source.get(source)?;
        let mut first = None;
        // The places that start at or before the quote...
        let mut i = tree.starts.partition_point(|&start| start <= quoted.start);
        while i > 0 {
            // ...and end at or after it.
            let span = &tree.spans[i];
            let ending = span.partition_point(|&(end, _)| end >= quoted.end);
            if ending > 0 {
                let clause = span[ending - 1].1;
                first = Some(first.map_or(clause, |first: usize| first.min(clause)));
            }
            i -= i & i.wrapping_neg();
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Number, Ref, Text};

    fn clause(source: &'static str) -> Clause<'static> {
        let text = |s: &'static str| Text::new(0..0, s);
        let number = Number {
            value: 1,
            span: 0..0,
        };
        Clause {
            id: text("1.1"),
            instrument: text("I"),
            article: number.clone(),
            item: number,
            source: Ref::new(text(source)),
            text: text("t"),
            official_item: None,
            verified_in: None,
        }
    }

    proptest::proptest! {
        /// Against the plain definition: the first clause of the source
        /// whose place holds the quote.
        #[test]
        fn the_holder_is_the_first_clause_whose_place_holds_the_quote(
            places in proptest::collection::vec(
                proptest::option::of((0..30usize, 0..10usize, proptest::bool::ANY)),
                0..40,
            ),
            quotes in proptest::collection::vec((0..40usize, 0..6usize, proptest::bool::ANY), 1..20),
        ) {
            let sources = ["a", "b"];
            let clauses: Vec<Clause> = places
                .iter()
                .map(|p| clause(sources[usize::from(p.is_some_and(|(_, _, b)| b))]))
                .collect();
            let places: Vec<Option<Range<usize>>> = places
                .iter()
                .map(|p| p.map(|(start, len, _)| start..start + len))
                .collect();
            let index = ClausePlaces::new(&clauses, &places);
            for (start, len, in_b) in quotes {
                let (source, quoted) = (sources[usize::from(in_b)], start..start + len);
                let expected = clauses.iter().zip(&places).position(|(clause, place)| {
                    *clause.source.id == *source
                        && place.as_ref().is_some_and(|p| p.start <= quoted.start && quoted.end <= p.end)
                });
                proptest::prop_assert_eq!(index.holder(source, &quoted), expected);
            }
        }
    }
}
