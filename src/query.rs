//! Filters, and the rows of each listing: pure functions from (content, query)
//! to rows.

use crate::check::fold_whitespace as fold;
use crate::cli::{Facet, Filters};
use crate::content::{Aim, Clause, Content};
use crate::output::{Field, Listing, names};
use crate::suggest::{UsageError, pairs, shown};

/// What `list` and `search` select: each facet filter is a set of allowed records
/// (OR within), all filters must hold (AND across).
#[derive(Debug, Default)]
pub struct Query {
    pillars: Option<Vec<usize>>,
    domains: Option<Vec<usize>>,
    clauses: Option<Vec<usize>>,
    sources: Option<Vec<usize>>,
    /// Any of these must stand in the title or quote (lower-cased).
    texts: Vec<String>,
    /// All of these must stand in the title or quote (lower-cased).
    words: Vec<String>,
}

impl Query {
    /// Resolves the typed values against `content`: each must name a record, or
    /// it is a usage error with the closest valid value.
    pub fn resolve(
        content: &Content,
        filters: &Filters,
        words: &[String],
    ) -> Result<Self, UsageError> {
        let pillar_keys = |p: usize| {
            let pillar = &content.pillars[p];
            vec![pillar.id.as_ref(), pillar.name.as_ref()]
        };
        let domain_keys = |d: usize| {
            let domain = &content.domains[d];
            let mut keys = vec![domain.id.as_ref(), domain.name.as_ref()];
            keys.extend(domain.aliases.iter().map(AsRef::as_ref));
            keys
        };
        let source_keys = |s: usize| {
            let source = &content.sources[s];
            vec![source.id.as_ref(), source.title.as_ref()]
        };
        Ok(Query {
            pillars: facet(
                "pillar",
                &filters.pillar,
                content.pillars.len(),
                pillar_keys,
            )?,
            domains: facet(
                "domain",
                &filters.domain,
                content.domains.len(),
                domain_keys,
            )?,
            clauses: clauses(&content.clauses, &filters.clause)?,
            sources: facet(
                "source",
                &filters.source,
                content.sources.len(),
                source_keys,
            )?,
            texts: texts("--text value", &filters.text)?,
            words: texts("search word", words)?,
        })
    }

    fn matches(&self, aim: &Aim) -> bool {
        let any = |allowed: &Option<Vec<usize>>, tags: &[usize]| {
            allowed
                .as_ref()
                .is_none_or(|allowed| tags.iter().any(|tag| allowed.contains(tag)))
        };
        let facets = any(&self.pillars, &aim.pillars)
            && any(&self.domains, &aim.domains)
            && any(&self.clauses, aim.clause.as_slice())
            && any(&self.sources, &[aim.source]);
        if !facets || (self.texts.is_empty() && self.words.is_empty()) {
            return facets;
        }
        let haystack = format!("{}\n{}", aim.title, fold(&aim.quote)).to_lowercase();
        (self.texts.is_empty() || self.texts.iter().any(|t| starts_a_word(&haystack, t)))
            && self.words.iter().all(|w| starts_a_word(&haystack, w))
    }
}

/// Whether `needle` stands in `haystack` at the start of a word: `invest`
/// finds "investment", `age` does not find "encourage". Both are lower-cased.
fn starts_a_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let first = needle.chars().next();
        // A needle that starts with punctuation may start anywhere.
        !(before.is_some_and(char::is_alphanumeric) && first.is_some_and(char::is_alphanumeric))
    })
}

/// The indices of the aims `query` selects, in the content's order.
pub fn select(content: &Content, query: &Query) -> Vec<usize> {
    (0..content.aims.len())
        .filter(|&i| query.matches(&content.aims[i]))
        .collect()
}

/// The indices of the aims with these ids (ignoring case), in the order given.
/// Every id that names no aim is reported, not only the first.
pub fn find(content: &Content, ids: &[String]) -> Result<Vec<usize>, UsageError> {
    let position = |id: &str| {
        let id = id.trim().to_lowercase();
        content
            .aims
            .iter()
            .position(|aim| aim.id.to_lowercase() == id)
    };
    let unknown: Vec<&str> = ids
        .iter()
        .map(AsRef::as_ref)
        .filter(|id| position(id).is_none())
        .collect();
    if unknown.is_empty() {
        return Ok(ids.iter().filter_map(|id| position(id)).collect());
    }
    let valid: Vec<&str> = content.aims.iter().map(|a| a.id.as_ref()).collect();
    let mut error = UsageError::unknown("aim", unknown[0], &pairs(&valid), &valid);
    if unknown.len() > 1 {
        let quoted: Vec<String> = unknown
            .iter()
            .map(|id| format!("`{}`", shown(id)))
            .collect();
        error.message = format!("unknown aims {}", quoted.join(", "));
        // Each "did you mean", then the list of valid ids once.
        let list = error.hints.pop();
        error.hints = unknown
            .iter()
            .flat_map(|id| UsageError::unknown("aim", id, &pairs(&valid), &valid).hints)
            .filter(|hint| hint.starts_with("did you mean"))
            .collect();
        error.hints.extend(list);
    }
    Err(error)
}

/// Resolves the values of one facet filter; `keys(i)` are what record `i` answers
/// to (id first). None when the filter was not given.
fn facet<'a>(
    kind: &str,
    values: &[String],
    count: usize,
    keys: impl Fn(usize) -> Vec<&'a str>,
) -> Result<Option<Vec<usize>>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    let mut allowed = Vec::new();
    for value in values {
        let wanted = nonempty(&format!("{kind} value"), value)?.to_lowercase();
        let Some(i) = (0..count).find(|&i| keys(i).iter().any(|key| key.to_lowercase() == wanted))
        else {
            let all: Vec<(&str, &str)> = (0..count)
                .flat_map(|i| {
                    let keys = keys(i);
                    let id = keys[0];
                    keys.into_iter().map(move |key| (key, id))
                })
                .collect();
            let ids: Vec<&str> = (0..count).map(|i| keys(i)[0]).collect();
            return Err(UsageError::unknown(kind, value, &all, &ids));
        };
        allowed.push(i);
    }
    Ok(Some(allowed))
}

/// `--clause 2.7` is one item; `--clause 2` every item of article 2.
fn clauses(clauses: &[Clause], values: &[String]) -> Result<Option<Vec<usize>>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    let mut allowed = Vec::new();
    for value in values {
        let value = nonempty("clause value", value)?;
        let matching: Vec<usize> = (0..clauses.len())
            .filter(|&i| clauses[i].id == value || clauses[i].article.to_string() == value)
            .collect();
        if matching.is_empty() {
            let mut valid: Vec<String> = Vec::new();
            for clause in clauses {
                let article = clause.article.to_string();
                if !valid.contains(&article) {
                    valid.push(article);
                }
            }
            valid.extend(clauses.iter().map(|c| c.id.to_string()));
            let valid: Vec<&str> = valid.iter().map(AsRef::as_ref).collect();
            return Err(UsageError::unknown("clause", value, &pairs(&valid), &valid));
        }
        allowed.extend(matching);
    }
    Ok(Some(allowed))
}

fn texts(what: &str, values: &[String]) -> Result<Vec<String>, UsageError> {
    values
        .iter()
        .map(|value| nonempty(what, value).map(|v| fold(v).to_lowercase()))
        .collect()
}

fn nonempty<'v>(what: &str, value: &'v str) -> Result<&'v str, UsageError> {
    if value.trim().is_empty() {
        Err(UsageError {
            message: format!("an empty {what} matches nothing"),
            hints: vec!["check for a stray comma, or quote a value that has spaces".to_owned()],
        })
    } else {
        Ok(value.trim())
    }
}

/// The columns of an aim, in the order of the JSON keys.
pub const AIM_COLUMNS: &[&str] = &[
    "id", "title", "quote", "source", "citation", "clause", "pillars", "domains",
];

/// How to cite an aim: its clause (as quoted in its source), or its source.
pub fn citation(content: &Content, aim: &Aim) -> String {
    let source = &content.sources[aim.source];
    match aim.clause.map(|c| &content.clauses[c]) {
        Some(clause) => format!(
            "{}, Art. {}, item {} (as quoted in \"{}\")",
            clause.instrument, clause.article, clause.item, source.title
        ),
        None => format!("\"{}\"", source.title),
    }
}

/// The rows of these aims.
pub fn aims(content: &Content, selected: &[usize]) -> Listing {
    let rows = selected
        .iter()
        .map(|&i| {
            let aim = &content.aims[i];
            vec![
                Field::Text(aim.id.to_string()),
                Field::Text(aim.title.to_string()),
                Field::Text(fold(&aim.quote).into_owned()),
                Field::Text(content.sources[aim.source].id.to_string()),
                Field::Text(citation(content, aim)),
                Field::Maybe(aim.clause.map(|c| content.clauses[c].id.to_string())),
                Field::List(
                    aim.pillars
                        .iter()
                        .map(|&p| content.pillars[p].id.to_string())
                        .collect(),
                ),
                Field::List(
                    aim.domains
                        .iter()
                        .map(|&d| content.domains[d].id.to_string())
                        .collect(),
                ),
            ]
        })
        .collect();
    let clauses: Vec<usize> = selected
        .iter()
        .filter_map(|&i| content.aims[i].clause)
        .collect();
    Listing {
        noun: "aims",
        columns: names(AIM_COLUMNS),
        brief: names(&["id", "title", "quote"]),
        compact: false,
        rows,
        notes: clause_notes(content, &clauses),
    }
}

/// The records of a facet an aim carries (indices into that facet's records).
fn tags(aim: &Aim, facet: Facet) -> Vec<usize> {
    match facet {
        Facet::Pillar => aim.pillars.clone(),
        Facet::Domain => aim.domains.clone(),
        Facet::Clause => aim.clause.into_iter().collect(),
        Facet::Source => vec![aim.source],
    }
}

/// The ids of a facet's records.
fn facet_ids<'c>(content: &'c Content<'_>, facet: Facet) -> Vec<&'c str> {
    match facet {
        Facet::Pillar => content.pillars.iter().map(|p| p.id.as_ref()).collect(),
        Facet::Domain => content.domains.iter().map(|d| d.id.as_ref()).collect(),
        Facet::Clause => content.clauses.iter().map(|c| c.id.as_ref()).collect(),
        Facet::Source => content.sources.iter().map(|s| s.id.as_ref()).collect(),
    }
}

/// How many aims carry each record of a facet.
fn counts(content: &Content, facet: Facet) -> Vec<usize> {
    let mut counts = vec![0; facet_ids(content, facet).len()];
    for aim in &content.aims {
        for tag in tags(aim, facet) {
            counts[tag] += 1;
        }
    }
    counts
}

/// How many of the selected aims carry each pair of a row and a column record.
pub fn matrix(content: &Content, selected: &[usize], rows: Facet, cols: Facet) -> Listing {
    let row_ids = facet_ids(content, rows);
    let col_ids = facet_ids(content, cols);
    let mut cells = vec![vec![0; col_ids.len()]; row_ids.len()];
    for &i in selected {
        let aim = &content.aims[i];
        for r in tags(aim, rows) {
            for c in tags(aim, cols) {
                cells[r][c] += 1;
            }
        }
    }
    let mut columns = vec!["id".to_owned()];
    columns.extend(col_ids.iter().map(|&id| id.to_owned()));
    let clauses_shown = rows == Facet::Clause || cols == Facet::Clause;
    Listing {
        noun: "rows",
        brief: columns.clone(),
        columns,
        rows: row_ids
            .iter()
            .zip(cells)
            .map(|(id, counts)| {
                let mut row = vec![Field::Text((*id).to_owned())];
                row.extend(counts.into_iter().map(Field::Tally));
                row
            })
            .collect(),
        compact: true,
        notes: if clauses_shown {
            clause_notes(content, &(0..content.clauses.len()).collect::<Vec<_>>())
        } else {
            Vec::new()
        },
    }
}

pub fn pillars(content: &Content) -> Listing {
    let counts = counts(content, Facet::Pillar);
    Listing {
        noun: "pillars",
        columns: names(&["id", "name", "description", "aims"]),
        brief: names(&["id", "name", "aims", "description"]),
        compact: false,
        rows: content
            .pillars
            .iter()
            .zip(counts)
            .map(|(p, n)| {
                vec![
                    Field::Text(p.id.to_string()),
                    Field::Text(p.name.to_string()),
                    Field::Text(p.description.to_string()),
                    Field::Count(n),
                ]
            })
            .collect(),
        notes: Vec::new(),
    }
}

pub fn domains(content: &Content) -> Listing {
    let counts = counts(content, Facet::Domain);
    Listing {
        noun: "domains",
        columns: names(&["id", "name", "aliases", "description", "aims"]),
        brief: names(&["id", "name", "aliases", "aims"]),
        compact: false,
        rows: content
            .domains
            .iter()
            .zip(counts)
            .map(|(d, n)| {
                vec![
                    Field::Text(d.id.to_string()),
                    Field::Text(d.name.to_string()),
                    Field::List(d.aliases.iter().map(ToString::to_string).collect()),
                    Field::Text(d.description.to_string()),
                    Field::Count(n),
                ]
            })
            .collect(),
        notes: Vec::new(),
    }
}

pub fn clauses_listing(content: &Content) -> Listing {
    let counts = counts(content, Facet::Clause);
    Listing {
        noun: "clauses",
        columns: names(&[
            "id",
            "text",
            "instrument",
            "article",
            "item",
            "source",
            "aims",
        ]),
        brief: names(&["id", "text", "aims"]),
        compact: false,
        rows: content
            .clauses
            .iter()
            .zip(counts)
            .map(|(c, n)| {
                vec![
                    Field::Text(c.id.to_string()),
                    Field::Text(fold(&c.text).into_owned()),
                    Field::Text(c.instrument.to_string()),
                    Field::Count(c.article as usize),
                    Field::Count(c.item as usize),
                    Field::Text(content.sources[c.source].id.to_string()),
                    Field::Count(n),
                ]
            })
            .collect(),
        notes: clause_notes(content, &(0..content.clauses.len()).collect::<Vec<_>>()),
    }
}

pub fn sources(content: &Content) -> Listing {
    let counts = counts(content, Facet::Source);
    Listing {
        noun: "sources",
        columns: names(&["id", "title", "standing", "aims"]),
        brief: names(&["id", "title", "aims", "standing"]),
        compact: false,
        rows: content
            .sources
            .iter()
            .zip(counts)
            .map(|(s, n)| {
                vec![
                    Field::Text(s.id.to_string()),
                    Field::Text(s.title.to_string()),
                    Field::Text(fold(&s.standing).into_owned()),
                    Field::Count(n),
                ]
            })
            .collect(),
        notes: Vec::new(),
    }
}

/// Where clauses are shown, say that they are as their source quotes them, not
/// the instrument's official text: one note per source and instrument.
fn clause_notes(content: &Content, clauses: &[usize]) -> Vec<String> {
    let mut notes = Vec::new();
    for &c in clauses {
        let clause = &content.clauses[c];
        let note = format!(
            "clauses are as quoted in \"{}\", not the official text of the {}: its wording and order may differ (see `aims sources`)",
            content.sources[clause.source].title, clause.instrument
        );
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::starts_a_word;

    #[test]
    fn words_match_at_the_start_of_a_word() {
        let text = "to encourage broad cooperation; fostering trade and investment (un)";
        for (needle, expected) in [
            ("encourage", true),
            ("age", false),
            ("invest", true),
            ("trade and", true),
            ("rade", false),
            ("(un)", true),
            ("un)", true),
            ("cooperation;", true),
        ] {
            assert_eq!(starts_a_word(text, needle), expected, "{needle:?}");
        }
    }
}
