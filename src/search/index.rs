//! The content's words, read and stemmed once, for a search asked again at
//! every keystroke (the browser): a search then looks each distinct word up
//! once, and walks the aims as numbers.

use rustc_hash::FxHashMap as HashMap;

use super::{Counts, PARTS, Progress, Terms, Texts, score, stem, step, words};
use crate::model::Content;

/// Marks where one text of a part ends and the next begins: a phrase does
/// not run across two domains' names.
const BREAK: u32 = u32::MAX;

/// Every aim's words as numbers into a list of the distinct words.
pub struct Index {
    /// Each distinct word as written, and its stem.
    words: Vec<(String, String)>,
    /// The words of every part of every aim, in order, with `BREAK` between texts.
    text: Vec<u32>,
    /// Where each part of each aim starts in `text`: part `p` of aim `a` is
    /// `text[starts[4a + p]..starts[4a + p + 1]]`.
    starts: Vec<usize>,
    /// How many words each part of each aim has.
    lengths: Vec<[u32; 4]>,
}

impl Index {
    pub fn new(content: &Content) -> Self {
        let texts = Texts::new(content);
        let mut ids: HashMap<&str, u32> = HashMap::default();
        let mut words_seen: Vec<(String, String)> = Vec::new();
        let mut text = Vec::new();
        let mut starts = Vec::with_capacity(content.aims.len() * PARTS.len() + 1);
        let mut lengths = Vec::with_capacity(content.aims.len());
        for aim in &content.aims {
            let mut length = [0; 4];
            for (p, part) in PARTS.into_iter().enumerate() {
                starts.push(text.len());
                for (n, field) in texts.of(aim, part).into_iter().enumerate() {
                    if n > 0 {
                        text.push(BREAK);
                    }
                    for word in words(field) {
                        let id = *ids.entry(word).or_insert_with(|| {
                            words_seen.push((word.to_owned(), stem(word)));
                            u32::try_from(words_seen.len() - 1).expect("fewer than 2^32 words")
                        });
                        text.push(id);
                        length[p] += 1;
                    }
                }
            }
            lengths.push(length);
        }
        starts.push(text.len());
        drop(ids);
        Index {
            words: words_seen,
            text,
            starts,
            lengths,
        }
    }

    /// What `search::rank` answers, from the words read once.
    pub fn rank(&self, candidates: &[usize], terms: &Terms) -> Vec<(usize, f64)> {
        let patterns = &terms.patterns;
        // Each stem of each pattern is a bit; each distinct word, the bits of
        // the stems it is a form of.
        let first: Vec<usize> = patterns
            .iter()
            .scan(0, |at, pattern| {
                let here = *at;
                *at += pattern.stems.len();
                Some(here)
            })
            .collect();
        // Stems past the 128th (more than `Terms::typed` makes) match nothing.
        let bits: Vec<Vec<u128>> = patterns
            .iter()
            .zip(&first)
            .map(|(pattern, &first)| {
                (first..first + pattern.stems.len())
                    .map(|at| {
                        u32::try_from(at)
                            .ok()
                            .and_then(|shift| 1u128.checked_shl(shift))
                            .unwrap_or(0)
                    })
                    .collect()
            })
            .collect();
        let bit = |n: usize, k: usize| bits[n][k];
        let masks: Vec<u128> = self
            .words
            .iter()
            .map(|(word, form)| {
                let mut mask = 0;
                for (n, pattern) in patterns.iter().enumerate() {
                    for k in 0..pattern.stems.len() {
                        if pattern.matches(k, word, form) {
                            mask |= bit(n, k);
                        }
                    }
                }
                mask
            })
            .collect();
        let mut progress = Progress::new(patterns);
        let mut hits = vec![[0u32; 4]; patterns.len()];
        let counted = candidates.iter().map(|&aim| {
            let mut counts = Counts {
                hits: Vec::new(),
                lengths: self.lengths[aim],
            };
            let mut any = false;
            for p in 0..PARTS.len() {
                let at = aim * PARTS.len() + p;
                let mut going = false;
                for &word in &self.text[self.starts[at]..self.starts[at + 1]] {
                    let mask = if word == BREAK {
                        0
                    } else {
                        masks[word as usize]
                    };
                    if mask == 0 {
                        if going {
                            progress.clear();
                            going = false;
                        }
                        continue;
                    }
                    if !any {
                        hits.fill([0; 4]);
                        any = true;
                    }
                    going = true;
                    step(patterns, &mut progress, &mut hits, p, |n, k| {
                        mask & bit(n, k) != 0
                    });
                }
                if going {
                    progress.clear();
                }
            }
            if any {
                counts.hits.clone_from(&hits);
            }
            counts
        });
        score(candidates, terms, counted, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_ranks_as_a_search_of_the_text_does() {
        let content =
            crate::content::load(&crate::content::Origin::Builtin).expect("the built-in content");
        let index = Index::new(&content);
        let all: Vec<usize> = (0..content.aims.len()).collect();
        let some: Vec<usize> = all.iter().copied().filter(|i| i % 3 != 0).collect();
        for typed in [
            "terrorist",
            "trade investment",
            "\"rule of law\"",
            "tra",
            "economic coop",
            "human-rights",
            "un",
            "2.7",
            "article 2",
            "turk",
            "the",
        ] {
            let terms = Terms::typed(typed).expect("words");
            for candidates in [&all, &some] {
                let expected = super::super::rank(&content, candidates, &terms);
                assert_eq!(index.rank(candidates, &terms), expected, "{typed}");
            }
            assert!(
                !index.rank(&all, &terms).is_empty(),
                "{typed} finds something"
            );
        }
    }

    #[test]
    fn the_index_finds_a_phrase_after_a_false_start_and_folds_dotted_i() {
        let origin = crate::content::Origin::File {
            path: "tests/data/letters.toml".into(),
            from_env: false,
        };
        let content = crate::content::load(&origin).expect("the fixture");
        let index = Index::new(&content);
        let all: Vec<usize> = (0..content.aims.len()).collect();
        for typed in ["\"very very good\"", "istanbul", "İSTANBUL", "ist"] {
            let terms = Terms::typed(typed).expect("words");
            let expected = super::super::rank(&content, &all, &terms);
            assert_eq!(index.rank(&all, &terms), expected, "{typed}");
            let found: Vec<&str> = expected
                .iter()
                .map(|&(aim, _)| &*content.aims[aim].id)
                .collect();
            assert_eq!(found, ["ıı"], "{typed}");
        }
    }
}
