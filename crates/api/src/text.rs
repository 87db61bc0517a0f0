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
    fn the_longest_query_word_comes_first() {
        assert_eq!(query_terms("sa renault"), vec!["renault", "sa"]);
    }
}
