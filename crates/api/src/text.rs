//! Search normalisation: names are matched without case or accents, word by
//! word, from the start of each word ("ingé" finds "Société Générale
//! d'Ingénierie").

/// Lower-case ASCII transliteration: `Cœur Straße` → `coeur strasse`.
pub fn normalise(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// The distinct words of `text`, normalised, as stored in `search_terms`.
pub fn terms(text: &str) -> Vec<String> {
    let mut words: Vec<String> = normalise(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
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
    fn the_longest_query_word_comes_first() {
        assert_eq!(query_terms("sa renault"), vec!["renault", "sa"]);
    }
}
