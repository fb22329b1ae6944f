//! The content model: the five kinds of record, each defined once (its fields,
//! their types and docs, and the keys it answers to), and the content they make.
//!
//! One `records!` definition per kind gives the struct that the parser, the fast
//! reader, the checks and the queries share; the field table the parsers fill
//! and the JSON Schema is written from; and the keys (id, name, aliases) that
//! users type, that must not collide and that justify a tag.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::ops::{Deref, Range};
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

/// A string of a content file with its place: borrowed from the file's text
/// unless an escape had to be decoded. (Not `PartialEq`: compare the strings.)
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub value: Cow<'a, str>,
    pub span: Range<usize>,
}

impl<'a> Text<'a> {
    pub fn new(span: Range<usize>, value: impl Into<Cow<'a, str>>) -> Self {
        Text {
            value: value.into(),
            span,
        }
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// A whole number of a content file, with its place.
#[derive(Debug, Clone)]
pub struct Number {
    pub value: u32,
    pub span: Range<usize>,
}

/// A reference to a record of another kind, by its id: the index of that
/// record once the content is resolved.
#[derive(Debug, Clone)]
pub struct Ref<'a> {
    pub id: Text<'a>,
    index: usize,
}

impl<'a> Ref<'a> {
    pub fn new(id: Text<'a>) -> Self {
        Ref {
            id,
            index: usize::MAX,
        }
    }

    /// The index of the record this names, among the records of its kind.
    /// Only a resolved content (`Content`) has them.
    pub fn index(&self) -> usize {
        debug_assert!(self.index != usize::MAX, "read before it was resolved");
        self.index
    }

    pub(crate) fn resolve(&mut self, index: usize) {
        self.index = index;
    }
}

/// A value as a parser read it, before it is put in its record's field.
#[derive(Debug)]
pub enum Value<'a> {
    Text(Text<'a>),
    Number(Number),
    Texts(Vec<Text<'a>>),
}

/// What a field holds, in TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string.
    Text,
    /// A whole number, 0 to 4,294,967,295.
    Number,
    /// An array of strings.
    Texts,
}

/// One field of a kind of record.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
    /// Its doc comment, a line a string, as the schema shows it.
    pub docs: &'static [&'static str],
}

/// What a key of a record is to the user who types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The id: one word, unique within its kind.
    Id,
    /// A name or title, matched ignoring case; it may hold spaces.
    Name,
    /// Another word for the record: one word, like an id.
    Alias,
}

/// A field whose values a record answers to, and what they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub role: Role,
    pub field: &'static str,
}

impl Key {
    /// Whether the key is typed as one word on the command line.
    pub fn is_word(self) -> bool {
        matches!(self.role, Role::Id | Role::Alias)
    }

    /// What one value of the key is called in messages: "id", "title", "alias".
    pub fn label(self) -> &'static str {
        match self.role {
            Role::Alias => "alias",
            Role::Id | Role::Name => self.field,
        }
    }
}

/// A kind of record: its name in the file (`[[aim]]`), its docs and fields.
#[derive(Debug)]
pub struct Kind {
    pub name: &'static str,
    pub docs: &'static [&'static str],
    pub fields: &'static [Field],
}

impl Kind {
    pub fn field_names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

/// The largest number of fields a kind has.
pub const MOST_FIELDS: usize = {
    let mut most = 0;
    let mut k = 0;
    while k < KINDS.len() {
        if KINDS[k].fields.len() > most {
            most = KINDS[k].fields.len();
        }
        k += 1;
    }
    most
};

/// The values of a record's fields, in the order of its kind's fields; None
/// where a field is absent (and after the last).
pub type Values<'a> = [Option<Value<'a>>; MOST_FIELDS];

/// A Rust type a field can have, and the shape it has in TOML.
pub trait FieldType<'a>: Sized {
    const SHAPE: Shape;
    const REQUIRED: bool;
    /// The field from the value a parser read (None: absent). The parser has
    /// checked the value's shape, and that a required field is there.
    fn from_value(value: Option<Value<'a>>) -> Self;
}

impl<'a> FieldType<'a> for Text<'a> {
    const SHAPE: Shape = Shape::Text;
    const REQUIRED: bool = true;
    fn from_value(value: Option<Value<'a>>) -> Self {
        match value {
            Some(Value::Text(text)) => text,
            _ => unreachable!("the parser checks a required string"),
        }
    }
}

impl<'a> FieldType<'a> for Number {
    const SHAPE: Shape = Shape::Number;
    const REQUIRED: bool = true;
    fn from_value(value: Option<Value<'a>>) -> Self {
        match value {
            Some(Value::Number(number)) => number,
            _ => unreachable!("the parser checks a required number"),
        }
    }
}

impl<'a> FieldType<'a> for Option<Text<'a>> {
    const SHAPE: Shape = Shape::Text;
    const REQUIRED: bool = false;
    fn from_value(value: Option<Value<'a>>) -> Self {
        value.map(|value| Text::from_value(Some(value)))
    }
}

impl<'a> FieldType<'a> for Option<Number> {
    const SHAPE: Shape = Shape::Number;
    const REQUIRED: bool = false;
    fn from_value(value: Option<Value<'a>>) -> Self {
        value.map(|value| Number::from_value(Some(value)))
    }
}

impl<'a> FieldType<'a> for Ref<'a> {
    const SHAPE: Shape = Shape::Text;
    const REQUIRED: bool = true;
    fn from_value(value: Option<Value<'a>>) -> Self {
        Ref::new(Text::from_value(value))
    }
}

impl<'a> FieldType<'a> for Option<Ref<'a>> {
    const SHAPE: Shape = Shape::Text;
    const REQUIRED: bool = false;
    fn from_value(value: Option<Value<'a>>) -> Self {
        value.map(|value| Ref::from_value(Some(value)))
    }
}

impl<'a> FieldType<'a> for Vec<Text<'a>> {
    const SHAPE: Shape = Shape::Texts;
    const REQUIRED: bool = false;
    fn from_value(value: Option<Value<'a>>) -> Self {
        match value {
            Some(Value::Texts(texts)) => texts,
            None => Vec::new(),
            Some(_) => unreachable!("the parser checks an array of strings"),
        }
    }
}

impl<'a> FieldType<'a> for Vec<Ref<'a>> {
    const SHAPE: Shape = Shape::Texts;
    const REQUIRED: bool = false;
    fn from_value(value: Option<Value<'a>>) -> Self {
        Vec::<Text>::from_value(value)
            .into_iter()
            .map(Ref::new)
            .collect()
    }
}

/// The strings a field holds (none for a number), for the checks that read
/// every string of a record.
pub trait FieldTexts<'a> {
    fn each_text(&self, f: &mut dyn FnMut(&Text<'a>));
}

impl<'a> FieldTexts<'a> for Text<'a> {
    fn each_text(&self, f: &mut dyn FnMut(&Text<'a>)) {
        f(self);
    }
}

impl<'a> FieldTexts<'a> for Ref<'a> {
    fn each_text(&self, f: &mut dyn FnMut(&Text<'a>)) {
        f(&self.id);
    }
}

impl<'a> FieldTexts<'a> for Number {
    fn each_text(&self, _: &mut dyn FnMut(&Text<'a>)) {}
}

impl<'a, T: FieldTexts<'a>> FieldTexts<'a> for Option<T> {
    fn each_text(&self, f: &mut dyn FnMut(&Text<'a>)) {
        if let Some(value) = self {
            value.each_text(f);
        }
    }
}

impl<'a, T: FieldTexts<'a>> FieldTexts<'a> for Vec<T> {
    fn each_text(&self, f: &mut dyn FnMut(&Text<'a>)) {
        for value in self {
            value.each_text(f);
        }
    }
}

/// A field that holds keys: one string, or several.
pub trait KeyField<'a> {
    fn texts(&self) -> &[Text<'a>];
}

impl<'a> KeyField<'a> for Text<'a> {
    fn texts(&self) -> &[Text<'a>] {
        std::slice::from_ref(self)
    }
}

impl<'a> KeyField<'a> for Vec<Text<'a>> {
    fn texts(&self) -> &[Text<'a>] {
        self
    }
}

/// A kind of record, as the parsers, checks and queries see it.
pub trait Record<'a>: Sized {
    const KIND: &'static Kind;
    /// The record from its fields' values, in the order of `KIND.fields`.
    fn from_values(values: Values<'a>) -> Self;
    /// The keys the record answers to, id first, each with what it is.
    fn keys<'r>(&'r self) -> impl Iterator<Item = (&'r Text<'a>, Key)>
    where
        'a: 'r;
    fn id(&self) -> &Text<'a>;
    /// Calls `f` with every string of the record and its field's name.
    fn each_text(&self, f: &mut dyn FnMut(&'static str, &Text<'a>));
}

/// Defines each kind of record once: the struct, its `Kind` (fields with their
/// shapes and docs) and its keys.
macro_rules! records {
    ($(
        $(#[doc = $kind_doc:literal])*
        $name:ident $kind:literal in $table:ident {
            $( $(#[doc = $doc:literal])* $field:ident : $ty:ty, )*
        }
        keys { $($key:ident : $role:ident),* }
    )*) => {
        $(
            $(#[doc = $kind_doc])*
            #[derive(Debug)]
            pub struct $name<'a> {
                $( $(#[doc = $doc])* pub $field: $ty, )*
            }

            impl<'a> Record<'a> for $name<'a> {
                const KIND: &'static Kind = &Kind {
                    name: $kind,
                    docs: &[$($kind_doc),*],
                    fields: &[$(Field {
                        name: stringify!($field),
                        shape: <$ty as FieldType>::SHAPE,
                        required: <$ty as FieldType>::REQUIRED,
                        docs: &[$($doc),*],
                    }),*],
                };

                fn from_values(values: Values<'a>) -> Self {
                    let mut values = values.into_iter();
                    $name {
                        $( $field: FieldType::from_value(values.next().flatten()), )*
                    }
                }

                fn keys<'r>(&'r self) -> impl Iterator<Item = (&'r Text<'a>, Key)>
                where
                    'a: 'r,
                {
                    std::iter::empty()
                    $( .chain(KeyField::texts(&self.$key).iter().map(|k| {
                        (k, Key { role: Role::$role, field: stringify!($key) })
                    })) )*
                }

                fn id(&self) -> &Text<'a> {
                    &self.id
                }

                fn each_text(&self, f: &mut dyn FnMut(&'static str, &Text<'a>)) {
                    $( FieldTexts::each_text(&self.$field, &mut |text| f(stringify!($field), text)); )*
                }
            }
        )*

        /// Every kind of record, in the order a content file lists them.
        pub const KINDS: [&Kind; 5] = [$(<$name as Record>::KIND),*];

        /// Records as a parser read them, each kind in the order of the file.
        #[derive(Debug, Default)]
        pub struct Records<'a> {
            $( pub $table: Vec<$name<'a>>, )*
            /// The records that could not be read, by kind and id (if they had
            /// one): a reference to one of them is not dangling, only unread.
            pub unread: Vec<(&'static str, Option<String>)>,
        }

        impl<'a> Records<'a> {
            /// Adds a record of `kind` from its fields' values, which a parser
            /// has checked against the kind's fields.
            pub fn add(&mut self, kind: &Kind, values: Values<'a>) {
                $( if kind.name == $kind {
                    return self.$table.push($name::from_values(values));
                } )*
                unreachable!("a kind of KINDS");
            }
        }
    };
}

records! {
    /// A document the aims are quoted from.
    Source "source" in sources {
        /// A short id to type, such as `assembly-aims`: no white space or comma.
        id: Text<'a>,
        /// The document's title, in sentence case ("What does the Assembly aim
        /// to achieve?"): APA cites it so, and MLA and Chicago turn it to title case.
        title: Text<'a>,
        /// The title shortened to its first few words, for MLA's in-text
        /// citation of a long title (CSL's `title-short`).
        short_title: Option<Text<'a>>,
        /// A note on what the document is and how far it can be relied on.
        standing: Text<'a>,
        /// The document's full text, verbatim: every quote must stand in it.
        text: Text<'a>,
        /// Where the document is read: an `http` or `https` address.
        url: Option<Text<'a>>,
        /// The site (or larger work) the document is part of, as a citation names it.
        site: Option<Text<'a>>,
        /// Who publishes the site or document.
        publisher: Option<Text<'a>>,
        /// The section of the site the document is in.
        section: Option<Text<'a>>,
        /// When the document was published, `YYYY-MM-DD`, if known.
        published: Option<Text<'a>>,
        /// When the text was read (captured), `YYYY-MM-DD`: the access date a citation gives.
        accessed: Option<Text<'a>>,
        /// What a reader of its clauses must know, printed with every listing of
        /// them: for a paraphrase, that its order and wording are not the
        /// instrument's. A source that holds an instrument's own text needs none.
        clause_note: Option<Text<'a>>,
    }
    keys { id: Id, title: Name }

    /// One of the pillars the Assembly is built around.
    Pillar "pillar" in pillars {
        /// A short id to type, such as `shared-history`: no white space or comma.
        id: Text<'a>,
        /// The pillar's name; `--pillar` matches it too, ignoring case.
        name: Text<'a>,
        /// Other words a user may type for it, such as `history`. An aim's quote
        /// justifies the pillar by its id, name or one of these, as whole words.
        aliases: Vec<Text<'a>>,
        /// What the pillar is, in a sentence.
        description: Text<'a>,
    }
    keys { id: Id, name: Name, aliases: Alias }

    /// A field of cooperation.
    Domain "domain" in domains {
        /// A short id to type, such as `transport`: no white space or comma.
        id: Text<'a>,
        /// The domain's name; `--domain` matches it too, ignoring case.
        name: Text<'a>,
        /// Other words a user may type for it, such as `transportation`. An aim's
        /// quote justifies the domain by its id, name or one of these, as whole words.
        aliases: Vec<Text<'a>>,
        /// Words people use for the domain that no quote holds (a thesaurus's
        /// "used for", such as `tariff` for customs): a search for one that
        /// finds nothing points here. They never tag an aim nor justify a tag.
        see_also: Vec<Text<'a>>,
        /// What the domain covers, in a sentence.
        description: Text<'a>,
        /// Ids of the domains this one is a part of, as a thesaurus's broader
        /// terms: `--domain` with one of them lists this one's aims too. The
        /// narrower domains are derived; no domain is broader than itself.
        broader: Vec<Ref<'a>>,
        /// Ids of domains close to this one but not part of it, which listings
        /// name as "see also". Written on either end, it reads the same from both.
        related: Vec<Ref<'a>>,
    }
    keys { id: Id, name: Name, aliases: Alias }

    /// An item of an article of a legal instrument, as its source quotes it.
    Clause "clause" in clauses {
        /// `ARTICLE.ITEM`, such as `2.7`.
        id: Text<'a>,
        /// The legal instrument, such as `Nakhchivan Agreement`.
        instrument: Text<'a>,
        /// The article's number.
        article: Number,
        /// The item's number within the article, in the source's order.
        item: Number,
        /// The id of the source that quotes the clause.
        source: Ref<'a>,
        /// The clause's text, verbatim as the source quotes it.
        text: Text<'a>,
        /// The item's position in the instrument's own list, where verified
        /// (it may differ from the source's order).
        official_item: Option<Number>,
        /// Where the instrument's own position was verified (required with `official_item`).
        verified_in: Option<Text<'a>>,
    }
    keys { id: Id }

    /// A stated aim, with the quote that states it.
    Aim "aim" in aims {
        /// A short slug people can type, such as `combat-terrorism`.
        id: Text<'a>,
        /// A short summary, in the content author's words.
        title: Text<'a>,
        /// Verbatim from the source: letters, case and punctuation as there; runs
        /// of white space may differ; `...` joins excerpts that stand in that order.
        quote: Text<'a>,
        /// The id of the source the quote is from.
        source: Ref<'a>,
        /// The id of the clause the quote is from, if it is one (`2.7`).
        clause: Option<Ref<'a>>,
        /// Ids of the pillars the quote names.
        pillars: Vec<Ref<'a>>,
        /// Ids of the domains the quote names (by id, name or alias).
        domains: Vec<Ref<'a>>,
    }
    keys { id: Id }
}

/// A content that has passed every check, its references resolved: every
/// `Ref` holds the index of the record it names.
#[derive(Debug)]
pub struct Content<'a> {
    records: Records<'a>,
    /// For each domain, the domains whose `broader` names it.
    narrower: Vec<Vec<usize>>,
    /// For each domain, the domains related to it, from either end.
    related: Vec<Vec<usize>>,
    /// The file the content was read from (`--content`, `AIMS_CONTENT`), none
    /// when built in: a command suggested to the user names it, so that it
    /// runs on the same content.
    file: Option<PathBuf>,
    /// For each domain, itself and every domain below it (`with_narrower`),
    /// found the first time it is asked for: a query asks for a few, and all
    /// of them together can be the square of the domains (a deep chain).
    families: Vec<OnceCell<Vec<usize>>>,
    /// The domains as a forest, if each has one broader domain at most;
    /// found the first time aims are counted by domain.
    forest: OnceCell<Option<Forest>>,
}

/// The domains as a forest (each has one broader domain at most, as in most
/// thesauri), to count aims by domain in time linear in their domains: the
/// order of a depth-first walk, and each domain's ancestors at powers of two,
/// to find where the lines of two domains meet.
#[derive(Debug)]
struct Forest {
    broader: Vec<Option<usize>>,
    /// The domains as a depth-first walk from the roots meets them: each
    /// before the domains below it, which follow it together.
    order: Vec<usize>,
    /// Each domain's place in `order`.
    place: Vec<usize>,
    depth: Vec<usize>,
    /// `up[k][d]`: the domain 2^k levels above `d`, or its root if fewer.
    up: Vec<Vec<usize>>,
}

impl Forest {
    /// None if some domain has several broader domains.
    fn new(domains: &[Domain], narrower: &[Vec<usize>]) -> Option<Self> {
        let count = domains.len();
        let mut broader = Vec::with_capacity(count);
        for domain in domains {
            let mut above = domain.broader.iter().map(Ref::index);
            let first = above.next();
            if above.any(|other| Some(other) != first) {
                return None;
            }
            broader.push(first);
        }
        let (mut order, mut place, mut depth) =
            (Vec::with_capacity(count), vec![0; count], vec![0; count]);
        for root in (0..count).filter(|&d| broader[d].is_none()) {
            let mut next = vec![root];
            while let Some(domain) = next.pop() {
                place[domain] = order.len();
                order.push(domain);
                for &below in narrower[domain].iter().rev() {
                    depth[below] = depth[domain] + 1;
                    next.push(below);
                }
            }
        }
        let mut up = vec![
            (0..count)
                .map(|d| broader[d].unwrap_or(d))
                .collect::<Vec<_>>(),
        ];
        let deepest = depth.iter().copied().max().unwrap_or(0);
        while 1 << up.len() <= deepest {
            let last = &up[up.len() - 1];
            let next = last.iter().map(|&d| last[d]).collect();
            up.push(next);
        }
        Some(Forest {
            broader,
            order,
            place,
            depth,
            up,
        })
    }

    /// The lowest domain that both `a` and `b` are, or are below; None in
    /// two trees.
    fn meet(&self, a: usize, b: usize) -> Option<usize> {
        let (mut a, mut b) = if self.depth[a] >= self.depth[b] {
            (a, b)
        } else {
            (b, a)
        };
        let lift = self.depth[a] - self.depth[b];
        for (k, up) in self.up.iter().enumerate() {
            if lift >> k & 1 == 1 {
                a = up[a];
            }
        }
        if a == b {
            return Some(a);
        }
        for up in self.up.iter().rev() {
            if up[a] != up[b] {
                (a, b) = (up[a], up[b]);
            }
        }
        let (a, b) = (self.up[0][a], self.up[0][b]);
        (a == b).then_some(a)
    }

    /// `Content::domain_counts` in a forest. Each set of domains adds its
    /// aims at each of its domains, and takes them off again where the lines
    /// of two of them, next in the walk's order, meet: then the sum over the
    /// domains at and below each domain counts each set once or not at all.
    fn counts(&self, alike: FxHashMap<Vec<usize>, usize>) -> Vec<usize> {
        let count = self.order.len();
        let (mut added, mut taken) = (vec![0; count], vec![0; count]);
        for (mut tags, aims) in alike {
            tags.sort_unstable_by_key(|&tag| self.place[tag]);
            for &tag in &tags {
                added[tag] += aims;
            }
            for pair in tags.windows(2) {
                if let Some(meet) = self.meet(pair[0], pair[1]) {
                    taken[meet] += aims;
                }
            }
        }
        // Below before above: the walk's order, backwards.
        for &domain in self.order.iter().rev() {
            if let Some(above) = self.broader[domain] {
                added[above] += added[domain];
                taken[above] += taken[domain];
            }
        }
        added
            .iter()
            .zip(taken)
            .map(|(added, taken)| added - taken)
            .collect()
    }
}

impl<'a> Content<'a> {
    /// Only the loader makes a `Content`, from records it has checked and
    /// resolved: the domains' relations resolve, and `broader` has no cycle.
    pub(crate) fn resolved(records: Records<'a>) -> Self {
        let count = records.domains.len();
        let (mut narrower, mut related) = (vec![Vec::new(); count], vec![Vec::new(); count]);
        for (i, domain) in records.domains.iter().enumerate() {
            for broader in &domain.broader {
                narrower[broader.index()].push(i);
            }
            for other in &domain.related {
                related[i].push(other.index());
                related[other.index()].push(i);
            }
        }
        for list in &mut related {
            list.sort_unstable();
            list.dedup();
        }
        Content {
            families: vec![OnceCell::new(); count],
            forest: OnceCell::new(),
            records,
            narrower,
            related,
            file: None,
        }
    }

    /// The content, as read from `file` (none: built in).
    #[must_use]
    pub(crate) fn read_from(self, file: Option<PathBuf>) -> Self {
        Content { file, ..self }
    }

    /// The file the content was read from; none when it is built in.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The domains `domain` names as narrower, in the content's order.
    pub fn narrower(&self, domain: usize) -> &[usize] {
        &self.narrower[domain]
    }

    /// The domains related to `domain`, from either end, in the content's order.
    pub fn related(&self, domain: usize) -> &[usize] {
        &self.related[domain]
    }

    /// `domain` and every domain below it through `narrower`, each once, the
    /// domain itself first, then breadth first.
    pub fn with_narrower(&self, domain: usize) -> &[usize] {
        self.families[domain].get_or_init(|| {
            let mut found = vec![domain];
            let mut seen = FxHashSet::from_iter([domain]);
            let mut next = 0;
            while let Some(&at) = found.get(next) {
                for &below in &self.narrower[at] {
                    if seen.insert(below) {
                        found.push(below);
                    }
                }
                next += 1;
            }
            found
        })
    }

    /// For each domain, whether it is `domain` or below it: to test the tags
    /// of many aims, each in one step.
    pub fn under(&self, domain: usize) -> Vec<bool> {
        let mut under = vec![false; self.domains.len()];
        for &below in self.with_narrower(domain) {
            under[below] = true;
        }
        under
    }

    /// For each domain, how many of `aims` carry it or a domain below it:
    /// what `--domain` would list of them, each aim counted once.
    pub fn domain_counts(&self, aims: impl IntoIterator<Item = usize>) -> Vec<usize> {
        // Aims with the same domains count alike: each set is counted once.
        let mut alike: FxHashMap<Vec<usize>, usize> = FxHashMap::default();
        for aim in aims {
            let mut tags: Vec<usize> = self.aims[aim].domains.iter().map(Ref::index).collect();
            if tags.is_empty() {
                continue;
            }
            tags.sort_unstable();
            tags.dedup();
            *alike.entry(tags).or_default() += 1;
        }
        match self
            .forest
            .get_or_init(|| Forest::new(&self.records.domains, &self.narrower))
        {
            Some(forest) => forest.counts(alike),
            None => self.walked_counts(alike),
        }
    }

    /// `domain_counts` where a domain has several broader ones: each set of
    /// domains walks up `broader`, counting each domain it reaches once. (The
    /// domains times the sets, at worst.)
    fn walked_counts(&self, alike: FxHashMap<Vec<usize>, usize>) -> Vec<usize> {
        let mut counts = vec![0; self.domains.len()];
        // The walk that last reached each domain.
        let mut reached = vec![usize::MAX; self.domains.len()];
        let mut next = Vec::new();
        for (walk, (tags, aims)) in alike.into_iter().enumerate() {
            next.extend(tags);
            while let Some(domain) = next.pop() {
                if reached[domain] == walk {
                    continue;
                }
                reached[domain] = walk;
                counts[domain] += aims;
                next.extend(self.domains[domain].broader.iter().map(Ref::index));
            }
        }
        counts
    }
}

impl<'a> Deref for Content<'a> {
    type Target = Records<'a>;
    fn deref(&self) -> &Records<'a> {
        &self.records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_fits_the_parsers_slots_and_starts_with_its_id() {
        for kind in KINDS {
            assert!(kind.fields.len() <= MOST_FIELDS, "{}", kind.name);
            assert_eq!(kind.fields[0].name, "id", "{}", kind.name);
            assert!(kind.fields[0].required, "{}", kind.name);
        }
        assert_eq!(
            KINDS.map(|k| k.name),
            ["source", "pillar", "domain", "clause", "aim"]
        );
    }

    #[test]
    fn a_kind_says_which_fields_are_required_and_their_shapes() {
        let aim = Aim::KIND;
        let required: Vec<&str> = aim
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        assert_eq!(required, ["id", "title", "quote", "source"]);
        let clause = Clause::KIND;
        assert_eq!(clause.fields[2].shape, Shape::Number);
        assert_eq!(Domain::KIND.fields[2].shape, Shape::Texts);
    }

    #[test]
    fn keys_come_id_first_with_their_roles() {
        let text = |s: &'static str| Text::new(0..0, s);
        let domain = Domain {
            id: text("transport"),
            name: text("Transport"),
            aliases: vec![text("transportation")],
            see_also: Vec::new(),
            description: text(""),
            broader: Vec::new(),
            related: Vec::new(),
        };
        let keys: Vec<(&str, &str, bool)> = domain
            .keys()
            .map(|(t, k)| (&**t, k.label(), k.is_word()))
            .collect();
        assert_eq!(
            keys,
            [
                ("transport", "id", true),
                ("Transport", "name", false),
                ("transportation", "alias", true)
            ]
        );
    }

    #[test]
    fn content_derives_narrower_domains_and_related_ones_from_both_ends() {
        let text = |s: &'static str| Text::new(0..0, s);
        let to = |id: &'static str, index: usize| {
            let mut reference = Ref::new(text(id));
            reference.resolve(index);
            reference
        };
        let domain = |id, broader: Vec<Ref<'static>>, related: Vec<Ref<'static>>| Domain {
            id: text(id),
            name: text(id),
            aliases: Vec::new(),
            see_also: Vec::new(),
            description: text(""),
            broader,
            related,
        };
        let aim = |domains: Vec<Ref<'static>>| Aim {
            id: text("a"),
            title: text("a"),
            quote: text("a"),
            source: to("s", 0),
            clause: None,
            pillars: Vec::new(),
            domains,
        };
        let records = Records {
            domains: vec![
                domain("security", Vec::new(), vec![to("peace", 3)]),
                domain("terrorism", vec![to("security", 0)], Vec::new()),
                domain(
                    "crime",
                    vec![to("terrorism", 1), to("security", 0)],
                    Vec::new(),
                ),
                domain("peace", Vec::new(), vec![to("security", 0)]),
            ],
            aims: vec![
                aim(vec![to("crime", 2)]),
                aim(vec![to("crime", 2)]),
                aim(vec![to("terrorism", 1), to("crime", 2)]),
                aim(vec![to("peace", 3), to("security", 0)]),
                aim(Vec::new()),
            ],
            ..Records::default()
        };
        let content = Content::resolved(records);
        // Counted once however many ways (both broader of `crime`, two tags)
        // an aim reaches a domain; alike for aims with the same tags.
        assert_eq!(content.domain_counts(0..5), [4, 3, 3, 1]);
        assert_eq!(content.domain_counts([2, 4]), [1, 1, 1, 0]);
        assert_eq!(content.domain_counts([]), [0, 0, 0, 0]);
        // What `--domain` would list: the aims that carry one of its family.
        let listed = |d: usize| {
            let family = content.with_narrower(d);
            (0..5)
                .filter(|&a| {
                    content.aims[a]
                        .domains
                        .iter()
                        .any(|t| family.contains(&t.index()))
                })
                .count()
        };
        assert_eq!(
            content.domain_counts(0..5),
            (0..4).map(listed).collect::<Vec<_>>()
        );
        assert_eq!(content.narrower(0), [1, 2]);
        assert_eq!(content.narrower(1), [2]);
        assert_eq!(content.with_narrower(0), [0, 1, 2]);
        assert_eq!(content.with_narrower(1), [1, 2]);
        assert_eq!(content.with_narrower(3), [3]);
        assert_eq!(content.under(1), [false, true, true, false]);
        assert_eq!(content.under(0), [true, true, true, false]);
        // Written at both ends, a relation is listed once.
        assert_eq!(content.related(0), [3]);
        assert_eq!(content.related(3), [0]);
        assert!(content.related(1).is_empty());
    }

    proptest::proptest! {
        /// Counted in a forest (each domain one broader at most) or walked
        /// (some have more), the counts are what `--domain` would list.
        #[test]
        fn domain_counts_are_the_aims_a_domain_filter_lists(
            above in proptest::collection::vec(proptest::collection::vec(0..1000usize, 0..3), 1..25),
            tags in proptest::collection::vec(proptest::collection::vec(0..1000usize, 0..4), 0..30),
            forest in proptest::bool::ANY,
        ) {
            let text = |s: String| Text::new(0..0, s);
            let to = |index: usize| {
                let mut reference = Ref::new(text(index.to_string()));
                reference.resolve(index);
                reference
            };
            // Each domain's broader domains come before it: no cycle.
            let domains = above
                .iter()
                .enumerate()
                .map(|(i, above)| {
                    let mut broader: Vec<usize> = above.iter().filter(|_| i > 0).map(|a| a % i.max(1)).collect();
                    broader.sort_unstable();
                    broader.dedup();
                    if forest {
                        broader.truncate(1);
                    }
                    Domain {
                        id: text(i.to_string()),
                        name: text(i.to_string()),
                        aliases: Vec::new(),
                        see_also: Vec::new(),
                        description: text(String::new()),
                        broader: broader.into_iter().map(to).collect(),
                        related: Vec::new(),
                    }
                })
                .collect::<Vec<_>>();
            let count = domains.len();
            let aims = tags
                .iter()
                .map(|tags| Aim {
                    id: text("a".into()),
                    title: text("a".into()),
                    quote: text("a".into()),
                    source: to(0),
                    clause: None,
                    pillars: Vec::new(),
                    domains: tags.iter().map(|t| to(t % count)).collect(),
                })
                .collect::<Vec<_>>();
            let content = Content::resolved(Records { domains, aims, ..Records::default() });
            let listed: Vec<usize> = (0..count)
                .map(|d| {
                    let under = content.under(d);
                    content.aims.iter().filter(|aim| aim.domains.iter().any(|t| under[t.index()])).count()
                })
                .collect();
            proptest::prop_assert_eq!(content.domain_counts(0..content.aims.len()), listed);
            if forest {
                proptest::prop_assert!(content.forest.get().is_some_and(Option::is_some));
            }
        }
    }
}
