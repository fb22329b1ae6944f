//! The records of one kind, by the keys users type: reports keys that are
//! empty, malformed or shared by two records, and resolves references by id.

use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use crate::diagnostic::{Lines, Problem, unknown};
use crate::model::{Key, Record, Records, Role, Text};
use crate::suggest::shown;
use crate::text::{fold_key, is_key_char};

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
        let mut owners: HashMap<String, Owner> =
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
                if malformed(name, value, key, problems) {
                    continue;
                }
                // As lookup compares what users type (`a-b` names `ab`).
                let folded = fold_key(value);
                match owners.get(folded.as_str()) {
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

/// What users type must name one record, in any shell, and look like what
/// it is: an id or alias is letters, digits, `-` and `.` only (no white
/// space, comma, shell syntax or invisible character), holds a letter or
/// digit, and every key (names too) is in NFC, the form keyboards type: `café`
/// with a combining accent would look the same and match nothing.
/// Returns whether the key is unusable, and so not worth comparing.
fn malformed(name: &str, value: &Text<'_>, key: Key, problems: &mut Vec<Problem>) -> bool {
    let label = key.label();
    let problem =
        |message: String, hint: &str| Problem::new(value.span.clone(), message).hint(hint);
    if !is_nfc(value) {
        let composed: String = value.nfc().collect();
        problems.push(problem(
            format!(
                "{name} {label} `{}` is not in composed form (NFC): it looks like `{}` but does not match it",
                shown(value),
                shown(&composed)
            ),
            &format!("write it composed: \"{}\"", shown(&composed)),
        ));
        return true;
    }
    if key.is_word() {
        if let Some(bad) = value.chars().find(|&c| !is_key_char(c)) {
            problems.push(problem(
                format!("{name} {label} `{}` holds {bad:?}", shown(value)),
                "ids and aliases are typed on the command line and offered by completion scripts: use letters, digits, `-` or `.`",
            ));
            return true;
        }
        if fold_key(value).is_empty() {
            problems.push(problem(
                format!("{name} {label} `{}` holds no letter or digit", shown(value)),
                "ids and aliases are matched by their letters and digits: use some",
            ));
            return true;
        }
    }
    false
}

/// What is wrong with a key that `owner` already has (ignoring case).
fn collision(name: &str, id: &str, value: &str, key: Key, owner: &Owner, ids: &[&str]) -> String {
    let both_ids = key.role == Role::Id && owner.key.role == Role::Id;
    if both_ids && owner.written == value {
        format!("duplicate {name} id `{value}`")
    } else if both_ids && owner.written.to_lowercase() == value.to_lowercase() {
        format!(
            "{name} id `{value}` differs from {name} id `{}` only in case, and ids are matched ignoring case",
            owner.written
        )
    } else if both_ids {
        format!(
            "{name} id `{value}` differs from {name} id `{}` only in case or punctuation, and ids are matched by their letters and digits",
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
