//! Search normalisation: names are matched without case or accents, word by
//! word, from the start of each word ("ingé" finds "Société Générale
//! d'Ingénierie").

/// Lower-case ASCII transliteration: `Cœur Straße` → `coeur strasse`.
pub fn normalise(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// Longest word indexed or searched: a longer one is cut to its first
/// letters on both sides, so that its beginning still finds it, and no
/// engine limit is reached (PostgreSQL refuses a lexeme over 2,047 bytes;
/// an offer's description may hold one 8,000-letter word).
pub const MAX_WORD: usize = 64;

/// The distinct words of `text`, normalised, as stored in the search
/// documents (`db::search`).
pub fn terms(text: &str) -> Vec<String> {
    let mut words: Vec<String> = normalise(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        // ASCII after `normalise`: a byte is a character.
        .map(|w| w[..w.len().min(MAX_WORD)].to_owned())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The words of a search query, longest first (the most selective one
/// drives the index scan).
pub fn query_terms(query: &str) -> Vec<String> {
    let mut words = terms(query);
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// Upper bound of the prefix range `[prefix, prefix_end)` in byte order.
pub fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{7f}")
}

/// Shortest word a search forgives a typo in: shorter ones have too many
/// neighbours one edit away to tell a typo from another name.
pub const FUZZY_MIN: usize = 5;
/// Longest such word: its neighbours grow with it (about 54 a letter), and
/// a longer word is seldom mistyped and still found by its beginning.
pub const FUZZY_MAX: usize = 16;
/// Most words a search may have to be forgiving: each word forgiven brings
/// its neighbours into the engine's query.
pub const FUZZY_WORDS: usize = 3;

/// Whether a search for `words` may look again one edit away when nothing
/// matched: some word is long enough and all are few and short enough.
pub fn forgives_typos(words: &[String]) -> bool {
    words.len() <= FUZZY_WORDS
        && words.iter().all(|w| w.len() <= FUZZY_MAX)
        && words.iter().any(|w| fuzzy(w))
}

/// Whether `word` is looked for one edit away too.
pub fn fuzzy(word: &str) -> bool {
    (FUZZY_MIN..=FUZZY_MAX).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The words one edit (a letter left out, added, replaced, or two letters
/// swapped) from `word`, a normalised query word, sorted, without `word`.
/// A query word is a prefix, so two kinds of edits are left out: a letter
/// added at the end (`word` itself finds those) and the last letter
/// replaced (`word` without its last letter finds those).
pub fn one_edit(word: &str) -> Vec<String> {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let w = word.as_bytes();
    let mut found: Vec<Vec<u8>> = Vec::new();
    for i in 0..w.len() {
        found.push([&w[..i], &w[i + 1..]].concat());
        for &c in LETTERS {
            if i + 1 < w.len() {
                found.push([&w[..i], &[c], &w[i + 1..]].concat());
            }
            found.push([&w[..i], &[c], &w[i..]].concat());
        }
        if i + 1 < w.len() {
            found.push([&w[..i], &[w[i + 1], w[i]], &w[i + 2..]].concat());
        }
    }
    let mut words: Vec<String> = found
        .into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .filter(|v| v != word && !v.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_ligatures_do_not_matter() {
        assert_eq!(
            terms("Société Générale d'Ingénierie"),
            vec!["d", "generale", "ingenierie", "societe"]
        );
        assert_eq!(terms("François CŒUR"), vec!["coeur", "francois"]);
        assert_eq!(normalise("Straße"), "strasse");
    }

    #[test]
    fn a_very_long_word_is_cut_alike_when_indexed_and_searched() {
        let long = "x".repeat(3_000);
        assert_eq!(terms(&long), vec!["x".repeat(MAX_WORD)]);
        assert_eq!(query_terms(&format!("{long}y")), terms(&long));
    }

    #[test]
    fn one_edit_leaves_out_adds_replaces_or_swaps_a_letter() {
        let near = one_edit("lefebre");
        for word in [
            "lefebvre", "lefbre", "lefebe", "lefevre", "elfebre", "lefeber",
        ] {
            assert!(near.contains(&word.to_owned()), "{word}");
        }
        assert!(!near.contains(&"lefebre".to_owned()));
        // Added at the end: the prefix itself finds those.
        assert!(!near.contains(&"lefebrex".to_owned()));
        assert!(!near.contains(&"lefebvres".to_owned()), "two edits");
        // The last letter replaced: `lefebr` finds those.
        assert!(near.contains(&"lefebr".to_owned()));
        assert!(!near.contains(&"lefebra".to_owned()));
        assert!(near.len() < 54 * 7, "{}", near.len());
    }

    #[test]
    fn typos_are_forgiven_in_a_few_words_of_five_to_sixteen_letters() {
        let words = |w: &[&str]| w.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        assert!(forgives_typos(&words(&["lefebre", "cam"])));
        assert!(!forgives_typos(&words(&["lefe", "cam"])), "too short");
        assert!(!forgives_typos(&words(&["a1234"])), "not a name");
        assert!(!forgives_typos(&words(&["lefebre", "a", "b", "c"])));
        assert!(!forgives_typos(&words(&["lefebre", &"x".repeat(17)])));
    }

    #[test]
    fn the_longest_query_word_comes_first() {
        assert_eq!(query_terms("sa renault"), vec!["renault", "sa"]);
    }
}
