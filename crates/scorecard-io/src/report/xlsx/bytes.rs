//! Texts and values as bytes: in a record, and in the key of a cached reason.

use crate::value::Value;

/// A text, or none, as its length (`u32::MAX`: none) and its bytes.
pub(super) fn put_text(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(t) => {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
    }
}

/// A value as a tag and its bytes.
pub(super) fn put_value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Num(d) => {
            out.push(0);
            out.extend_from_slice(&d.serialize());
        }
        Value::Bool(b) => out.push(1 + u8::from(*b)),
        Value::Text(t) => {
            out.push(3);
            put_text(out, Some(t));
        }
        Value::Missing => out.push(4),
    }
}
