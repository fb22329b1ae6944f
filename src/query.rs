//! Filters: what `list`, `search` and `matrix` select, and the aims `show`
//! names, resolved against the content from the plain values the user typed.

use crate::model::{Aim, Clause, Content, Record, Ref};
use crate::search::{self, Terms};
use crate::suggest::{Hint, UsageError, escaped, pairs, shown};
use crate::text::fold_key;

/// The values of the filters, as typed: each may hold several.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub pillar: Vec<String>,
    pub domain: Vec<String>,
    pub clause: Vec<String>,
    pub source: Vec<String>,
    pub text: Vec<String>,
    /// `--domain` keeps to the domains named, without their narrower ones.
    pub no_narrower: bool,
}

/// What `list` and `search` select: each facet filter is a set of allowed records
/// (OR within), all filters must hold (AND across).
#[derive(Clone)]
pub struct Query {
    pillars: Option<Vec<usize>>,
    /// The domains named, and (unless `--no-narrower`) every one below them:
    /// for each domain of the content, whether it is one of them.
    domains: Option<Vec<bool>>,
    /// The domains as named.
    named_domains: Vec<usize>,
    clauses: Option<Vec<usize>>,
    sources: Option<Vec<usize>>,
    /// Any of these must stand in the aim (`--text`).
    texts: Option<Terms>,
    /// All of these must stand in the aim, which are ranked by them (`search`).
    words: Option<Terms>,
}

/// An aim a query selected: its score when ranked, and the narrower domains
/// it came through when it carries none of the domains named.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub aim: usize,
    pub score: Option<f64>,
    pub via: Vec<usize>,
}

impl Query {
    /// Resolves the typed values against `content`: each must name a record, or
    /// it is a usage error with the closest valid value.
    pub fn resolve(
        content: &Content,
        filters: &Filters,
        words: &[String],
    ) -> Result<Self, UsageError> {
        let named_domains = facet(content, &content.domains, &filters.domain)?;
        let domains = named_domains.as_ref().map(|named| {
            let mut allowed = vec![false; content.domains.len()];
            for domain in named {
                let below = if filters.no_narrower {
                    std::slice::from_ref(domain)
                } else {
                    content.with_narrower(*domain)
                };
                for &d in below {
                    allowed[d] = true;
                }
            }
            allowed
        });
        Ok(Query {
            pillars: facet(content, &content.pillars, &filters.pillar)?,
            named_domains: named_domains.unwrap_or_default(),
            domains,
            clauses: clauses(&content.clauses, &filters.clause)?,
            sources: facet(content, &content.sources, &filters.source)?,
            texts: terms("--text value", &filters.text)?,
            words: terms("search word", words)?,
        })
    }

    /// Whether the aims come ranked by search words, each with a score.
    pub fn ranks(&self) -> bool {
        self.words.is_some()
    }

    /// What the query searches for, words and `--text` alike: the words a
    /// table highlights.
    pub fn marks(&self) -> Option<Terms> {
        match (&self.words, &self.texts) {
            (Some(words), Some(texts)) => Some(words.clone().and(texts)),
            (words, texts) => words.as_ref().or(texts.as_ref()).cloned(),
        }
    }

    fn facets_match(&self, aim: &Aim) -> bool {
        let any = |allowed: &Option<Vec<usize>>, tags: &[Ref]| {
            allowed
                .as_ref()
                .is_none_or(|allowed| tags.iter().any(|tag| allowed.contains(&tag.index())))
        };
        any(&self.pillars, &aim.pillars)
            && self
                .domains
                .as_ref()
                .is_none_or(|allowed| aim.domains.iter().any(|tag| allowed[tag.index()]))
            && any(&self.clauses, aim.clause.as_slice())
            && any(&self.sources, std::slice::from_ref(&aim.source))
    }

    /// The same query for another domain (and its narrower ones), to count
    /// what it would list.
    fn for_domain(&self, content: &Content, domain: usize) -> Query {
        Query {
            domains: Some(content.under(domain)),
            ..self.clone()
        }
    }

    /// The same query for a pillar instead of its domains, to count what it
    /// would list.
    fn for_pillar(&self, pillar: usize) -> Query {
        Query {
            pillars: Some(vec![pillar]),
            domains: None,
            ..self.clone()
        }
    }

    /// The narrower domains an aim came through: none when it carries a
    /// domain named (or no domain was).
    fn via(&self, aim: &Aim) -> Vec<usize> {
        let Some(domains) = &self.domains else {
            return Vec::new();
        };
        let tags: Vec<usize> = aim.domains.iter().map(Ref::index).collect();
        if tags.iter().any(|tag| self.named_domains.contains(tag)) {
            return Vec::new();
        }
        tags.into_iter().filter(|&tag| domains[tag]).collect()
    }
}

/// How a search answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Aims that hold every word (or are under every topic word), or no
    /// search at all.
    Every,
    /// No aim holds every word: these (at least one) hold some, best first.
    /// The words, as typed, that no aim holds together.
    Some(Vec<String>),
}

/// The aims `query` selects: in the content's order, or best first when it
/// searches words.
pub fn select(content: &Content, query: &Query) -> Vec<Hit> {
    select_with(content, query).0
}

/// The aims `query` selects, and how a search answered. A search ranks the
/// aims that hold every word first; then the aims that are under a topic a
/// word names (a domain's id, name or alias, with its narrower domains),
/// with the narrower domain they came through; and when no aim answers
/// every word, the aims that hold some of them, by BM25 over those.
pub fn select_with(content: &Content, query: &Query) -> (Vec<Hit>, Answer) {
    let mut selected: Vec<usize> = (0..content.aims.len())
        .filter(|&i| query.facets_match(&content.aims[i]))
        .collect();
    if let Some(texts) = &query.texts {
        selected = search::filter(content, &selected, texts, false);
    }
    let hit = |aim: usize, score: Option<f64>| Hit {
        aim,
        score,
        via: query.via(&content.aims[aim]),
    };
    let Some(words) = &query.words else {
        let hits = selected.into_iter().map(|aim| hit(aim, None)).collect();
        return (hits, Answer::Every);
    };
    let mut hits: Vec<Hit> = search::rank(content, &selected, words)
        .into_iter()
        .map(|(aim, score)| hit(aim, Some(score)))
        .collect();
    let topics = topics(content, words);
    if topics.iter().any(Option::is_some) {
        let topical = topical(content, &selected, &hits, words, &topics);
        hits.extend(topical);
    }
    if !hits.is_empty() || words.count() < 2 {
        return (hits, Answer::Every);
    }
    // No aim answers every word: those that hold some, best first.
    let some = search::rank_some(content, &selected, words);
    if some.is_empty() {
        return (Vec::new(), Answer::Every);
    }
    let apart = (0..words.count())
        .map(|k| words.as_typed(k).to_owned())
        .collect();
    let hits = some
        .into_iter()
        .map(|(aim, score)| hit(aim, Some(score)))
        .collect();
    (hits, Answer::Some(apart))
}

/// Where a reader of `--domain` may look next, with how many aims each
/// would list (the other filters kept): the domains broader than, or related
/// to, the domains named, that the listing did not already hold; and a pillar
/// of the same name (culture).
pub fn see_also(content: &Content, query: &Query) -> Vec<(String, usize)> {
    let Some(shown) = &query.domains else {
        return Vec::new();
    };
    let mut domains: Vec<usize> = Vec::new();
    let mut pillars: Vec<usize> = Vec::new();
    for &named in &query.named_domains {
        let domain = &content.domains[named];
        let broader = domain.broader.iter().map(Ref::index);
        for other in broader.chain(content.related(named).iter().copied()) {
            if !shown[other] && !domains.contains(&other) {
                domains.push(other);
            }
        }
        let names: Vec<String> = domain.keys().map(|(key, _)| fold_key(key)).collect();
        for (i, pillar) in content.pillars.iter().enumerate() {
            let alike = pillar.keys().any(|(key, _)| names.contains(&fold_key(key)));
            let asked = query.pillars.as_ref().is_some_and(|p| p.contains(&i));
            if alike && !asked && !pillars.contains(&i) {
                pillars.push(i);
            }
        }
    }
    let domains = domains.into_iter().map(|domain| {
        let count = select(content, &query.for_domain(content, domain)).len();
        (content.domains[domain].id.to_string(), count)
    });
    let pillars = pillars.into_iter().map(|pillar| {
        let count = select(content, &query.for_pillar(pillar)).len();
        (format!("pillar {}", content.pillars[pillar].id), count)
    });
    domains.chain(pillars).collect()
}

/// For each word, the domains it names (by id, name or alias) with their
/// narrower ones; None for a word that names no domain.
fn topics(content: &Content, words: &Terms) -> Vec<Option<Vec<bool>>> {
    (0..words.count())
        .map(|k| {
            let named: Vec<usize> = (content.domains.iter().enumerate())
                .filter(|(_, domain)| domain.keys().any(|(key, _)| words.names(k, key)))
                .map(|(d, _)| d)
                .collect();
            (!named.is_empty()).then(|| {
                let mut under = vec![false; content.domains.len()];
                for d in named {
                    for &below in content.with_narrower(d) {
                        under[below] = true;
                    }
                }
                under
            })
        })
        .collect()
}

/// The aims of `selected`, beyond `hits`, that answer every word by their
/// text or by being under the topic it names, with the narrower domains they
/// came through, best first by the words they hold.
fn topical(
    content: &Content,
    selected: &[usize],
    hits: &[Hit],
    words: &Terms,
    topics: &[Option<Vec<bool>>],
) -> Vec<Hit> {
    let mut found = vec![false; content.aims.len()];
    for hit in hits {
        found[hit.aim] = true;
    }
    // Only an aim under some topic can answer by a topic: the others
    // are not read again (the text of a large content costs the most).
    let under_any = |aim: usize| {
        content.aims[aim]
            .domains
            .iter()
            .any(|tag| topics.iter().flatten().any(|under| under[tag.index()]))
    };
    let rest: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|&aim| !found[aim] && under_any(aim))
        .collect();
    let held = search::holds(content, &rest, words);
    let mut topical = Vec::new();
    for (&aim, held) in rest.iter().zip(held) {
        let tags: Vec<usize> = content.aims[aim].domains.iter().map(Ref::index).collect();
        let mut via = Vec::new();
        let every = (0..words.count()).all(|k| {
            held[k]
                || topics[k].as_ref().is_some_and(|under| {
                    let through: Vec<usize> = tags.iter().copied().filter(|&t| under[t]).collect();
                    via.extend(&through);
                    !through.is_empty()
                })
        });
        if every {
            via.sort_unstable();
            via.dedup();
            topical.push((aim, via));
        }
    }
    // Ranked after the aims whose own words match, by the words they hold.
    let aims: Vec<usize> = topical.iter().map(|(aim, _)| *aim).collect();
    let mut scores = vec![0.0; content.aims.len()];
    for (aim, score) in search::rank_some(content, &aims, words) {
        scores[aim] = score;
    }
    let score = |aim: usize| scores[aim];
    let mut topical: Vec<Hit> = topical
        .into_iter()
        .map(|(aim, via)| Hit {
            aim,
            score: Some(score(aim)),
            via,
        })
        .collect();
    topical.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    topical
}

/// What a person is told when a search finds nothing: which words no aim
/// holds (and, for a see-also word, the domain it points to), what the
/// content covers, and the topics closest to the words typed.
pub fn emptiness(content: &Content, words: &[String]) -> Vec<String> {
    let mut notes = Vec::new();
    let missing: Vec<&String> = words
        .iter()
        .filter(|word| holding(content, word) == 0)
        .collect();
    for word in &missing {
        let Ok(terms) = Terms::new(std::slice::from_ref(*word)) else {
            continue;
        };
        let pointed = (content.domains.iter().enumerate())
            .find(|(_, domain)| domain.see_also.iter().any(|see| terms.names(0, see)));
        let said = format!("no aim says `{}`", shown(word));
        notes.push(match pointed {
            Some((d, domain)) => {
                let under = content.under(d);
                let count = (content.aims.iter())
                    .filter(|aim| aim.domains.iter().any(|tag| under[tag.index()]))
                    .count();
                format!(
                    "  hint: {said}; see the domain {} ({count} aims): aims list -d {}",
                    domain.name, domain.id
                )
            }
            None => format!("  hint: {said}"),
        });
    }
    if missing.is_empty() {
        notes.push("  hint: each word stands in some aim, but no aim holds them all".to_owned());
    }
    let titles: Vec<String> = content
        .sources
        .iter()
        .map(|s| format!("\"{}\"", s.title))
        .collect();
    notes.push(format!(
        "  hint: the content holds {} aims, all quoted from {}",
        content.aims.len(),
        titles.join(", ")
    ));
    // The topics spelled closest to a word that found nothing.
    let keys: Vec<(&str, String)> = content
        .domains
        .iter()
        .flat_map(|d| {
            d.keys()
                .map(move |(key, _)| (&**key, format!("-d {}", d.id)))
        })
        .chain(content.pillars.iter().flat_map(|p| {
            p.keys()
                .map(move |(key, _)| (&**key, format!("-p {}", p.id)))
        }))
        .collect();
    let mut near: Vec<String> = Vec::new();
    for word in &missing {
        if let Some(close) = crate::suggest::closest(word, keys.iter().map(|(key, _)| *key))
            && let Some((_, flag)) = keys.iter().find(|(key, _)| *key == close)
            && !near.contains(flag)
        {
            near.push(flag.clone());
        }
    }
    if !near.is_empty() {
        notes.push(format!(
            "  hint: the closest topics: aims list {}",
            near.join(", aims list ")
        ));
    }
    notes
}

/// The indices of the aims with these ids (ignoring case), in the order given.
/// A clause (`2.7`) or an article (`2`) stands for the aims that quote it.
/// Every id that names nothing is reported, not only the first.
pub fn find(content: &Content, ids: &[String]) -> Result<Vec<usize>, UsageError> {
    let aims = |id: &str| -> Vec<usize> {
        let id = search::fold(id.trim());
        if let Some(i) = content
            .aims
            .iter()
            .position(|aim| search::fold(&aim.id) == id)
        {
            return vec![i];
        }
        let clauses = matching_clauses(&content.clauses, &id);
        (0..content.aims.len())
            .filter(|&i| {
                content.aims[i]
                    .clause
                    .as_ref()
                    .is_some_and(|c| clauses.contains(&c.index()))
            })
            .collect()
    };
    let named: Vec<Vec<usize>> = ids.iter().map(|id| aims(id)).collect();
    let unknown: Vec<&str> = ids
        .iter()
        .zip(&named)
        .filter(|(_, aims)| aims.is_empty())
        .map(|(id, _)| id.as_str())
        .collect();
    if unknown.is_empty() {
        let mut found = Vec::new();
        for &i in named.iter().flatten() {
            if !found.contains(&i) {
                found.push(i);
            }
        }
        return Ok(found);
    }
    let valid: Vec<&str> = content.aims.iter().map(|a| &*a.id).collect();
    let unknown_aim = |id: &str| {
        let mut error = UsageError::unknown("aim", id, &pairs(&valid), &valid);
        if !matches!(error.hints.first(), Some(Hint::DidYouMean(_))) {
            // `show 7` may mean clause 2.7.
            let hint = clause_hint(&content.clauses, id)
                .filter(|hint| matches!(hint, Hint::DidYouMean(_)));
            error.hints.splice(0..0, hint);
        }
        pointer(content, id, &mut error);
        error
    };
    let mut error = unknown_aim(unknown[0]);
    if unknown.len() > 1 {
        let quoted: Vec<String> = unknown
            .iter()
            .map(|id| format!("`{}`", shown(id)))
            .collect();
        error.message = format!("unknown aims {}", quoted.join(", "));
        // Each "did you mean" and pointer, then the list of valid ids once.
        let list = error.hints.pop();
        error.hints = unknown
            .iter()
            .flat_map(|id| unknown_aim(id).hints)
            .filter(|hint| !matches!(hint, Hint::Valid { .. }))
            .collect();
        error.hints.extend(list);
    }
    Err(error)
}

/// Resolves the values of one facet filter against the keys each record
/// answers to (id, name, aliases), then against their word forms (`laws` is
/// `law`). None when the filter was not given.
fn facet<'a, R: Record<'a>>(
    content: &Content,
    records: &[R],
    values: &[String],
) -> Result<Option<Vec<usize>>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    let kind = R::KIND.name;
    let stems = |text: &str| -> Vec<String> { search::words(text).map(search::stem).collect() };
    let mut allowed = Vec::new();
    for value in values {
        let wanted = fold_key(nonempty(&format!("{kind} value"), value)?);
        let exact = records.iter().position(|record| {
            !wanted.is_empty() && record.keys().any(|(key, _)| fold_key(key) == wanted)
        });
        let found = exact.or_else(|| {
            let wanted = stems(value);
            records
                .iter()
                .position(|record| record.keys().any(|(key, _)| stems(key) == wanted))
        });
        let Some(i) = found else {
            let all: Vec<(&str, &str)> = records
                .iter()
                .flat_map(|record| {
                    let id: &str = record.id();
                    record.keys().map(move |(key, _)| (&**key, id))
                })
                .collect();
            let ids: Vec<&str> = records.iter().map(|record| &**record.id()).collect();
            let mut error = UsageError::unknown(kind, value, &all, &ids);
            pointer(content, value, &mut error);
            return Err(error);
        };
        if !allowed.contains(&i) {
            allowed.push(i);
        }
    }
    Ok(Some(allowed))
}

/// How many aims hold `word` (a word or phrase), as `search` matches it.
pub fn holding(content: &Content, word: &str) -> usize {
    let Ok(terms) = Terms::new(std::slice::from_ref(&word.to_owned())) else {
        return 0;
    };
    let all: Vec<usize> = (0..content.aims.len()).collect();
    search::filter(content, &all, &terms, true).len()
}

/// Where a value names nothing but stands in the aims' text, a hint that
/// leads to `aims search`, before the list of valid values.
fn pointer(content: &Content, value: &str, error: &mut UsageError) {
    if error
        .hints
        .iter()
        .any(|hint| matches!(hint, Hint::DidYouMean(_)))
    {
        // A close value is what was meant: the text is beside the point.
        return;
    }
    let count = holding(content, value);
    let at = error.hints.len().saturating_sub(1);
    if count == 0 {
        let hint = format!(
            "no aim's title, quote or topics hold `{}` either",
            shown(value.trim())
        );
        error.hints.insert(at, hint.into());
        return;
    }
    // A command to paste into a shell: on the content in use, the value
    // quoted where a shell would split it.
    let content = content.file().map_or_else(String::new, |file| {
        let file = file.to_string_lossy();
        format!("--content {} ", escaped(&shell_words::quote(&file)))
    });
    let aims = if count == 1 {
        "1 aim"
    } else {
        &format!("{count} aims")
    };
    let hint = format!(
        "`{}` stands in the text of {aims}: aims {content}search {}",
        shown(value.trim()),
        shown(&shell_words::quote(value.trim()))
    );
    error.hints.insert(at, hint.into());
}

/// The clauses a value names: a clause id (`2.7`), or an article (`2`,
/// `Article 2`, `art. 2`).
fn matching_clauses(clauses: &[Clause], value: &str) -> Vec<usize> {
    let value = value.trim().to_lowercase();
    let value = ["article", "art.", "art"]
        .iter()
        .find_map(|word| value.strip_prefix(word))
        .unwrap_or(&value)
        .trim();
    (0..clauses.len())
        .filter(|&i| *clauses[i].id == *value || clauses[i].article.value.to_string() == value)
        .collect()
}

/// What to say of a value that names no clause: an item's number alone
/// (`7`) means its clause (`2.7`); past the last item, what the items are.
fn clause_hint(clauses: &[Clause], value: &str) -> Option<Hint> {
    let value = value.trim();
    if let Some(clause) = clauses.iter().find(|c| c.item.value.to_string() == value) {
        return Some(Hint::DidYouMean(vec![clause.id.to_string()]));
    }
    let (article, _) = value.split_once('.')?;
    let items: Vec<u32> = clauses
        .iter()
        .filter(|c| c.article.value.to_string() == article)
        .map(|c| c.item.value)
        .collect();
    let (first, last) = (items.iter().min()?, items.iter().max()?);
    Some(Hint::Say(format!(
        "article {article} has items {first} to {last}"
    )))
}

/// `--clause 2.7` is one item; `--clause 2` every item of article 2.
fn clauses(clauses: &[Clause], values: &[String]) -> Result<Option<Vec<usize>>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    let mut allowed = Vec::new();
    for value in values {
        let value = nonempty("clause value", value)?;
        let matching = matching_clauses(clauses, value);
        if matching.is_empty() {
            let valid = clause_values(clauses);
            let valid: Vec<&str> = valid.iter().map(AsRef::as_ref).collect();
            // Numbers are not misspelt: no "did you mean" by likeness.
            let mut error = UsageError::unknown("clause", value, &[], &valid);
            error.hints.splice(0..0, clause_hint(clauses, value));
            return Err(error);
        }
        allowed.extend(matching);
    }
    Ok(Some(allowed))
}

/// What `--clause` takes: each article, then each clause id.
pub fn clause_values(clauses: &[Clause]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for clause in clauses {
        let article = clause.article.value.to_string();
        if !values.contains(&article) {
            values.push(article);
        }
    }
    values.extend(clauses.iter().map(|c| c.id.to_string()));
    values
}

/// The patterns of `--text` or of `search`'s words; None when none are given.
fn terms(what: &str, values: &[String]) -> Result<Option<Terms>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    for value in values {
        nonempty(what, value)?;
    }
    if values.iter().all(|value| search::is_stop(value)) {
        return Err(UsageError {
            message: format!(
                "`{}` says nothing of a topic: search ignores such words",
                shown(&values.join(" "))
            ),
            hints: vec!["search for what the aims are about, as in `aims search trade`".into()],
        });
    }
    Terms::new(values).map(Some).map_err(|value| UsageError {
        message: format!(
            "the {what} `{}` has no letters or digits to match",
            shown(value)
        ),
        hints: vec!["search matches whole words, in their English forms".into()],
    })
}

fn nonempty<'v>(what: &str, value: &'v str) -> Result<&'v str, UsageError> {
    if value.trim().is_empty() {
        Err(UsageError {
            message: format!("an empty {what} matches nothing"),
            hints: vec!["check for a stray comma, or quote a value that has spaces".into()],
        })
    } else {
        Ok(value.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_as_search_folds_words() {
        for (value, expected) in [
            ("Shared_History", "sharedhistory"),
            ("u.n.", "un"),
            ("İstanbul", "istanbul"),
            ("İSTANBUL", "istanbul"),
            ("I\u{307}stanbul", "istanbul"),
        ] {
            assert_eq!(fold_key(value), expected, "{value}");
        }
    }

    fn builtin() -> Content<'static> {
        crate::content::load(&crate::content::Origin::Builtin).expect("the built-in content")
    }

    fn searched(content: &Content, words: &[&str]) -> (Vec<(String, Vec<String>)>, Answer) {
        let words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        let query = Query::resolve(content, &Filters::default(), &words).expect("a query");
        let (hits, answer) = select_with(content, &query);
        let hits = hits
            .into_iter()
            .map(|hit| {
                let via = hit
                    .via
                    .iter()
                    .map(|&d| content.domains[d].id.to_string())
                    .collect();
                (content.aims[hit.aim].id.to_string(), via)
            })
            .collect();
        (hits, answer)
    }

    #[test]
    fn a_topic_word_finds_the_narrower_domains_aims_after_its_own() {
        let content = builtin();
        let (hits, answer) = searched(&content, &["economy"]);
        assert_eq!(answer, Answer::Every);
        let last = hits.last().expect("hits");
        assert_eq!(
            last,
            &("trade-investment".to_owned(), vec!["trade".to_owned()])
        );
        assert!(hits[..hits.len() - 1].iter().all(|(_, via)| via.is_empty()));
        // Both words must still be answered: by the text or by the topic.
        let (hits, answer) = searched(&content, &["economy", "investment"]);
        assert_eq!(answer, Answer::Every);
        assert_eq!(
            hits,
            [("trade-investment".to_owned(), vec!["trade".to_owned()])]
        );
    }

    #[test]
    fn words_no_aim_holds_together_fall_back_to_those_holding_some() {
        let content = builtin();
        let (hits, answer) = searched(&content, &["trade", "borders"]);
        assert_eq!(
            answer,
            Answer::Some(vec!["trade".to_owned(), "borders".to_owned()])
        );
        assert_eq!(hits[0].0, "trade-investment");
        assert_eq!(hits.len(), 4);
        // One word that nothing holds: no fallback, nothing.
        let (hits, answer) = searched(&content, &["zzyzx"]);
        assert_eq!((hits.len(), answer), (0, Answer::Every));
        // Nor for words that no aim holds at all.
        let (hits, answer) = searched(&content, &["zzyzx", "qqq"]);
        assert_eq!((hits.len(), answer), (0, Answer::Every));
    }

    #[test]
    fn an_empty_answer_names_what_is_missing_and_what_the_content_holds() {
        let content = builtin();
        let notes = emptiness(&content, &["tariff".to_owned(), "turism".to_owned()]);
        assert_eq!(
            notes,
            [
                "  hint: no aim says `tariff`; see the domain Customs (2 aims): aims list -d customs",
                "  hint: no aim says `turism`",
                "  hint: the content holds 29 aims, all quoted from \"What does the Assembly aim to achieve?\"",
                "  hint: the closest topics: aims list -d tourism",
            ]
        );
    }
}
