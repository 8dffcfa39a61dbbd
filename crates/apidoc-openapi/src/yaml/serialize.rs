//! serde glue: the document's `Serialize` drives the [`Writer`] directly,
//! seeing what `serde_json::to_value` would have built (unit and `None` as
//! null, enum variants as one-entry maps, non-finite floats as null,
//! integer and bool map keys as text) without building it.
//!
//! Collections open lazily: nothing is written until the first element,
//! so a collection that stays empty can still be written `[]` or `{}`
//! (serde does not always tell the length up front, e.g. with `flatten`).

use super::{Place, Writer};
use serde::Serialize;
use serde::ser;
use std::fmt;

/// Why a value cannot be written: a map key that is not text, a number or
/// a bool, an integer beyond 64 bits, or the value's own error.
#[derive(Debug)]
pub(super) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

fn unsupported_key() -> Error {
    Error("a map key must be text, an integer or a bool".into())
}

/// Where a serialized value goes.
#[derive(Clone, Copy)]
enum Slot {
    /// A node at this place.
    Value(Place),
    /// A map key: text as itself, and what serde_json turns into text
    /// (integers, bools, chars, unit variants); nothing else.
    Key,
}

/// A value to write into `slot`.
pub(super) struct Node<'a> {
    writer: &'a mut Writer,
    slot: Slot,
}

impl<'a> Node<'a> {
    pub(super) fn root(writer: &'a mut Writer) -> Self {
        Self::at(writer, Place::Root)
    }

    fn at(writer: &'a mut Writer, place: Place) -> Self {
        Self {
            writer,
            slot: Slot::Value(place),
        }
    }

    /// The place of a value that a key cannot be.
    fn value_place(&self) -> Result<Place, Error> {
        match self.slot {
            Slot::Value(place) => Ok(place),
            Slot::Key => Err(unsupported_key()),
        }
    }

    fn text(self, text: &str) -> Result<(), Error> {
        match self.slot {
            Slot::Value(place) => self.writer.string(text, place),
            Slot::Key => self.writer.key(text),
        }
        Ok(())
    }

    /// A number or bool: plain as a value, text as a key.
    fn plain(self, text: &str) -> Result<(), Error> {
        match self.slot {
            Slot::Value(place) => self.writer.plain_scalar(text, place),
            Slot::Key => self.writer.key(text),
        }
        Ok(())
    }

    /// `i128`/`u128`: serde_json keeps a value only within 64 bits (a key
    /// is text either way).
    fn wide_integer<N>(self, number: N) -> Result<(), Error>
    where
        N: fmt::Display + TryInto<i64> + TryInto<u64> + Copy,
    {
        let fits =
            TryInto::<i64>::try_into(number).is_ok() || TryInto::<u64>::try_into(number).is_ok();
        if !fits && matches!(self.slot, Slot::Value(_)) {
            return Err(Error("an integer beyond 64 bits".into()));
        }
        self.plain(&number.to_string())
    }

    fn null(self) -> Result<(), Error> {
        let place = self.value_place()?;
        self.writer.plain_scalar("null", place);
        Ok(())
    }

    fn collection(self) -> Result<Collection<'a>, Error> {
        let place = self.value_place()?;
        Ok(Collection::new(self.writer, place))
    }

    /// `{variant: ...}`: serde_json's shape for a variant with data.
    fn variant(self, variant: &str) -> Result<Collection<'a>, Error> {
        let mut outer = self.collection()?;
        outer.open_mapping();
        outer.writer.key(variant);
        Ok(outer)
    }
}

/// A float as yaml_serde writes it: ryu's shortest form (serde_json's own
/// `Display` uses another algorithm); serde_json turns the non-finite ones
/// into null.
fn float_text(float: f64) -> String {
    if float.is_finite() {
        ryu::Buffer::new().format_finite(float).to_owned()
    } else {
        "null".to_owned()
    }
}

/// serde's narrow integers written as the 64-bit ones they widen to.
macro_rules! widen {
    ($($method:ident($narrow:ty) => $wide:ident,)*) => {
        $(
            fn $method(self, v: $narrow) -> Result<(), Error> {
                self.$wide(v.into())
            }
        )*
    };
}

impl<'a> ser::Serializer for Node<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Collection<'a>;
    type SerializeTuple = Collection<'a>;
    type SerializeTupleStruct = Collection<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Collection<'a>;
    type SerializeStruct = Collection<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.plain(if v { "true" } else { "false" })
    }

    widen! {
        serialize_i8(i8) => serialize_i64,
        serialize_i16(i16) => serialize_i64,
        serialize_i32(i32) => serialize_i64,
        serialize_u8(u8) => serialize_u64,
        serialize_u16(u16) => serialize_u64,
        serialize_u32(u32) => serialize_u64,
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.wide_integer(v)
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.wide_integer(v)
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.value_place()?;
        self.plain(&float_text(v))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut items = self.collection()?;
        for byte in v {
            ser::SerializeSeq::serialize_element(&mut items, byte)?;
        }
        ser::SerializeSeq::end(items)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.null()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        self.value_place()?;
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.null()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.null()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut outer = self.variant(variant)?;
        value.serialize(outer.value_node())?;
        outer.finish();
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        self.collection()
    }

    fn serialize_tuple(self, _len: usize) -> Result<Collection<'a>, Error> {
        self.collection()
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Collection<'a>, Error> {
        self.collection()
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::new(self.variant(variant)?))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        self.collection()
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Collection<'a>, Error> {
        self.collection()
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::new(self.variant(variant)?))
    }
}

/// A sequence or mapping being written; opened at its first element.
pub(super) struct Collection<'a> {
    writer: &'a mut Writer,
    place: Place,
    /// The indentation to restore at the end, once opened.
    outer: Option<Option<usize>>,
}

impl<'a> Collection<'a> {
    fn new(writer: &'a mut Writer, place: Place) -> Self {
        Self {
            writer,
            place,
            outer: None,
        }
    }

    fn open_sequence(&mut self) {
        if self.outer.is_none() {
            self.outer = Some(self.writer.open_sequence(self.place));
        }
    }

    fn open_mapping(&mut self) {
        if self.outer.is_none() {
            self.outer = Some(self.writer.open_mapping());
        }
    }

    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.open_sequence();
        self.writer.item();
        value.serialize(Node::at(self.writer, Place::Item))
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.open_mapping();
        key.serialize(Node {
            writer: self.writer,
            slot: Slot::Key,
        })
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.key(key)?;
        value.serialize(self.value_node())
    }

    fn value_node(&mut self) -> Node<'_> {
        Node::at(self.writer, Place::InMapping)
    }

    /// Closes the collection, `empty` (`[]` or `{}`) if nothing was in it.
    fn close(self, empty: (&str, &str)) -> &'a mut Writer {
        match self.outer {
            Some(outer) => self.writer.close(outer),
            None => self.writer.empty_collection(empty.0, empty.1),
        }
        self.writer
    }

    /// Closes the one-entry mapping of a variant.
    fn finish(self) {
        self.close(("{", "}"));
    }
}

/// serde's three kinds of sequence, all written as one block sequence.
macro_rules! sequence {
    ($($kind:ident::$add:ident),*) => {
        $(
            impl ser::$kind for Collection<'_> {
                type Ok = ();
                type Error = Error;

                fn $add<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                    self.item(value)
                }

                fn end(self) -> Result<(), Error> {
                    self.close(("[", "]"));
                    Ok(())
                }
            }
        )*
    };
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeMap for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(self.value_node())
    }

    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

/// The value of a variant's one-entry mapping, a sequence (tuple variant)
/// or mapping (struct variant) at the mapping's value place.
pub(super) struct Variant<'a> {
    /// The inner collection; it holds the writer until the end.
    inner: Collection<'a>,
    /// The indentation the one-entry mapping restores.
    outer: Option<Option<usize>>,
}

impl<'a> Variant<'a> {
    fn new(mapping: Collection<'a>) -> Self {
        let outer = mapping.outer;
        Self {
            inner: Collection::new(mapping.writer, Place::InMapping),
            outer,
        }
    }

    fn end(self, empty: (&str, &str)) -> Result<(), Error> {
        let outer = self.outer;
        let writer = self.inner.close(empty);
        let mapping = Collection {
            writer,
            place: Place::InMapping,
            outer,
        };
        mapping.finish();
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.inner.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Variant::end(self, ("[", "]"))
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.inner.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        Variant::end(self, ("{", "}"))
    }
}
