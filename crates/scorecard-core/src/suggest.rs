//! "Did you mean": the closest of some names to one that matched none.
//!
//! One measure for every suggestion the program makes to a person (a data
//! column's header, a brand or store in a row, a step in the manifest):
//! edit distance over characters, so one wrong 汉字 in five is 0.8 alike,
//! and a name that holds another at least half its length (`反馈及时率(%)`
//! holds `反馈及时率`) is 0.8 alike too.

/// How alike two names must be to suggest one for the other.
pub const THRESHOLD: f64 = 0.6;

/// Names and headers longer than this many characters are never suggested.
const MAX_COMPARED: usize = 200;

/// 0 to 1: how alike `a` and `b` are (case-insensitive).
///
/// Texts of very different lengths cannot reach [`THRESHOLD`] either way,
/// and are not compared (a header a megabyte long against every name).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) * 2 < la.max(lb) || la.max(lb) > MAX_COMPARED {
        return 0.0;
    }
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    let score = strsim::normalized_damerau_levenshtein(&a, &b);
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let (s, l) = (short.chars().count(), long.chars().count());
    if s >= 2 && s * 2 >= l && long.contains(short.as_str()) {
        score.max(0.8)
    } else {
        score
    }
}

/// The candidate most like `name`, if any is alike enough: [`THRESHOLD`],
/// or one character off for short names (`英郎` → `英朗`), which a share
/// cannot measure fairly.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let short = name.chars().count() <= 3;
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| (c, similarity(name, c)))
        .filter(|(c, score)| {
            *score >= THRESHOLD
                || (short
                    && strsim::damerau_levenshtein(&name.to_lowercase(), &c.to_lowercase()) <= 1)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_handles_chinese_and_english() {
        assert!(similarity("反馈及时律", "反馈及时率") >= THRESHOLD);
        assert!(similarity("Late_Day", "late_days") >= THRESHOLD);
        assert!(similarity("paid_days", "id") < THRESHOLD);
        assert!(similarity("备注", "奖金") < THRESHOLD);
    }

    #[test]
    fn short_names_one_character_off_are_suggested() {
        let brands = ["君威", "GL8", "凯越", "赛欧", "英朗"];
        assert_eq!(closest("英郎", brands), Some("英朗"));
        assert_eq!(closest("GL9", brands), Some("GL8"));
        assert_eq!(closest("别克", brands), None);
        assert_eq!(
            closest("英朗", brands),
            None,
            "an exact name is not a suggestion"
        );
    }
}
