//! The records of one kind, by the keys users type: reports keys that are
//! empty, malformed or shared by two records, and resolves references by id.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use crate::diagnostic::{Lines, Problem, unknown};
use crate::model::{Key, Record, Records, Role, Text};
use crate::suggest::shown;

/// The records of one kind, by id, for resolving references.
pub struct Index<'a> {
    pub name: &'static str,
    pub ids: Vec<&'a str>,
    /// Each id's record (the first, where ids repeat).
    by_id: HashMap<&'a str, usize>,
    /// The ids of the records of this kind that could not be read (None: one
    /// without an id). A reference to one of them is not a problem of its own.
    unread: Vec<Option<&'a str>>,
}

/// Who first had a key: the record, what the key is to it, where it is, as written.
struct Owner<'a> {
    record: usize,
    key: Key,
    start: usize,
    written: &'a str,
}

impl<'a> Index<'a> {
    /// Indexes the records of a kind by their keys (id first, then name, title
    /// or aliases). Reports malformed ids and keys that two records share: users
    /// type these keys, so each must name one record.
    pub fn new<R: Record<'a>>(
        records: &'a [R],
        all: &'a Records<'a>,
        lines: &Lines,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let name = R::KIND.name;
        let count = records.len();
        let mut owners: HashMap<Cow<str>, Owner> =
            HashMap::with_capacity_and_hasher(count, rustc_hash::FxBuildHasher);
        let mut ids = Vec::with_capacity(count);
        let mut by_id = HashMap::with_capacity_and_hasher(count, rustc_hash::FxBuildHasher);
        for (index, record) in records.iter().enumerate() {
            let id = record.id();
            ids.push(&**id);
            by_id.entry(&**id).or_insert(index);
            for (value, key) in record.keys() {
                if value.trim().is_empty() {
                    problems.push(Problem::new(
                        value.span.clone(),
                        format!("{name} {} is empty", key.label()),
                    ));
                    continue;
                }
                malformed(name, value, key, problems);
                // Most ids are lower case already: no copy for them.
                let folded = if value.chars().any(char::is_uppercase) {
                    Cow::Owned(value.to_lowercase())
                } else {
                    Cow::Borrowed(&**value)
                };
                match owners.get(&folded) {
                    Some(owner) if owner.record == index => {}
                    Some(owner) => {
                        let message = collision(name, id, value, key, owner, &ids);
                        let line = lines.line(owner.start);
                        problems.push(
                            Problem::new(value.span.clone(), message)
                                .hint(format!("first defined at line {line}")),
                        );
                    }
                    None => {
                        owners.insert(
                            folded,
                            Owner {
                                record: index,
                                key,
                                start: value.span.start,
                                written: value,
                            },
                        );
                    }
                }
            }
        }
        let unread = all
            .unread
            .iter()
            .filter(|(kind, _)| *kind == name)
            .map(|(_, id)| id.as_deref())
            .collect();
        Index {
            name,
            ids,
            by_id,
            unread,
        }
    }

    /// The index of the record `reference` names; if none, a problem with the
    /// closest id (none when it may name a record that could not be read).
    pub fn resolve(&self, reference: &Text<'_>, owner: &str) -> Result<usize, Option<Problem>> {
        let value: &str = reference;
        self.by_id.get(value).copied().ok_or_else(|| {
            let maybe_unread = self.unread.iter().any(|id| id.is_none_or(|id| id == value));
            (!maybe_unread).then(|| {
                unknown(
                    reference.span.clone(),
                    &format!("{owner} names unknown {} `{}`", self.name, shown(value)),
                    value,
                    &self.ids,
                    &format!("{}s", self.name),
                )
            })
        })
    }
}

/// Ids and aliases are typed on the command line: no white space, control
/// character or comma.
fn malformed(name: &str, value: &Text<'_>, key: Key, problems: &mut Vec<Problem>) {
    let bad = |c: &char| c.is_whitespace() || c.is_control() || *c == ',';
    if !key.is_word() {
        return;
    }
    if let Some(bad) = value.chars().find(bad) {
        problems.push(
            Problem::new(
                value.span.clone(),
                format!("{name} {} `{}` holds {bad:?}", key.label(), &**value),
            )
            .hint("ids and aliases are typed on the command line, where commas separate values: use letters, digits, `-` or `.`"),
        );
    }
}

/// What is wrong with a key that `owner` already has (ignoring case).
fn collision(name: &str, id: &str, value: &str, key: Key, owner: &Owner, ids: &[&str]) -> String {
    let both_ids = key.role == Role::Id && owner.key.role == Role::Id;
    if both_ids && owner.written == value {
        format!("duplicate {name} id `{value}`")
    } else if both_ids {
        format!(
            "{name} id `{value}` differs from {name} id `{}` only in case, and ids are matched ignoring case",
            owner.written
        )
    } else {
        format!(
            "{name} {} `{value}` of `{id}` is already the {} of {name} `{}`",
            key.label(),
            owner.key.label(),
            ids[owner.record]
        )
    }
}
