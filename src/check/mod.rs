//! The rules of a content: fidelity (verbatim quotes, justified tags, every
//! clause an aim) and consistency (unique keys, resolving references), every
//! problem with its place in the file.

mod characters;
mod index;
mod places;
pub mod quote;
mod relations;
mod source;

pub use source::calendar_day;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::diagnostic::{Lines, Problem};
use crate::model::{Aim, Clause, Record, Records, Ref, Text};
use crate::suggest::Hint;
use index::Index;
use places::ClausePlaces;
use quote::{Mismatch, Normalized, Words, wordless_excerpt};

/// Checks every rule of the content format on `raw`, parsed from `text`, and
/// returns every problem found, in the order of the file.
pub fn check(raw: &Records, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();

    let lines = Lines::new(text);
    let sources = Index::new(&raw.sources, raw, &lines, &mut problems);
    let pillars = Index::new(&raw.pillars, raw, &lines, &mut problems);
    let domains = Index::new(&raw.domains, raw, &lines, &mut problems);
    let clauses = Index::new(&raw.clauses, raw, &lines, &mut problems);
    // Nothing refers to aims by id; indexing them finds duplicate and malformed ids.
    Index::new(&raw.aims, raw, &lines, &mut problems);
    characters::check_characters(raw, text, &mut problems);
    relations::check_relations(&raw.domains, &domains, &mut problems);
    relations::check_see_also(raw, &mut problems);
    source::check_sources(&raw.sources, &mut problems);
    for clause in &raw.clauses {
        source::check_clause_position(clause, &mut problems);
    }

    for source in &raw.sources {
        not_empty(&source.text, "source", &source.id, "text", &mut problems);
    }
    let source_texts: Vec<Normalized> = raw
        .sources
        .iter()
        .map(|s| Normalized::new(&s.text))
        .collect();

    let clause_places = check_clauses(raw, &sources, &source_texts, &mut problems);

    let mut cited = HashSet::default();
    let kinds = Kinds {
        raw,
        pillar_terms: Terms::new(&raw.pillars),
        domain_terms: Terms::new(&raw.domains),
        sources: &sources,
        pillars: &pillars,
        domains: &domains,
        clauses: &clauses,
        holders: ClausePlaces::new(&raw.clauses, &clause_places),
    };
    let mut cache = QuoteCache::default();
    for aim in &raw.aims {
        check_aim(
            aim,
            &kinds,
            &source_texts,
            &mut cache,
            &mut cited,
            &mut problems,
        );
    }

    check_coverage(raw, &clause_places, &cited, &mut problems);
    problems
}

/// Every clause is an aim, and a content has aims at all. Skipped where some
/// aim could not be read: it may be the one that quotes the clause.
fn check_coverage(
    raw: &Records,
    clause_places: &[Option<Range<usize>>],
    cited: &HashSet<usize>,
    problems: &mut Vec<Problem>,
) {
    if raw.unread.iter().any(|(kind, _)| *kind == "aim") {
        return;
    }
    for (index, clause) in raw.clauses.iter().enumerate() {
        if clause_places[index].is_some() && !cited.contains(&index) {
            problems.push(
                Problem::new(
                    clause.id.span.clone(),
                    format!("clause `{}` is quoted by no aim", clause.id),
                )
                .hint(format!(
                    "every clause is an aim: add an [[aim]] with clause = \"{}\"",
                    clause.id
                )),
            );
        }
    }

    if raw.aims.is_empty() {
        problems.push(
            Problem::whole("the content has no [[aim]] records").hint(
                "a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records; see README.md",
            ),
        );
    }
}

struct Kinds<'a> {
    raw: &'a Records<'a>,
    pillar_terms: Terms,
    domain_terms: Terms,
    /// Where each clause's text stands in its source's folded text.
    holders: ClausePlaces<'a>,
    sources: &'a Index<'a>,
    pillars: &'a Index<'a>,
    domains: &'a Index<'a>,
    clauses: &'a Index<'a>,
}

fn not_empty(
    value: &Text<'_>,
    kind: &str,
    id: &Text<'_>,
    field: &str,
    problems: &mut Vec<Problem>,
) {
    if value.trim().is_empty() {
        problems.push(Problem::new(
            value.span.clone(),
            format!("{kind} `{id}` has an empty {field}"),
        ));
    }
}

/// Checks each clause: its id, its verbatim text, and its place among the items
/// of its article. Returns where each clause's text stands in its source (in
/// its folded text), if found.
fn check_clauses(
    raw: &Records,
    sources: &Index,
    source_texts: &[Normalized],
    problems: &mut Vec<Problem>,
) -> Vec<Option<Range<usize>>> {
    let mut places = Vec::with_capacity(raw.clauses.len());
    for clause in &raw.clauses {
        let (id, article, item) = (&*clause.id, clause.article.value, clause.item.value);
        if id != format!("{article}.{item}") {
            problems.push(
                Problem::new(
                    clause.id.span.clone(),
                    format!(
                        "clause id `{id}` does not match its article {article} and item {item}"
                    ),
                )
                .hint(format!("write id = \"{article}.{item}\"")),
            );
        }
        not_empty(&clause.text, "clause", &clause.id, "text", problems);
        let owner = format!("clause `{id}`");
        let place = match sources.resolve(&clause.source.id, &owner) {
            Ok(source) => match source_texts[source].find(&clause.text) {
                Ok(found) => match (found.first(), found.last()) {
                    (Some(first), Some(last)) => Some(first.start..last.end),
                    _ => None,
                },
                Err(mismatch) => {
                    problems.push(mismatch.problem(
                        clause.text.span.clone(),
                        &format!("the text of {owner}"),
                        &format!("source `{}`", clause.source.id),
                    ));
                    None
                }
            },
            Err(problem) => {
                problems.extend(problem);
                None
            }
        };
        places.push(place);
    }
    check_clause_order(&raw.clauses, &places, problems);
    places
}

/// The items of one article must stand in their source in the order of their
/// numbers: each is compared with the one numbered before it.
fn check_clause_order(
    clauses: &[Clause],
    places: &[Option<Range<usize>>],
    problems: &mut Vec<Problem>,
) {
    let mut articles: HashMap<(&str, u32, &str), Vec<usize>> = HashMap::default();
    for (index, clause) in clauses.iter().enumerate() {
        let article = (
            &*clause.instrument,
            clause.article.value,
            &*clause.source.id,
        );
        articles.entry(article).or_default().push(index);
    }
    for mut items in articles.into_values() {
        items.sort_by_key(|&i| clauses[i].item.value);
        for pair in items.windows(2) {
            let (first, second) = (&clauses[pair[0]], &clauses[pair[1]]);
            if let (Some(first_place), Some(second_place)) = (&places[pair[0]], &places[pair[1]])
                && second_place.start < first_place.start
            {
                problems.push(
                    Problem::new(
                        second.item.span.clone(),
                        format!(
                            "clause `{}` stands before clause `{}` in source `{}`, but its item number is higher",
                            second.id,
                            first.id,
                            second.source.id
                        ),
                    )
                    .hint("number the items of an article in the order the source gives them"),
                );
            }
        }
    }
}

/// What checking one quote found, kept for the next aim with the same quote:
/// large contents repeat quotes, and folding and searching is most of the work.
/// Where each excerpt of a quote stands in its source's folded text.
type Found = Result<Vec<Range<usize>>, Mismatch>;

#[derive(Default)]
struct QuoteCache<'a> {
    in_source: HashMap<(usize, &'a str), Found>,
    in_clause: HashMap<(usize, &'a str), Result<(), Mismatch>>,
    /// Each clause's folded text, folded once for all the aims that cite it.
    clause_texts: HashMap<usize, Normalized>,
    words: HashMap<&'a str, Words>,
}

impl<'a> QuoteCache<'a> {
    fn find(&mut self, source: usize, quote: &'a str, texts: &[Normalized]) -> &Found {
        self.in_source
            .entry((source, quote))
            .or_insert_with(|| texts[source].find(quote))
    }

    fn find_in_clause(
        &mut self,
        clause: usize,
        quote: &'a str,
        raw: &Records,
    ) -> &Result<(), Mismatch> {
        let texts = &mut self.clause_texts;
        self.in_clause.entry((clause, quote)).or_insert_with(|| {
            texts
                .entry(clause)
                .or_insert_with(|| Normalized::new(&raw.clauses[clause].text))
                .find(quote)
                .map(|_| ())
        })
    }

    fn words(&mut self, quote: &'a str) -> &Words {
        self.words.entry(quote).or_insert_with(|| Words::new(quote))
    }
}

fn check_aim<'a>(
    aim: &'a Aim,
    kinds: &Kinds,
    source_texts: &[Normalized],
    cache: &mut QuoteCache<'a>,
    cited: &mut HashSet<usize>,
    problems: &mut Vec<Problem>,
) {
    let owner = format!("aim `{}`", aim.id);
    not_empty(&aim.title, "aim", &aim.id, "title", problems);
    let quote: &str = &aim.quote;
    if quote.trim().is_empty() {
        not_empty(&aim.quote, "aim", &aim.id, "quote", problems);
    } else if let Some(excerpt) = wordless_excerpt(quote) {
        problems.push(
            Problem::new(
                aim.quote.span.clone(),
                format!("the quote of {owner} has an excerpt with no words: \"{excerpt}\""),
            )
            .hint("a quote is words of its source; `...` joins excerpts of words"),
        );
    } else {
        match kinds.sources.resolve(&aim.source.id, &owner) {
            Ok(source) => match cache.find(source, quote, source_texts) {
                Ok(found) if aim.clause.is_none() => {
                    uncited_clause(aim, &owner, source, found, kinds, problems);
                }
                Ok(_) => {}
                Err(mismatch) => problems.push(mismatch.problem(
                    aim.quote.span.clone(),
                    &format!("the quote of {owner}"),
                    &format!("source `{}`", aim.source.id),
                )),
            },
            Err(problem) => problems.extend(problem),
        }
    }

    if let Some(reference) = &aim.clause {
        match kinds.clauses.resolve(&reference.id, &owner) {
            Ok(index) => {
                cited.insert(index);
                let clause = &kinds.raw.clauses[index];
                if *clause.source.id != *aim.source.id {
                    problems.push(Problem::new(
                        aim.source.id.span.clone(),
                        format!(
                            "{owner} quotes source `{}`, but its clause `{}` is quoted from source `{}`",
                            aim.source.id,
                            clause.id,
                            clause.source.id
                        ),
                    ));
                } else if let Err(mismatch) = cache.find_in_clause(index, quote, kinds.raw) {
                    problems.push(mismatch.problem(
                        aim.quote.span.clone(),
                        &format!("the quote of {owner}"),
                        &format!("the text of its clause `{}`", clause.id),
                    ));
                }
            }
            Err(problem) => problems.extend(problem),
        }
    }

    if aim.pillars.is_empty() && aim.domains.is_empty() {
        return;
    }
    let words = cache.words(quote);
    for reference in &aim.pillars {
        check_tag(
            &owner,
            reference,
            kinds.pillars,
            &kinds.pillar_terms,
            words,
            problems,
        );
    }
    for reference in &aim.domains {
        check_tag(
            &owner,
            reference,
            kinds.domains,
            &kinds.domain_terms,
            words,
            problems,
        );
    }
    for (kind, list) in [("pillar", &aim.pillars), ("domain", &aim.domains)] {
        for (reference, repeated) in repeats(list) {
            if repeated {
                problems.push(Problem::new(
                    reference.id.span.clone(),
                    format!("{owner} lists {kind} `{}` twice", reference.id),
                ));
            }
        }
    }
}

/// Each reference of `list`, and whether it names what one before it does.
/// The few an aim or a domain lists are compared with those before them; a
/// longer list goes through a set, to cost its length, not its square.
fn repeats<'l, 'a>(list: &'l [Ref<'a>]) -> impl Iterator<Item = (&'l Ref<'a>, bool)> {
    const FEW: usize = 16;
    let mut seen: HashSet<&str> = HashSet::default();
    list.iter().enumerate().map(move |(i, reference)| {
        let repeated = if list.len() <= FEW {
            list[..i].iter().any(|earlier| *earlier.id == *reference.id)
        } else {
            !seen.insert(&reference.id)
        };
        (reference, repeated)
    })
}

/// An aim that quotes only a clause's text cites that clause, so its citation
/// names the article and item.
fn uncited_clause(
    aim: &Aim,
    owner: &str,
    source: usize,
    found: &[Range<usize>],
    kinds: &Kinds,
    problems: &mut Vec<Problem>,
) {
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return;
    };
    let quoted = first.start..last.end;
    let clause = kinds
        .sources
        .ids
        .get(source)
        .and_then(|source| kinds.holders.holder(source, &quoted))
        .map(|index| &kinds.raw.clauses[index]);
    if let Some(clause) = clause {
        problems.push(
            Problem::new(
                aim.quote.span.clone(),
                format!(
                    "{owner} quotes the text of clause `{}` but does not cite it",
                    clause.id
                ),
            )
            .hint(format!("add clause = \"{}\"", clause.id)),
        );
    }
}

/// The words that justify each record of a tagging kind (its id, name and
/// aliases), as written and as `Words::pad` makes them for matching.
struct Terms {
    written: Vec<Vec<String>>,
    padded: Vec<Vec<String>>,
}

impl Terms {
    /// The keys of each record of a kind, which are the words that justify it.
    fn new<'a, R: Record<'a>>(records: &[R]) -> Self {
        let written: Vec<Vec<String>> = records
            .iter()
            .map(|r| r.keys().map(|(t, _)| t.to_string()).collect())
            .collect();
        let padded = written
            .iter()
            .map(|terms| terms.iter().map(|t| Words::pad(t)).collect())
            .collect();
        Terms { written, padded }
    }
}

/// A tag (pillar or domain) must resolve, and its quote must name it: by its
/// id, name or one of its aliases.
fn check_tag(
    owner: &str,
    reference: &Ref<'_>,
    kind: &Index,
    terms: &Terms,
    words: &Words,
    problems: &mut Vec<Problem>,
) {
    let reference = &reference.id;
    let index = match kind.resolve(reference, owner) {
        Ok(index) => index,
        Err(problem) => return problems.extend(problem),
    };
    if !terms.padded[index]
        .iter()
        .any(|term| words.contains_padded(term))
    {
        let terms: Vec<String> = terms.written[index]
            .iter()
            .map(|t| format!("`{t}`"))
            .collect();
        problems.push(
            Problem::new(
                reference.span.clone(),
                format!(
                    "{owner} is tagged with {} `{}`, but its quote does not say so",
                    kind.name, reference
                ),
            )
            .hint(Hint::OneOf {
                rule: "a tag must be justified by the words of the aim's own quote".to_owned(),
                values: terms,
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_repeats_one_before_it_in_a_short_list_or_a_long_one() {
        let list = |ids: &[&'static str]| -> Vec<Ref<'static>> {
            ids.iter()
                .map(|id| Ref::new(Text::new(0..0, *id)))
                .collect()
        };
        let repeated = |refs: &[Ref]| -> Vec<usize> {
            repeats(refs)
                .enumerate()
                .filter(|(_, (_, repeated))| *repeated)
                .map(|(i, _)| i)
                .collect()
        };
        assert_eq!(repeated(&list(&["a", "b", "a", "c", "b", "a"])), [2, 4, 5]);
        assert_eq!(repeated(&list(&[])), Vec::<usize>::new());
        // Past the few that are compared one by one, the same answers.
        let mut long = vec!["x"; 3];
        long.extend((0..40).map(|n| ["p", "q", "r", "s", "t", "u", "v", "w"][n % 8]));
        let expected: Vec<usize> = (1..3).chain(11..43).collect();
        assert_eq!(repeated(&list(&long)), expected);
    }
}
