//! Ranked search: the words typed, matched as whole words in their English
//! forms (terrorist finds "terrorism", neighbour finds "neighboring"), and the
//! aims that hold them scored by BM25F over their fields, the quote weighing most.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

use crate::model::{Aim, Content, Record};

mod index;

pub use index::Index;

/// Words that say nothing of a topic: dropped from a search of several words,
/// so that `aims search the economy` asks for the economy.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
    "on", "or", "that", "the", "this", "to", "with",
];

/// British spellings and the American ones they are matched as, by the start
/// of a word: `neighbouring` is matched as `neighboring`.
const SPELLINGS: &[(&str, &str)] = &[
    ("behaviour", "behavior"),
    ("centre", "center"),
    ("colour", "color"),
    ("defence", "defense"),
    ("endeavour", "endeavor"),
    ("favour", "favor"),
    ("harbour", "harbor"),
    ("harmonis", "harmoniz"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("licence", "license"),
    ("mobilis", "mobiliz"),
    ("modernis", "moderniz"),
    ("neighbour", "neighbor"),
    ("offence", "offense"),
    ("organis", "organiz"),
    ("prioritis", "prioritiz"),
    ("programme", "program"),
    ("realis", "realiz"),
    ("recognis", "recogniz"),
    ("stabilis", "stabiliz"),
    ("utilis", "utiliz"),
];

/// Words the English stemmer joins to others they share only letters with,
/// by their start (after British spellings become American): each family
/// keeps a stem of its own, which no other stem is `akin` to. `universal`
/// is not about the universe, nor `university`; an `organization` is not an
/// `organ`; `customs` (at a border) are not a `custom`; `generous` is not
/// `general` (the stemmer keeps those apart). Each is (start, family).
const DISTINCT: &[(&str, &str)] = &[
    ("universal", "universal"),
    ("universit", "university"),
    ("organiz", "organization"),
    ("organic", "organic"),
    ("nationalis", "nationalism"),
    ("policy", "policy"),
    ("policies", "policy"),
    ("communit", "community"),
    ("authorit", "authority"),
    ("customs", "customs"),
];

/// The mark of a stem from `DISTINCT`: no word's stem starts with it.
const OWN: char = '!';

/// Whether a typed value is a lone stop word.
pub fn is_stop(value: &str) -> bool {
    STOP_WORDS.contains(&value.trim().to_lowercase().as_str())
}

/// How many words a search typed in the browser searches for at most: the
/// index gives each a bit of a `u128`.
pub const TYPED: usize = 128;

/// How many leading bytes of a stem a word must share to be stemmed at all:
/// English stemming changes only the ends of words, so most words of a text
/// are passed over without the cost of stemming them.
const PREFIX: usize = 3;

/// The fields of an aim that search reads, and how much a match in each weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Quote,
    /// Its pillars and domains, by id, name and aliases.
    Tags,
    /// Its clause: the id, the instrument and the article, as its citation names them.
    Clause,
}

const PARTS: [Part; 4] = [Part::Title, Part::Quote, Part::Tags, Part::Clause];

impl Part {
    fn weight(self) -> f64 {
        match self {
            Part::Quote => 3.0,
            Part::Title => 2.0,
            Part::Tags => 1.5,
            Part::Clause => 1.0,
        }
    }
}

/// BM25's saturation of repeated words, and how far a long field is discounted.
const K1: f64 = 1.2;
const B: f64 = 0.75;

pub use crate::text::fold;

/// The form a word is matched by, for the words typed and the words of the
/// content alike: lower case, American spelling, stemmed (`Terrorists` →
/// `terror`, `economy` and `economic` → `econom`).
pub fn stem(word: &str) -> String {
    let lower = fold(word);
    let spelled = SPELLINGS
        .iter()
        .find_map(|(british, american)| {
            lower
                .strip_prefix(british)
                .map(|rest| Cow::Owned(format!("{american}{rest}")))
        })
        .unwrap_or(Cow::Borrowed(&lower));
    if let Some((_, family)) = DISTINCT
        .iter()
        .find(|(start, _)| spelled.starts_with(start))
    {
        return format!("{OWN}{family}");
    }
    // Snowball's English stemmer, as tantivy uses: a function, made for free.
    let mut stem = Stemmer::create(Algorithm::English)
        .stem(&spelled)
        .into_owned();
    // "economy" stems to "economi", "economic" to "econom": one form.
    if stem.len() > 4 && stem.ends_with('i') {
        stem.pop();
    }
    // The stemmer takes "-ism" off "terrorism" but leaves "terrorist":
    // the doctrine and its followers are one topic.
    // (Not "consist" or "persist": a root of four letters or more, not in "s".)
    if let Some(root) = stem
        .strip_suffix("ist")
        .or_else(|| stem.strip_suffix("ism"))
        && root.len() >= 4
        && !root.ends_with('s')
    {
        stem.truncate(root.len());
    }
    stem
}

/// Whether a word's stem is a form of a stem searched for: the same, or, for
/// stems of five letters or more, one that differs only past their common
/// start (`sovereign` and "sovereignty", `democratic` and "democracy",
/// `neighbour` and "neighbourhood"), which the stemmer leaves apart.
fn akin(searched: &str, stem: &str) -> bool {
    if searched == stem {
        return true;
    }
    if searched.starts_with(OWN) || stem.starts_with(OWN) {
        return false;
    }
    let common = searched
        .bytes()
        .zip(stem.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 5 && common + 1 >= searched.len().min(stem.len())
}

/// The words of a text: runs of letters and digits (`human-rights` is two),
/// and the combining dot above that makes `I` Turkish `İ` when written apart.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\u{307}')
        .filter(|word| !word.is_empty())
}

/// One typed argument: a word, or a phrase whose words must stand together,
/// in order, in one field (`"rule of law"`, `human-rights`, `2.7`).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// As typed (`"rule of law"`), for what a person is told of it.
    typed: String,
    stems: Vec<String>,
    /// The last word as typed so far, in lower case, when it is still being
    /// typed (the browser): any word that starts with it matches too.
    prefix: Option<String>,
}

impl Pattern {
    /// Whether `word` (whose stem is `form`) is a form of this pattern's
    /// stem `k`.
    fn matches(&self, k: usize, word: &str, form: &str) -> bool {
        akin(&self.stems[k], form)
            || (k + 1 == self.stems.len()
                && self
                    .prefix
                    .as_ref()
                    .is_some_and(|prefix| starts_with(word, prefix)))
    }
}

/// Whether `word` starts with `prefix` (in lower case), ignoring case.
fn starts_with(word: &str, prefix: &str) -> bool {
    if word.is_ascii() {
        word.len() >= prefix.len()
            && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        fold(word).starts_with(prefix)
    }
}

/// What a search asks: patterns, each stemmed once.
#[derive(Debug, Clone)]
pub struct Terms {
    patterns: Vec<Pattern>,
}

impl Terms {
    /// The patterns of the typed arguments. Lone stop words are dropped when
    /// other words remain. Returns the first argument that holds no word.
    pub fn new(values: &[String]) -> Result<Self, &str> {
        let mut patterns = Vec::with_capacity(values.len());
        for value in values {
            let stems: Vec<String> = words(value).map(stem).collect();
            if stems.is_empty() {
                return Err(value);
            }
            patterns.push((
                value.as_str(),
                Pattern {
                    typed: value.clone(),
                    stems,
                    prefix: None,
                },
            ));
        }
        Ok(Terms::without_stop_words(patterns))
    }

    /// The terms of a search being typed (the browser): words, or phrases in
    /// quotes, of which the last word, when no space follows it yet, also
    /// matches the words it starts (`tra` finds "trade" and "transport").
    /// None when the text holds no word. Words past the `TYPED`th are not
    /// searched for.
    pub fn typed(text: &str) -> Option<Self> {
        // An open quote is a phrase still being typed: split as if closed.
        let values = shell_words::split(text)
            .or_else(|_| shell_words::split(&format!("{text}\"")))
            .unwrap_or_else(|_| text.split_whitespace().map(str::to_owned).collect());
        let typing = !text.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\'');
        let mut patterns = Vec::with_capacity(values.len());
        let mut room = TYPED;
        for (n, value) in values.iter().enumerate() {
            let mut raw: Vec<&str> = words(value).collect();
            raw.truncate(room);
            room -= raw.len();
            let Some(last) = raw.last() else { continue };
            let prefix = (typing && n + 1 == values.len()).then(|| fold(last));
            patterns.push((
                // A word begun is no stop word: "a" may become "agreement".
                if prefix.is_some() { "" } else { value.as_str() },
                Pattern {
                    typed: value.clone(),
                    stems: raw.iter().map(|w| stem(w)).collect(),
                    prefix,
                },
            ));
        }
        (!patterns.is_empty()).then(|| Terms::without_stop_words(patterns))
    }

    /// Lone stop words are dropped when other words remain.
    fn without_stop_words(mut patterns: Vec<(&str, Pattern)>) -> Self {
        if patterns.iter().any(|(value, _)| !is_stop(value)) {
            patterns.retain(|(value, _)| !is_stop(value));
        }
        Terms {
            patterns: patterns.into_iter().map(|(_, p)| p).collect(),
        }
    }

    /// How many patterns (typed words or phrases) there are: one at least.
    pub fn count(&self) -> usize {
        self.patterns.len()
    }

    /// Pattern `k` as typed.
    pub fn as_typed(&self, k: usize) -> &str {
        &self.patterns[k].typed
    }

    /// Whether pattern `k` is `key` (a topic's id, name or alias) in other
    /// forms: its words, stem for stem (`economic` is the domain economy).
    pub fn names(&self, k: usize, key: &str) -> bool {
        let stems: Vec<String> = words(key).map(stem).collect();
        let pattern = &self.patterns[k].stems;
        stems.len() == pattern.len() && stems.iter().zip(pattern).all(|(a, b)| akin(b, a))
    }

    /// The patterns of both, for highlighting what either matched.
    #[must_use]
    pub fn and(mut self, other: &Terms) -> Terms {
        self.patterns.extend(other.patterns.iter().cloned());
        self
    }

    /// Whether `word` is a form of a word searched for: the words a table
    /// highlights.
    pub fn marks(&self, word: &str) -> bool {
        let form = stem(word);
        self.patterns
            .iter()
            .any(|p| (0..p.stems.len()).any(|k| p.matches(k, word, &form)))
    }
}

/// The searchable text of every pillar, domain and clause, made once per search.
struct Texts {
    pillars: Vec<String>,
    domains: Vec<String>,
    clauses: Vec<String>,
}

/// A record's keys (id, name, aliases) as one text.
fn keys<'a, R: Record<'a>>(record: &R) -> String {
    let keys: Vec<&str> = record.keys().map(|(key, _)| &**key).collect();
    keys.join(" ")
}

impl Texts {
    fn new(content: &Content) -> Self {
        Texts {
            pillars: content.pillars.iter().map(keys).collect(),
            domains: content.domains.iter().map(keys).collect(),
            // The source's title is not searched: every aim of a source has it.
            clauses: content
                .clauses
                .iter()
                .map(|c| format!("{} {} Article {}", c.id, c.instrument, c.article.value))
                .collect(),
        }
    }

    /// The texts of one part of an aim.
    fn of<'t>(&'t self, aim: &'t Aim<'t>, part: Part) -> Vec<&'t str> {
        match part {
            Part::Title => vec![&aim.title],
            Part::Quote => vec![&aim.quote],
            Part::Tags => aim
                .pillars
                .iter()
                .map(|p| self.pillars[p.index()].as_str())
                .chain(aim.domains.iter().map(|d| self.domains[d.index()].as_str()))
                .collect(),
            Part::Clause => aim
                .clause
                .iter()
                .map(|c| self.clauses[c.index()].as_str())
                .collect(),
        }
    }
}

/// Counts, for one aim, how often each pattern stands in each part, and how
/// many words each part has.
struct Scan<'s, 't> {
    terms: &'s Terms,
    /// The leading bytes of every stem searched for.
    prefixes: Vec<&'s [u8]>,
    /// Stems of the content's words, as written: large contents repeat words.
    cache: HashMap<&'t str, String>,
}

/// What one aim holds: for each pattern, its count in each part (or no
/// counts, when it holds none); each part's length.
struct Counts {
    hits: Vec<[u32; 4]>,
    lengths: [u32; 4],
}

impl Counts {
    /// Takes one word of part `p`: see `step`.
    fn step(
        &mut self,
        patterns: &[Pattern],
        progress: &mut Progress,
        p: usize,
        matches: impl Fn(usize, usize) -> bool,
    ) {
        step(patterns, progress, &mut self.hits, p, matches);
    }
}

/// How far each pattern's phrase has got in the words read so far: for each
/// pattern, a bit for each of its stems, set at `k` when the last words
/// matched its stems `0..=k` in order. Every start under way is kept, not
/// only the longest, so that a phrase that fails part-way goes on from a
/// later start ("very very good" in "very very very good"): the shift-and of
/// agrep. A word costs one test per start under way (most often none or
/// one), and no test is ever taken back.
pub(super) struct Progress {
    /// Each pattern's bits, in `u64`s, one pattern after another.
    bits: Vec<u64>,
    /// Where each pattern's bits start in `bits`, and where the last ends.
    starts: Vec<usize>,
}

impl Progress {
    pub(super) fn new(patterns: &[Pattern]) -> Self {
        let mut starts = vec![0];
        for pattern in patterns {
            starts.push(starts[starts.len() - 1] + pattern.stems.len().div_ceil(64));
        }
        Progress {
            bits: vec![0; starts[starts.len() - 1]],
            starts,
        }
    }

    /// Forgets every phrase under way: a phrase does not run across texts.
    pub(super) fn clear(&mut self) {
        self.bits.fill(0);
    }
}

/// Takes one word of part `p`: each phrase under way goes on where the word
/// is a form of its next stem (`matches(pattern, stem)`), a phrase starts
/// where it is a form of the first, and a phrase whole is a hit (and the
/// next is counted from the word after it).
fn step(
    patterns: &[Pattern],
    progress: &mut Progress,
    hits: &mut [[u32; 4]],
    p: usize,
    matches: impl Fn(usize, usize) -> bool,
) {
    for (n, pattern) in patterns.iter().enumerate() {
        let Some(last) = pattern.stems.len().checked_sub(1) else {
            continue;
        };
        let state = &mut progress.bits[progress.starts[n]..progress.starts[n + 1]];
        // The stems to try: the first, and each after one matched.
        let mut carry = 1;
        for (chunk, bits) in state.iter_mut().enumerate() {
            let mut tried = (*bits << 1) | carry;
            carry = *bits >> 63;
            let mut going_on = 0;
            while tried != 0 {
                let bit = tried.trailing_zeros();
                tried &= tried - 1;
                let k = chunk * 64 + bit as usize;
                if k <= last && matches(n, k) {
                    going_on |= 1 << bit;
                }
            }
            *bits = going_on;
        }
        if (state[last / 64] >> (last % 64)) & 1 == 1 {
            hits[n][p] += 1;
            state.fill(0);
        }
    }
}

impl<'s, 't> Scan<'s, 't> {
    fn new(terms: &'s Terms) -> Self {
        let prefixes = terms
            .patterns
            .iter()
            .flat_map(|p| p.stems.iter().chain(&p.prefix))
            // A family's own stem starts as its words do, past its mark.
            .map(|stem| stem.strip_prefix(OWN).unwrap_or(stem))
            .map(|stem| &stem.as_bytes()[..stem.len().min(PREFIX)])
            .collect();
        Scan {
            terms,
            prefixes,
            cache: HashMap::default(),
        }
    }

    /// Whether a word may be a form of a stem searched for.
    fn may_match(&self, word: &str) -> bool {
        self.prefixes.iter().any(|prefix| {
            word.len() >= prefix.len()
                && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix)
        }) || !word.is_ascii()
    }

    fn counts(&mut self, parts: &[Vec<&'t str>; 4]) -> Counts {
        let patterns = &self.terms.patterns;
        let mut counts = Counts {
            hits: vec![[0; 4]; patterns.len()],
            lengths: [0; 4],
        };
        let mut progress = Progress::new(patterns);
        for (p, texts) in parts.iter().enumerate() {
            for text in texts {
                progress.clear();
                for word in words(text) {
                    counts.lengths[p] += 1;
                    if !self.may_match(word) {
                        progress.clear();
                        continue;
                    }
                    let form: &str = self.cache.entry(word).or_insert_with(|| stem(word));
                    counts.step(patterns, &mut progress, p, |n, k| {
                        patterns[n].matches(k, word, form)
                    });
                }
            }
        }
        counts
    }
}

/// The aims of `candidates` that hold any pattern of `terms` (all patterns,
/// when `all`), in the order given.
pub fn filter(content: &Content, candidates: &[usize], terms: &Terms, all: bool) -> Vec<usize> {
    let texts = Texts::new(content);
    let mut scan = Scan::new(terms);
    candidates
        .iter()
        .copied()
        .filter(|&i| {
            let counts = scan.counts(&PARTS.map(|part| texts.of(&content.aims[i], part)));
            let found = |hits: &[u32; 4]| hits.iter().any(|&n| n > 0);
            if all {
                counts.hits.iter().all(found)
            } else {
                counts.hits.iter().any(found)
            }
        })
        .collect()
}

/// The aims of `candidates` that hold every pattern of `terms`, best first
/// (ties in the order given), each with its score. The candidates are the
/// collection: how rare a word is, and how long a field, is reckoned among them.
pub fn rank(content: &Content, candidates: &[usize], terms: &Terms) -> Vec<(usize, f64)> {
    ranked(content, candidates, terms, true)
}

/// The aims of `candidates` that hold any pattern of `terms`, best first by
/// BM25F over the patterns each holds, each with its score: the answer when
/// no aim holds them all.
pub fn rank_some(content: &Content, candidates: &[usize], terms: &Terms) -> Vec<(usize, f64)> {
    ranked(content, candidates, terms, false)
}

/// The candidates holding every pattern (any, unless `all`), scored.
fn ranked(content: &Content, candidates: &[usize], terms: &Terms, all: bool) -> Vec<(usize, f64)> {
    let texts = Texts::new(content);
    let mut scan = Scan::new(terms);
    score(
        candidates,
        terms,
        candidates
            .iter()
            .map(|&i| scan.counts(&PARTS.map(|part| texts.of(&content.aims[i], part)))),
        all,
    )
}

/// For each of `candidates`, which patterns of `terms` it holds.
pub fn holds(content: &Content, candidates: &[usize], terms: &Terms) -> Vec<Vec<bool>> {
    let texts = Texts::new(content);
    let mut scan = Scan::new(terms);
    candidates
        .iter()
        .map(|&i| {
            let counts = scan.counts(&PARTS.map(|part| texts.of(&content.aims[i], part)));
            (0..terms.patterns.len())
                .map(|n| {
                    counts
                        .hits
                        .get(n)
                        .is_some_and(|hits| hits.iter().any(|&h| h > 0))
                })
                .collect()
        })
        .collect()
}

/// Scores the candidates whose counts hold every pattern (any, unless
/// `all`), best first (ties in the order given): BM25F, with rarity and
/// average lengths reckoned among the candidates.
fn score(
    candidates: &[usize],
    terms: &Terms,
    counted: impl Iterator<Item = Counts>,
    all: bool,
) -> Vec<(usize, f64)> {
    let mut totals = [0u64; 4];
    let mut with = vec![0usize; terms.patterns.len()];
    let mut found = Vec::new();
    for (&i, counts) in candidates.iter().zip(counted) {
        for (total, &length) in totals.iter_mut().zip(&counts.lengths) {
            *total += u64::from(length);
        }
        // No hits at all may be told by no counts (the index's shortcut).
        let mut every = counts.hits.len() == terms.patterns.len();
        let mut any = false;
        for (n, hits) in counts.hits.iter().enumerate() {
            if hits.iter().any(|&h| h > 0) {
                with[n] += 1;
                any = true;
            } else {
                every = false;
            }
        }
        if every || (!all && any) {
            found.push((i, counts));
        }
    }
    #[allow(clippy::cast_precision_loss, reason = "counts of aims, far below 2^52")]
    let (count, averages) = (
        candidates.len() as f64,
        totals.map(|total| total as f64 / candidates.len().max(1) as f64),
    );
    #[allow(clippy::cast_precision_loss, reason = "counts of aims")]
    let rarity: Vec<f64> = with
        .iter()
        .map(|&n| (1.0 + (count - n as f64 + 0.5) / (n as f64 + 0.5)).ln())
        .collect();
    let mut scored: Vec<(usize, f64)> = found
        .into_iter()
        .map(|(i, counts)| {
            let score = counts
                .hits
                .iter()
                .zip(&rarity)
                .map(|(hits, rarity)| {
                    let weighted: f64 = PARTS
                        .iter()
                        .enumerate()
                        .map(|(p, part)| {
                            let length = f64::from(counts.lengths[p]);
                            let norm = if averages[p] > 0.0 {
                                1.0 - B + B * length / averages[p]
                            } else {
                                1.0
                            };
                            part.weight() * f64::from(hits[p]) / norm
                        })
                        .sum();
                    rarity * weighted / (K1 + weighted)
                })
                .sum();
            (i, score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a search for `a` finds the word `b`.
    fn meet(a: &str, b: &str) -> bool {
        akin(&stem(a), &stem(b))
    }

    /// Forms that must find each other: derived forms the content uses, and
    /// a proper name and its adjective.
    const MEET: &[(&str, &str)] = &[
        ("cooperative", "cooperation"),
        ("cooperate", "cooperation"),
        ("sovereign", "sovereignty"),
        ("democratic", "democracy"),
        ("Eurasia", "Eurasian"),
        ("economy", "economic"),
        ("terrorist", "terrorism"),
        ("international", "internationally"),
        ("neighbour", "neighboring"),
        ("organisation", "organization"),
        ("organizations", "organize"),
        ("universal", "universally"),
        ("policy", "policies"),
        ("community", "communities"),
        ("customs", "Customs"),
        ("legal", "legally"),
        ("region", "regional"),
        ("secure", "security"),
    ];

    /// False friends: words that share a stem's letters, not its sense.
    const APART: &[(&str, &str)] = &[
        ("universe", "universal"),
        ("universe", "university"),
        ("universal", "university"),
        ("organ", "organization"),
        ("organic", "organization"),
        ("general", "generous"),
        ("nation", "nationalism"),
        ("police", "policy"),
        ("communication", "community"),
        ("author", "authority"),
        ("custom", "customs"),
    ];

    #[test]
    fn forms_meet_and_false_friends_do_not() {
        let wrong: Vec<String> = MEET
            .iter()
            .filter(|(a, b)| !meet(a, b) || !meet(b, a))
            .map(|(a, b)| format!("{a}/{b} should meet: {} {}", stem(a), stem(b)))
            .chain(
                APART
                    .iter()
                    .filter(|(a, b)| meet(a, b) || meet(b, a))
                    .map(|(a, b)| format!("{a}/{b} should not: {} {}", stem(a), stem(b))),
            )
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn word_forms_meet_in_one_stem() {
        for group in [
            &["terrorism", "terrorist", "Terrorists", "terror"][..],
            &["economy", "economic", "economies"],
            &[
                "neighbour",
                "neighbor",
                "neighbouring",
                "neighboring",
                "neighbours",
            ],
            &["organisation", "organization", "organise"],
            &["defence", "defense"],
            &["tourism", "tourist"],
            &["cooperation", "cooperate", "cooperating"],
            &["law", "laws"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?}: {stems:?}");
        }
        for (a, b) in [
            ("UN", "unique"),
            ("art", "article"),
            ("united", "UN"),
            ("peace", "pace"),
        ] {
            assert_ne!(stem(a), stem(b), "{a} and {b}");
        }
        // Short stems keep their last letter: only a long one loses an "i".
        assert_eq!(stem("ski"), "ski");
        assert_eq!(stem("city"), "citi");
        assert_eq!(stem("consist"), "consist");
        assert_eq!(stem("insist"), "insist");
        assert_eq!(stem("specialist"), "special");
    }

    #[test]
    fn stems_that_differ_past_a_long_common_start_are_akin() {
        for (searched, word, expected) in [
            ("democratic", "democracy", true),
            ("democracy", "democratic", true),
            ("sovereignty", "sovereign", true),
            ("sovereign", "sovereignty", true),
            ("neighbourhood", "neighboring", true),
            ("strengthen", "strength", true),
            ("UN", "unique", false),
            ("nation", "nature", false),
            ("interact", "interest", false),
            ("maintain", "maintenance", false),
            ("peace", "peacekeeping", false),
            ("stable", "stability", false),
        ] {
            let (a, b) = (stem(searched), stem(word));
            assert_eq!(akin(&a, &b), expected, "{searched} ({a}) and {word} ({b})");
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<&str> = words("human-rights, 2.7 (UN) Türk ").collect();
        assert_eq!(found, ["human", "rights", "2", "7", "UN", "Türk"]);
        assert_eq!(words(" -- ").count(), 0);
    }

    fn owned(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn stop_words_are_dropped_only_beside_other_words() {
        let terms = Terms::new(&owned(&["the", "Economy", "of"])).expect("words");
        assert_eq!(terms.patterns.len(), 1);
        assert_eq!(terms.patterns[0].stems, ["econom"]);
        let terms = Terms::new(&owned(&["the"])).expect("words");
        assert_eq!(terms.patterns.len(), 1);
        // Within a phrase, every word counts.
        let terms = Terms::new(&owned(&["rule of law"])).expect("words");
        assert_eq!(terms.patterns[0].stems, ["rule", "of", "law"]);
        assert_eq!(Terms::new(&owned(&["peace", "..."])).err(), Some("..."));
    }

    #[test]
    fn a_typed_search_matches_the_words_its_last_word_begins() {
        let shape = |typed: &str| -> Vec<(Vec<String>, Option<String>)> {
            Terms::typed(typed)
                .map(|terms| {
                    terms
                        .patterns
                        .into_iter()
                        .map(|p| (p.stems, p.prefix))
                        .collect()
                })
                .unwrap_or_default()
        };
        let p = |stems: &[&str], prefix: Option<&str>| (owned(stems), prefix.map(str::to_owned));
        assert_eq!(shape("Tra"), [p(&["tra"], Some("tra"))]);
        assert_eq!(shape("trade "), [p(&["trade"], None)]);
        assert_eq!(
            shape("peace tra"),
            [p(&["peac"], None), p(&["tra"], Some("tra"))]
        );
        // A word begun is kept though it is a stop word so far.
        assert_eq!(shape("peace a"), [p(&["peac"], None), p(&["a"], Some("a"))]);
        assert_eq!(shape("the peace "), [p(&["peac"], None)]);
        assert_eq!(
            shape("\"rule of la"),
            [p(&["rule", "of", "la"], Some("la"))]
        );
        assert_eq!(shape("\"rule of law\""), [p(&["rule", "of", "law"], None)]);
        assert_eq!(shape("it's"), [p(&["it", "s"], Some("s"))]);
        assert_eq!(shape("  "), []);
        assert_eq!(shape("..."), []);
        // At most TYPED words are searched for.
        let many: Vec<String> = (0..200).map(|n| format!("w{n}")).collect();
        let stems: usize = Terms::typed(&many.join(" "))
            .expect("words")
            .patterns
            .iter()
            .map(|p| p.stems.len())
            .sum();
        assert_eq!(stems, TYPED);
        let terms = Terms::typed("econ").expect("words");
        assert!(terms.marks("Economic") && terms.marks("econ") && !terms.marks("ecology"));
    }

    #[test]
    fn marks_are_the_forms_of_every_pattern() {
        let terms = Terms::new(&owned(&["terrorist"])).expect("words");
        let terms = terms.and(&Terms::new(&owned(&["economy"])).expect("words"));
        for (word, marked) in [
            ("terrorism", true),
            ("Economic", true),
            ("extremism", false),
            ("the", false),
        ] {
            assert_eq!(terms.marks(word), marked, "{word}");
        }
    }

    #[test]
    fn a_scan_counts_words_phrases_and_lengths() {
        let terms = Terms::new(&owned(&["peace", "rule of law"])).expect("words");
        let mut scan = Scan::new(&terms);
        let counts = scan.counts(&[
            vec!["Peace, peace and the rule of law"],
            vec!["the rule of the law", "peaceful"],
            vec![],
            vec!["rule of law; rule of law"],
        ]);
        assert_eq!(counts.lengths, [7, 6, 0, 6]);
        assert_eq!(counts.hits[0], [2, 1, 0, 0]);
        assert_eq!(counts.hits[1], [1, 0, 0, 2]);
    }

    #[test]
    fn a_phrase_broken_part_way_goes_on_from_a_later_start() {
        let long = format!("{} law", ["peace"; 64].join(" "));
        let longer = format!("{} law", ["peace"; 65].join(" "));
        for (phrase, text, expected) in [
            ("very very good", "very very very good", 1),
            ("very very good", "very very good, very very very good", 2),
            ("a b a c", "a b a b a c", 1),
            ("rule of law", "rule of the rule of law", 1),
            ("very good", "very very", 0),
            // Occurrences are counted apart, one after the other.
            ("peace peace", "peace peace peace", 1),
            ("peace peace", "peace peace peace peace", 2),
            // A phrase of more stems than a `u64` has bits.
            (long.as_str(), longer.as_str(), 1),
            (longer.as_str(), long.as_str(), 0),
        ] {
            let terms = Terms::new(&owned(&[phrase])).expect("words");
            let counts = Scan::new(&terms).counts(&[vec![text], vec![], vec![], vec![]]);
            assert_eq!(counts.hits[0][0], expected, "{phrase:?} in {text:?}");
        }
    }

    #[test]
    fn turkish_dotted_i_folds_to_i() {
        for (word, folded) in [
            ("İstanbul", "istanbul"),
            ("İSTANBUL", "istanbul"),
            ("I\u{307}stanbul", "istanbul"),
            ("ıI", "ıi"),
            ("Türk", "türk"),
            ("ECONOMY", "economy"),
        ] {
            assert_eq!(fold(word), folded, "{word}");
        }
        assert_eq!(stem("İstanbul"), stem("istanbul"));
        // Written apart, `I` and its dot are one word.
        assert_eq!(words("in I\u{307}stanbul.").count(), 2);
        let terms = Terms::typed("İst").expect("words");
        assert!(terms.marks("istanbul") && terms.marks("İSTANBUL"));
    }

    #[test]
    fn only_words_that_share_a_stems_start_are_stemmed() {
        let terms = Terms::new(&owned(&["UN", "economy"])).expect("words");
        let scan = Scan::new(&terms);
        assert!(scan.may_match("unique"));
        assert!(scan.may_match("ECONOMIC"));
        assert!(!scan.may_match("trade"));
        assert!(!scan.may_match("u"));
        // Words beyond ASCII are always stemmed.
        assert!(scan.may_match("Türk"));
    }
}
