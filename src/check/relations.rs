//! The relations between domains, as a thesaurus has them: each names a
//! domain, none its own, no pair is both broader and related, and no domain is
//! broader than itself through a chain of `broader`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::Problem;
use crate::model::{Domain, Record, Records, Ref};
use crate::suggest::shown;
use crate::text::fold_key;

use super::index::Index;

/// Checks the `broader` and `related` lists of every domain.
pub fn check_relations(domains: &[Domain], index: &Index, problems: &mut Vec<Problem>) {
    // The resolved edges: (from, to, the reference), for the cycle search.
    let mut broader: Vec<Vec<(usize, &Ref)>> = vec![Vec::new(); domains.len()];
    let mut related: HashSet<(usize, usize)> = HashSet::default();
    for (from, domain) in domains.iter().enumerate() {
        let owner = format!("domain `{}`", domain.id);
        for (relation, list) in [("broader", &domain.broader), ("related", &domain.related)] {
            for (reference, repeated) in super::repeats(list) {
                if repeated {
                    problems.push(Problem::new(
                        reference.id.span.clone(),
                        format!("{owner} lists {relation} `{}` twice", reference.id),
                    ));
                    continue;
                }
                let to = match index.resolve(&reference.id, &owner) {
                    Ok(to) => to,
                    Err(problem) => {
                        problems.extend(problem);
                        continue;
                    }
                };
                if to == from {
                    problems.push(
                        Problem::new(
                            reference.id.span.clone(),
                            format!("{owner} names itself as {relation}"),
                        )
                        .hint(format!("a domain's {relation} domains are other domains")),
                    );
                } else if relation == "broader" {
                    broader[from].push((to, reference));
                } else {
                    related.insert((from.min(to), from.max(to)));
                }
            }
        }
    }
    for (from, edges) in broader.iter().enumerate() {
        for (to, reference) in edges {
            if related.contains(&(from.min(*to), from.max(*to))) {
                problems.push(
                    Problem::new(
                        reference.id.span.clone(),
                        format!(
                            "domain `{}` names `{}` both as broader and as related",
                            domains[from].id, domains[*to].id
                        ),
                    )
                    .hint("a narrower domain is already close to its broader one: keep `broader`"),
                );
            }
        }
    }
    cycles(domains, &broader, problems);
}

/// Reports each chain of `broader` that leads back to where it started, once,
/// at the reference that closes it.
fn cycles(domains: &[Domain], broader: &[Vec<(usize, &Ref)>], problems: &mut Vec<Problem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let mut state = vec![State::New; domains.len()];
    for start in 0..domains.len() {
        if state[start] != State::New {
            continue;
        }
        // A depth-first walk without recursion: the path, and each step's next edge.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = State::OnPath;
        while let Some(&mut (at, ref mut next)) = path.last_mut() {
            let Some(&(to, reference)) = broader[at].get(*next) else {
                state[at] = State::Done;
                path.pop();
                continue;
            };
            *next += 1;
            match state[to] {
                State::New => {
                    state[to] = State::OnPath;
                    path.push((to, 0));
                }
                State::OnPath => {
                    let from = path.iter().position(|&(d, _)| d == to).unwrap_or(0);
                    let mut chain: Vec<&str> =
                        path[from..].iter().map(|&(d, _)| &*domains[d].id).collect();
                    chain.push(&domains[to].id);
                    problems.push(
                        Problem::new(
                            reference.id.span.clone(),
                            format!(
                                "`broader` leads from domain `{}` back to itself: {}",
                                domains[to].id,
                                chain.join(" → ")
                            ),
                        )
                        .hint("broader domains form a hierarchy: remove one of these relations"),
                    );
                }
                State::Done => {}
            }
        }
    }
}

/// A domain's see-also words only point: one that is a pillar's or a
/// domain's key would find that record's aims itself, and one written on two
/// domains would point two ways.
pub fn check_see_also(raw: &Records, problems: &mut Vec<Problem>) {
    let mut keys: HashMap<String, String> = HashMap::default();
    for pillar in &raw.pillars {
        for (key, _) in pillar.keys() {
            keys.entry(fold_key(key))
                .or_insert_with(|| format!("pillar `{}`", pillar.id));
        }
    }
    for domain in &raw.domains {
        for (key, _) in domain.keys() {
            keys.entry(fold_key(key))
                .or_insert_with(|| format!("domain `{}`", domain.id));
        }
    }
    let mut pointed: HashMap<String, &str> = HashMap::default();
    for domain in &raw.domains {
        for word in &domain.see_also {
            let folded = fold_key(word);
            if folded.is_empty() {
                problems.push(Problem::new(
                    word.span.clone(),
                    format!("a see-also word of domain `{}` is empty", domain.id),
                ));
            } else if let Some(owner) = keys.get(&folded) {
                problems.push(
                    Problem::new(
                        word.span.clone(),
                        format!(
                            "`{}`, a see-also word of domain `{}`, is a key of {owner}: a search finds its aims itself",
                            shown(word),
                            domain.id
                        ),
                    )
                    .hint("leave it out; where a quote says it, make it an alias"),
                );
            } else if let Some(other) = pointed.insert(folded, &domain.id) {
                problems.push(Problem::new(
                    word.span.clone(),
                    format!(
                        "`{}` is a see-also word of domains `{other}` and `{}`: it would point two ways",
                        shown(word),
                        domain.id
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Records, Text};

    /// Domains from (id, broader, related), and what checking them reports.
    fn problems(domains: &[(&'static str, &[&'static str], &[&'static str])]) -> Vec<String> {
        let text = |s: &'static str| Text::new(0..0, s);
        let refs = |ids: &[&'static str]| ids.iter().map(|id| Ref::new(text(id))).collect();
        let mut records = Records::default();
        for (id, broader, related) in domains {
            records.domains.push(Domain {
                id: text(id),
                name: text(id),
                aliases: Vec::new(),
                see_also: Vec::new(),
                description: text("d"),
                broader: refs(broader),
                related: refs(related),
            });
        }
        let mut problems = Vec::new();
        let index = Index::new(
            &records.domains,
            &records,
            &crate::diagnostic::Lines::new(""),
            &mut problems,
        );
        check_relations(&records.domains, &index, &mut problems);
        problems.into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn a_hierarchy_with_shared_parents_is_no_cycle() {
        // A diamond, and a relation written at both ends.
        let diamond = problems(&[
            ("a", &[], &[]),
            ("b", &["a"], &["c"]),
            ("c", &["a"], &["b"]),
            ("d", &["b", "c"], &[]),
        ]);
        assert!(diamond.is_empty(), "{diamond:?}");
    }

    #[test]
    fn each_cycle_is_reported_once_with_its_chain() {
        assert_eq!(
            problems(&[("a", &["b"], &[]), ("b", &["c"], &[]), ("c", &["a"], &[])]),
            ["`broader` leads from domain `a` back to itself: a → b → c → a"]
        );
        assert_eq!(
            problems(&[
                ("a", &[], &[]),
                ("b", &["c"], &[]),
                ("c", &["b"], &[]),
                ("d", &["d"], &[])
            ]),
            [
                "domain `d` names itself as broader",
                "`broader` leads from domain `b` back to itself: b → c → b",
            ]
        );
    }

    #[test]
    fn a_pair_both_broader_and_related_is_reported_from_either_end() {
        for related_on in ["a", "b"] {
            let (a_related, b_related): (&[&str], &[&str]) = if related_on == "a" {
                (&["b"], &[])
            } else {
                (&[], &["a"])
            };
            assert_eq!(
                problems(&[("a", &[], a_related), ("b", &["a"], b_related)]),
                ["domain `b` names `a` both as broader and as related"],
                "related written on {related_on}"
            );
        }
    }
}
