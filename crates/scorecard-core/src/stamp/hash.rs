//! The content hash that ties a result to the exact card that produced it.
//!
//! SHA-256 over the card's canonical printed text (`syntax::print`), so
//! re-laying the card out or editing its comments keeps the hash, and any
//! change to what it says (a threshold, a label, a weight) changes it. Hook
//! files are hashed after the card, each as its name and its bytes, so a
//! changed script changes the hash too.
//!
//! The printed form is the contract: a change to the printer's canonical
//! layout changes every card's hash, so treat one as a change of this format.

use sha2::{Digest, Sha256};
use std::fmt::{self, Write as _};

/// `sha256:` and 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ContentHash(pub String);

impl ContentHash {
    /// The full form, for JSON, CSV and comparisons.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `sha256:` and the first 12 hex digits, for people.
    pub fn short(&self) -> String {
        self.0.chars().take("sha256:".len() + 12).collect()
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A hook script a card uses: its name as the card declares it, and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct HookSource<'a> {
    /// The name the card gives it (`hooks/sales_pay.rhai`).
    pub name: &'a str,
    /// The script's bytes as read.
    pub bytes: &'a [u8],
}

/// The hash of a resolved card's canonical text and its hook files (in the
/// order the card declares them). Each part is length-prefixed, so no two
/// different sets of parts hash alike by running together.
pub fn content_hash(canonical: &str, hooks: &[HookSource]) -> ContentHash {
    let mut hasher = Sha256::new();
    part(&mut hasher, b"card");
    part(&mut hasher, canonical.as_bytes());
    for hook in hooks {
        part(&mut hasher, b"hook");
        part(&mut hasher, hook.name.as_bytes());
        part(&mut hasher, hook.bytes);
    }
    let digest = hasher.finalize();
    let mut hash = String::with_capacity("sha256:".len() + 2 * digest.len());
    hash.push_str("sha256:");
    for byte in digest {
        // Writing into a String cannot fail.
        let _ = write!(hash, "{byte:02x}");
    }
    ContentHash(hash)
}

fn part(hasher: &mut Sha256, bytes: &[u8]) {
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}
