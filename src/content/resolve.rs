//! Resolving checked records: each reference gets the index of the record it
//! names. `check` has made sure every reference resolves, so a miss here is a
//! bug, not bad input.

use rustc_hash::FxHashMap;

use crate::model::{Content, Record, Records, Ref};

/// The content of checked records, every `Ref` resolved.
pub fn resolve(mut records: Records<'_>) -> Content<'_> {
    let sources = index(&records.sources);
    let pillars = index(&records.pillars);
    let domains = index(&records.domains);
    let clauses = index(&records.clauses);
    for domain in &mut records.domains {
        for other in domain.broader.iter_mut().chain(&mut domain.related) {
            at(&domains, other);
        }
    }
    for clause in &mut records.clauses {
        at(&sources, &mut clause.source);
    }
    for aim in &mut records.aims {
        at(&sources, &mut aim.source);
        if let Some(clause) = &mut aim.clause {
            at(&clauses, clause);
        }
        for pillar in &mut aim.pillars {
            at(&pillars, pillar);
        }
        for domain in &mut aim.domains {
            at(&domains, domain);
        }
    }
    Content::resolved(records)
}

/// Each record's index, by its id.
fn index<'a, R: Record<'a>>(records: &[R]) -> FxHashMap<String, usize> {
    records
        .iter()
        .enumerate()
        .map(|(i, record)| (record.id().to_string(), i))
        .collect()
}

fn at(ids: &FxHashMap<String, usize>, reference: &mut Ref<'_>) {
    let index = *ids
        .get(&*reference.id)
        .expect("checked content has no dangling reference");
    reference.resolve(index);
}
