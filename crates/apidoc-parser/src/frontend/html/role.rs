//! What an element means for the block model.

use scraper::node::Element;

/// The part an element plays when a page becomes blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Dropped with everything inside (scripts, images, the parent-topic
    /// footer, the "NOTE:" label of a note).
    Skip,
    /// `<br>`: ends the current paragraph.
    Break,
    /// Phrasing markup (`strong`, `span`, `a`, ...): its text joins the
    /// surrounding paragraph.
    Inline,
    /// A container (`p`, `div`, `section`, `li` outside a list, ...): its
    /// text forms paragraphs of its own, its other content passes through.
    Block,
    /// `h1`..`h6` with their level.
    Heading(u8),
    /// `ul`, `ol`.
    List {
        /// True for `ol`.
        ordered: bool,
    },
    /// `pre`.
    Code,
    /// A note, notice, caution, warning... box, or a `blockquote`.
    Note,
    /// `table`.
    Table,
}

/// Class names of note-like boxes; `<kind>title` is the box's label.
const NOTE_KINDS: [&str; 8] = [
    "note",
    "notice",
    "caution",
    "warning",
    "danger",
    "tip",
    "important",
    "attention",
];

/// Elements dropped with their content: not text a reader would see, or
/// embedded objects without text.
const SKIPPED: [&str; 20] = [
    "script", "style", "template", "head", "title", "meta", "link", "base", "img", "iframe",
    "object", "embed", "video", "audio", "canvas", "svg", "math", "input", "select", "textarea",
];

/// Phrasing elements whose text flows into the surrounding paragraph.
const INLINE: [&str; 37] = [
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp",
    "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

impl Role {
    /// The role of `element`, from its name and classes.
    pub(super) fn of(element: &Element) -> Self {
        let name = element.name();
        if is_skipped_class(element) || SKIPPED.contains(&name) {
            return Self::Skip;
        }
        let boxes = matches!(name, "div" | "section" | "aside" | "p");
        if boxes && element.classes().any(|class| NOTE_KINDS.contains(&class)) {
            return Self::Note;
        }
        match name {
            "br" => Self::Break,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Self::Heading(name.as_bytes()[1] - b'0'),
            "ul" | "ol" | "menu" | "dir" => Self::List {
                ordered: name == "ol",
            },
            "pre" | "listing" | "xmp" | "plaintext" => Self::Code,
            "table" => Self::Table,
            "blockquote" => Self::Note,
            _ if INLINE.contains(&name) => Self::Inline,
            _ => Self::Block,
        }
    }
}

/// The parent-topic footer and the label of a note box ("NOTE:").
fn is_skipped_class(element: &Element) -> bool {
    element.classes().any(|class| {
        class == "familylinks"
            || class
                .strip_suffix("title")
                .is_some_and(|kind| NOTE_KINDS.contains(&kind))
    })
}
