//! How two member names relate: the same name written otherwise
//! (`domainId`, `domain_id`), singular and plural (`security_group`,
//! `security_groups`), or a near miss (`state_aalue`, `state_value`).

/// Lower case, without `_` and `-`: `domain_id`, `domainId` and
/// `Domain-ID` are one name.
fn squashed(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `plural` is `singular` in the plural, as English forms it (by the
/// squashed spelling).
pub(super) fn plural_of(singular: &str, plural: &str) -> bool {
    let (singular, plural) = (squashed(singular), squashed(plural));
    plural_of_squashed(&singular, &plural)
}

fn plural_of_squashed(singular: &str, plural: &str) -> bool {
    let Some(rest) = plural.strip_prefix(singular) else {
        return singular
            .strip_suffix('y')
            .is_some_and(|stem| plural.strip_prefix(stem) == Some("ies"));
    };
    matches!(rest, "s" | "es")
}

/// Two different names of one member: another spelling, or the singular
/// and plural of one word.
pub(super) fn related(a: &str, b: &str) -> bool {
    let (x, y) = (squashed(a), squashed(b));
    a != b && (x == y || plural_of_squashed(&x, &y) || plural_of_squashed(&y, &x))
}

/// A name a letter or two away from another (by the squashed spelling),
/// relative to its length: what a slip of the keyboard makes.
pub(super) fn close(a: &str, b: &str) -> bool {
    let (x, y) = (squashed(a), squashed(b));
    let shorter = x.chars().count().min(y.chars().count());
    x != y && strsim::levenshtein(&x, &y) <= (shorter / 4).clamp(1, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_plurals_are_one_member() {
        assert!(related("security_group", "security_groups"));
        assert!(related("policies", "policy"));
        assert!(related("address", "addresses"));
        assert!(related("domainId", "domain_id"));
        assert!(!related("name", "name"));
        assert!(!related("state", "status"));
        assert!(!related("spec", "spec_id"));
        assert!(plural_of("security_group", "security_groups"));
        assert!(!plural_of("az_codes", "az_code"));
    }

    #[test]
    fn near_misses_are_a_letter_or_two_apart() {
        assert!(close("state_aalue", "state_value"));
        assert!(close("id", "ip"));
        assert!(!close("eip_id", "eip"));
        assert!(!close("error_message", "error_msg"));
        assert!(!close("name", "Name"));
    }
}
