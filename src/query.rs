//! Filters: what `list`, `search` and `matrix` select, and the aims `show`
//! names, resolved against the content from the plain values the user typed.

use crate::check::quote::fold_whitespace as fold;
use crate::model::{Aim, Clause, Content, Record, Ref};
use crate::suggest::{UsageError, pairs, shown};

/// The values of the filters, as typed: each may hold several.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub pillar: Vec<String>,
    pub domain: Vec<String>,
    pub clause: Vec<String>,
    pub source: Vec<String>,
    pub text: Vec<String>,
}

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
        Ok(Query {
            pillars: facet(&content.pillars, &filters.pillar)?,
            domains: facet(&content.domains, &filters.domain)?,
            clauses: clauses(&content.clauses, &filters.clause)?,
            sources: facet(&content.sources, &filters.source)?,
            texts: texts("--text value", &filters.text)?,
            words: texts("search word", words)?,
        })
    }

    fn matches(&self, aim: &Aim) -> bool {
        let any = |allowed: &Option<Vec<usize>>, tags: &[Ref]| {
            allowed
                .as_ref()
                .is_none_or(|allowed| tags.iter().any(|tag| allowed.contains(&tag.index())))
        };
        let facets = any(&self.pillars, &aim.pillars)
            && any(&self.domains, &aim.domains)
            && any(&self.clauses, aim.clause.as_slice())
            && any(&self.sources, std::slice::from_ref(&aim.source));
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
    let valid: Vec<&str> = content.aims.iter().map(|a| &*a.id).collect();
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

/// Resolves the values of one facet filter against the keys each record
/// answers to (id, name, aliases). None when the filter was not given.
fn facet<'a, R: Record<'a>>(
    records: &[R],
    values: &[String],
) -> Result<Option<Vec<usize>>, UsageError> {
    if values.is_empty() {
        return Ok(None);
    }
    let kind = R::KIND.name;
    let mut allowed = Vec::new();
    for value in values {
        let wanted = nonempty(&format!("{kind} value"), value)?.to_lowercase();
        let found = records
            .iter()
            .position(|record| record.keys().any(|(key, _)| key.to_lowercase() == wanted));
        let Some(i) = found else {
            let all: Vec<(&str, &str)> = records
                .iter()
                .flat_map(|record| {
                    let id: &str = record.id();
                    record.keys().map(move |(key, _)| (&**key, id))
                })
                .collect();
            let ids: Vec<&str> = records.iter().map(|record| &**record.id()).collect();
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
            .filter(|&i| *clauses[i].id == *value || clauses[i].article.value.to_string() == value)
            .collect();
        if matching.is_empty() {
            let valid = clause_values(clauses);
            let valid: Vec<&str> = valid.iter().map(AsRef::as_ref).collect();
            return Err(UsageError::unknown("clause", value, &pairs(&valid), &valid));
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
