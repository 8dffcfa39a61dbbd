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
use serde::ser::{self, Impossible};
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

/// A value to write at `place`.
pub(super) struct Node<'a> {
    writer: &'a mut Writer,
    place: Place,
}

impl<'a> Node<'a> {
    pub(super) fn root(writer: &'a mut Writer) -> Self {
        Self {
            writer,
            place: Place::Root,
        }
    }

    fn plain(self, text: &str) -> Result<(), Error> {
        self.writer.plain_scalar(text, self.place);
        Ok(())
    }

    /// `{variant: ...}`: serde_json's shape for a variant with data.
    fn variant(self, variant: &str) -> Collection<'a> {
        let mut outer = Collection::new(self.writer, self.place);
        outer.open_mapping();
        outer.writer.key(variant);
        outer
    }
}

/// `i128`/`u128` as serde_json keeps them: only within 64 bits.
fn wide_integer(number: impl TryInto<i64> + TryInto<u64> + Copy) -> Result<String, Error> {
    let text = TryInto::<u64>::try_into(number)
        .map(|n| n.to_string())
        .or_else(|_| TryInto::<i64>::try_into(number).map(|n| n.to_string()));
    text.map_err(|_| Error("an integer beyond 64 bits".into()))
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

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.plain(&wide_integer(v)?)
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.plain(&v.to_string())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.plain(&wide_integer(v)?)
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.plain(&float_text(v))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.writer.string(v, self.place);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut items = Collection::new(self.writer, self.place);
        for byte in v {
            ser::SerializeSeq::serialize_element(&mut items, byte)?;
        }
        ser::SerializeSeq::end(items)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.plain("null")
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.plain("null")
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.plain("null")
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
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
        let mut outer = self.variant(variant);
        value.serialize(outer.value_node())?;
        outer.finish();
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        Ok(Collection::new(self.writer, self.place))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Collection<'a>, Error> {
        Ok(Collection::new(self.writer, self.place))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Collection<'a>, Error> {
        Ok(Collection::new(self.writer, self.place))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::new(self.variant(variant)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Collection<'a>, Error> {
        Ok(Collection::new(self.writer, self.place))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Collection<'a>, Error> {
        Ok(Collection::new(self.writer, self.place))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        Ok(Variant::new(self.variant(variant)))
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
        value.serialize(Node {
            writer: self.writer,
            place: Place::Item,
        })
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.open_mapping();
        key.serialize(Key(self.writer))
    }

    fn value_node(&mut self) -> Node<'_> {
        Node {
            writer: self.writer,
            place: Place::InMapping,
        }
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

impl ser::SerializeSeq for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(("[", "]"));
        Ok(())
    }
}

impl ser::SerializeTuple for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Collection<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

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
        self.key(key)?;
        value.serialize(self.value_node())
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
        self.inner.key(key)?;
        value.serialize(self.inner.value_node())
    }

    fn end(self) -> Result<(), Error> {
        Variant::end(self, ("{", "}"))
    }
}

/// A map key: text as itself, and what serde_json turns into text
/// (integers, bools, chars, unit variants).
struct Key<'a>(&'a mut Writer);

impl Key<'_> {
    fn text(self, text: &str) -> Result<(), Error> {
        self.0.key(text);
        Ok(())
    }
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.text(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.text(&v.to_string())
    }

    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(unsupported_key())
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
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported_key())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported_key())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported_key())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported_key())
    }
}
