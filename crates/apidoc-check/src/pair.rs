//! Lining up two lists of facts by a key (parameters by location and name,
//! fields by name, responses by status...), the one way every merge matches
//! items.

use std::collections::{BTreeMap, VecDeque};

/// How an item of the two lists was matched, as handed to a merge callback.
pub(crate) enum Side<'a, T> {
    /// Both lists have the item: the kept one and the other.
    Both(&'a mut T, &'a T),
    /// Only the first list has it.
    OnlyFirst(&'a T),
    /// Only the second list has it; it is appended to the first after the
    /// callback.
    OnlySecond(&'a T),
}

/// Merges `other` into `into`: items with equal keys are handed to `merge`
/// together (the k-th occurrence of a key in `into` meets the k-th in
/// `other`, so a repeated table pairs with its repetition); items of `other`
/// without a partner are appended in their order.
pub(crate) fn merge_by<T: Clone, K: Ord>(
    into: &mut Vec<T>,
    other: &[T],
    key: impl Fn(&T) -> K,
    mut merge: impl FnMut(Side<'_, T>),
) {
    let mut waiting: BTreeMap<K, VecDeque<usize>> = BTreeMap::new();
    for (index, item) in other.iter().enumerate() {
        waiting.entry(key(item)).or_default().push_back(index);
    }
    let mut used = vec![false; other.len()];
    for item in into.iter_mut() {
        match waiting.get_mut(&key(item)).and_then(VecDeque::pop_front) {
            Some(index) => {
                used[index] = true;
                merge(Side::Both(item, &other[index]));
            }
            None => merge(Side::OnlyFirst(item)),
        }
    }
    for (item, used) in other.iter().zip(used) {
        if !used {
            merge(Side::OnlySecond(item));
            into.push(item.clone());
        }
    }
}

/// Appends the items of `other` whose key `into` does not already hold as
/// often (examples and URIs that both languages repeat are kept once).
pub(crate) fn union_by<T: Clone, K: Ord>(into: &mut Vec<T>, other: &[T], key: impl Fn(&T) -> K) {
    merge_by(into, other, key, |_| {});
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_repeated_keys_by_occurrence_and_appends_the_rest() {
        let mut first = vec![("a", 1), ("b", 1), ("a", 2)];
        let second = [("a", 10), ("c", 10), ("a", 20)];
        let mut seen = Vec::new();
        merge_by(
            &mut first,
            &second,
            |item| item.0,
            |side| match side {
                Side::Both(kept, other) => {
                    seen.push(format!("both {}{}+{}", kept.0, kept.1, other.1));
                    kept.1 += other.1;
                }
                Side::OnlyFirst(item) => seen.push(format!("first {}", item.0)),
                Side::OnlySecond(item) => seen.push(format!("second {}", item.0)),
            },
        );
        assert_eq!(seen, ["both a1+10", "first b", "both a2+20", "second c"]);
        assert_eq!(first, [("a", 11), ("b", 1), ("a", 22), ("c", 10)]);
    }

    #[test]
    fn union_skips_items_already_present() {
        let mut first = vec![1, 2];
        union_by(&mut first, &[2, 3], |item| *item);
        assert_eq!(first, [1, 2, 3]);
    }
}
