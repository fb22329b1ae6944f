//! The relations between domains, as a thesaurus has them: each names a
//! domain, none its own, no pair is both broader and related, and no domain is
//! broader than itself through a chain of `broader`.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::Problem;
use crate::model::{Domain, Ref};

use super::index::Index;

/// Checks the `broader` and `related` lists of every domain.
pub fn check_relations(domains: &[Domain], index: &Index, problems: &mut Vec<Problem>) {
    // The resolved edges: (from, to, the reference), for the cycle search.
    let mut broader: Vec<Vec<(usize, &Ref)>> = vec![Vec::new(); domains.len()];
    let mut related: HashSet<(usize, usize)> = HashSet::default();
    for (from, domain) in domains.iter().enumerate() {
        let owner = format!("domain `{}`", domain.id);
        for (relation, list) in [("broader", &domain.broader), ("related", &domain.related)] {
            for (i, reference) in list.iter().enumerate() {
                if list[..i].iter().any(|earlier| *earlier.id == *reference.id) {
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
