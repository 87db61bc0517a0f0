//! What a signed scan must be before `lopdf` parses it. The parser
//! recurses once per nested array or dictionary, with no limit (a million
//! `[` overflow the stack, which aborts the process), and follows the
//! `/Prev` chain of cross-reference sections without remembering where it
//! has been (a section naming itself loops forever). Both are read here
//! from the bytes, without parsing: strings, comments and stream contents
//! (the scanned images, arbitrary bytes) are skipped.

/// Arrays and dictionaries nested deeper are refused; real files nest a
/// handful of levels.
pub const MAX_NESTING: usize = 64;
/// Cross-reference sections a scan may chain (one per incremental save).
pub const MAX_SECTIONS: usize = 64;

/// Whether `pdf` nests within [`MAX_NESTING`] and its cross-reference
/// chain neither loops nor exceeds [`MAX_SECTIONS`].
pub fn parsable(pdf: &[u8]) -> bool {
    nesting_within(pdf, MAX_NESTING) && chain_without_loop(pdf)
}

/// Whether arrays and dictionaries nest at most `max` deep.
fn nesting_within(pdf: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < pdf.len() {
        match pdf[i] {
            b'%' => {
                while i < pdf.len() && pdf[i] != b'\n' && pdf[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = string_end(pdf, i),
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if pdf.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if pdf.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if pdf[i..].starts_with(b"stream")
                && (i == 0 || !pdf[i - 1].is_ascii_alphabetic()) =>
            {
                match find(&pdf[i + 6..], b"endstream") {
                    Some(at) => i += 6 + at + 8,
                    None => return true,
                }
            }
            _ => {}
        }
        if depth > max {
            return false;
        }
        i += 1;
    }
    true
}

/// The index of the `)` closing the literal string opened at `start`
/// (strings nest balanced parentheses; `\` escapes one byte).
fn string_end(pdf: &[u8], start: usize) -> usize {
    let mut level = 0usize;
    let mut i = start;
    while i < pdf.len() {
        match pdf[i] {
            b'\\' => i += 1,
            b'(' => level += 1,
            b')' => {
                level -= 1;
                if level == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The number written after `at` (spaces first), and where it ends.
fn number_at(pdf: &[u8], mut at: usize) -> Option<(u64, usize)> {
    while pdf.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    let start = at;
    while pdf.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    let digits = std::str::from_utf8(pdf.get(start..at)?).ok()?;
    Some((digits.parse().ok()?, at))
}

/// Whether the `/Prev` offsets of the cross-reference sections are all
/// different and none is the last `startxref`: a chain that comes back to
/// a section it has been through must name some offset twice, or the
/// first one. `/Prev n g R` (an outline item's reference) is not one.
fn chain_without_loop(pdf: &[u8]) -> bool {
    let start = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .and_then(|at| number_at(pdf, at + 9))
        .map(|(offset, _)| offset);
    let mut seen = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&pdf[from..], b"/Prev") {
        let after = from + at + 5;
        from = after;
        let Some((offset, end)) = number_at(pdf, after) else {
            continue;
        };
        let reference = number_at(pdf, end).is_some_and(|(_, generation_end)| {
            let mut r = generation_end;
            while pdf.get(r).is_some_and(u8::is_ascii_whitespace) {
                r += 1;
            }
            pdf.get(r) == Some(&b'R') && generation_end > end
        });
        if reference {
            continue;
        }
        if Some(offset) == start || seen.contains(&offset) || seen.len() >= MAX_SECTIONS {
            return false;
        }
        seen.push(offset);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_but_not_in_streams_or_strings() {
        let deep = format!("%PDF-1.5\ntrailer << /A {} >>", "[".repeat(100_000));
        assert!(!parsable(deep.as_bytes()));
        let fine = b"%PDF-1.5\n1 0 obj << /A [[1 2] [3]] /B << /C (a [[[[ string) >> >> endobj\n\
                     2 0 obj << /Length 9 >> stream\n[[[[[[[[[\nendstream endobj\n% [[[[[[ comment\n";
        assert!(parsable(fine));
        let mut image = b"%PDF-1.5\n3 0 obj << /Length 200 >> stream\n".to_vec();
        image.extend(std::iter::repeat_n(b'[', 200));
        image.extend_from_slice(b"\nendstream\nendobj\n");
        assert!(parsable(&image), "binary stream data is not structure");
    }

    #[test]
    fn a_looping_cross_reference_chain_is_refused() {
        let looping = b"%PDF-1.5\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 /Prev 9 >>\nstartxref\n9\n%%EOF";
        assert!(!parsable(looping));
        let cycle = b"%PDF-1.5\ntrailer << /Prev 20 >>\ntrailer << /Prev 10 >>\ntrailer << /Prev 20 >>\nstartxref\n30\n%%EOF";
        assert!(!parsable(cycle));
        let chain = b"%PDF-1.5\ntrailer << /Size 3 >>\ntrailer << /Prev 9 >>\n\
                      1 0 obj << /Prev 4 0 R /Next 4 0 R >> endobj\nstartxref\n40\n%%EOF";
        assert!(parsable(chain), "an incremental save and an outline item");
    }
}
