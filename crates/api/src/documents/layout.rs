//! The page and the building blocks every document is made of.
//!
//! A document is a [`Sheet`] of blocks (titles, headings, labelled fields,
//! long texts, signature boxes) laid out by genpdf on A4 pages. Each page
//! gets a header (the centre's name and the convention number) from
//! [`Header`]; the "page n / N" footer is stamped afterwards by
//! [`super::pdf`], once the number of pages is known.
//!
//! All text goes through [`Text`], which makes it drawable with the PDF
//! fonts, sets CJK characters in the fallback font and splits words too
//! wide for their column: genpdf silently drops the rest of a paragraph
//! after a word it cannot fit on a line. The [`Sheet`] notes every
//! character it will print, so that the fonts are subsetted to them.

use genpdf::elements::{Break, FrameCellDecorator, LinearLayout, Paragraph, TableLayout};
use genpdf::error::Error as GenpdfError;
use genpdf::render::Area;
use genpdf::style::{Color, Style, StyledString};
use genpdf::{
    Alignment, Context, Element, Margins, Mm, PageDecorator, Position, RenderResult, Size,
};

use super::fonts::{self, Charset, drawable};
use super::i18n::Words;
use super::logo;
use super::{DocumentError, Letterhead};

/// Page margins in millimetres; the bottom one leaves room for the footer.
pub(super) const MARGIN_TOP: f64 = 10.0;
pub(super) const MARGIN_SIDE: f64 = 18.0;
pub(super) const MARGIN_BOTTOM: f64 = 20.0;

/// Body text size, in points.
const BODY_SIZE: u8 = 10;
/// Header and small print.
const SMALL_SIZE: u8 = 8;
/// Grey of the page furniture.
pub(super) const GREY: Color = Color::Greyscale(90);

/// Printed for a missing value: never an empty field, never a panic.
pub(super) const DASH: &str = "—";

/// Wider than the widest letter of DejaVu Sans and of an ideograph (1 em);
/// a word shorter than the column divided by this cannot overflow, so only
/// longer ones are measured.
const WIDEST_GLYPH_EM: f64 = 1.4;
/// Points to millimetres.
const MM_PER_PT: f64 = 25.4 / 72.0;

/// A paragraph of styled runs that always fits its column.
pub(super) struct Text {
    runs: Vec<(String, Style)>,
    alignment: Alignment,
    /// Built on the first render, when the column width is known.
    paragraph: Option<Paragraph>,
}

impl Text {
    pub(super) fn new(text: &str, style: Style) -> Self {
        Self {
            runs: vec![(drawable(text), style)],
            alignment: Alignment::Left,
            paragraph: None,
        }
    }

    /// A bold label followed by its value on the same line.
    pub(super) fn labelled(label: &str, value: &str) -> Self {
        Self {
            runs: vec![
                (drawable(label), Style::new().bold()),
                (format!(" {}", drawable(value)), Style::new()),
            ],
            alignment: Alignment::Left,
            paragraph: None,
        }
    }

    pub(super) fn aligned(mut self, alignment: Alignment) -> Self {
        self.alignment = alignment;
        self
    }

    /// The paragraph with every word narrower than `width`.
    fn fit(&mut self, context: &Context, width: Mm, style: Style) -> Paragraph {
        let mut paragraph = Paragraph::default().aligned(self.alignment);
        for (text, run_style) in self.runs.drain(..) {
            let run_style = style.and(run_style);
            let size = f64::from(run_style.font_size());
            let safe_chars = f64::from(width) / (size * WIDEST_GLYPH_EM * MM_PER_PT);
            let mut fitted = String::with_capacity(text.len());
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    fitted.push(' ');
                }
                // A safe length in characters is a safe width: no measuring.
                if (word.chars().count() as f64) < safe_chars {
                    fitted.push_str(word);
                } else {
                    split_word(context, run_style, word, width, &mut fitted);
                }
            }
            push_runs(&mut paragraph, &fitted, run_style);
        }
        paragraph
    }

    /// The characters this text prints.
    fn note(&self, charset: &mut Charset) {
        for (text, _) in &self.runs {
            charset.add(text);
        }
    }
}

/// Appends `text` to the paragraph, the characters only the CJK font has in
/// runs of their own set in it.
fn push_runs(paragraph: &mut Paragraph, text: &str, style: Style) {
    let Some(fallback) = fonts::fallback_family() else {
        paragraph.push(StyledString::new(text.to_owned(), style));
        return;
    };
    let mut run = String::new();
    let mut in_fallback = false;
    for c in text.chars() {
        let wants_fallback = fonts::needs_fallback(c);
        if wants_fallback != in_fallback && !run.is_empty() {
            let run_style = if in_fallback {
                style.with_font_family(fallback)
            } else {
                style
            };
            paragraph.push(StyledString::new(std::mem::take(&mut run), run_style));
        }
        in_fallback = wants_fallback;
        run.push(c);
    }
    if !run.is_empty() {
        let run_style = if in_fallback {
            style.with_font_family(fallback)
        } else {
            style
        };
        paragraph.push(StyledString::new(run, run_style));
    }
}

/// Appends `word` to `out` in pieces separated by spaces, each narrower than
/// `width` with the space genpdf counts after it.
fn split_word(context: &Context, style: Style, word: &str, width: Mm, out: &mut String) {
    let cache = &context.font_cache;
    let limit = f64::from(width - style.char_width(cache, ' '));
    let mut line = 0.0;
    let fallback = fonts::fallback_family().map(|family| style.with_font_family(family));
    for c in word.chars() {
        let glyph_style = match fallback {
            Some(fallback) if fonts::needs_fallback(c) => fallback,
            _ => style,
        };
        let advance = f64::from(glyph_style.char_width(cache, c));
        if line > 0.0 && line + advance > limit {
            out.push(' ');
            line = 0.0;
        }
        out.push(c);
        line += advance;
    }
}

impl Element for Text {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        let width = area.size().width;
        if self.paragraph.is_none() {
            self.paragraph = Some(self.fit(context, width, style));
        }
        match &mut self.paragraph {
            Some(paragraph) => paragraph.render(context, area, style),
            None => Ok(RenderResult::default()),
        }
    }
}

/// The header of every page: the centre on the left, the convention number
/// on the right, a rule below.
pub(super) struct Header {
    pub(super) left: String,
    pub(super) right: String,
}

/// Longest centre name printed in the header, so it stays on one line or two.
const HEADER_CHARS: usize = 90;
/// Ends a centre name cut to [`HEADER_CHARS`].
const HEADER_ELLIPSIS: &str = "…";

impl PageDecorator for Header {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: Area<'a>,
        style: Style,
    ) -> Result<Area<'a>, GenpdfError> {
        area.add_margins(Margins::trbl(
            MARGIN_TOP,
            MARGIN_SIDE,
            MARGIN_BOTTOM,
            MARGIN_SIDE,
        ));
        let left = drawable(&self.left);
        let left = match left.char_indices().nth(HEADER_CHARS) {
            Some((cut, _)) => format!("{}{HEADER_ELLIPSIS}", &left[..cut]),
            None => left,
        };
        let small = Style::new().with_font_size(SMALL_SIZE).with_color(GREY);
        let mut table = TableLayout::new(vec![3, 2]);
        table
            .row()
            .element(Text::new(&left, small))
            .element(Text::new(&self.right, small).aligned(Alignment::Right))
            .push()?;
        let result = table.render(context, area.clone(), style)?;
        area.add_offset(Position::new(0, result.size.height + Mm::from(1.0)));
        let width = area.size().width;
        area.draw_line(
            vec![Position::new(0, 0), Position::new(width, 0)],
            Style::new().with_color(GREY),
        );
        area.add_offset(Position::new(0, 5));
        Ok(area)
    }
}

/// A block that reads as one (the signatures): when less than `height` is
/// left on the page, it starts on the next one instead of being cut.
///
/// genpdf cannot measure an element before rendering it, so `height` is an
/// estimate, kept below a page's height: at the top of a page the block
/// always renders, with page breaks inside if it must.
struct KeepTogether {
    inner: LinearLayout,
    height: Mm,
    moved: bool,
}

impl Element for KeepTogether {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, GenpdfError> {
        if !self.moved && area.size().height < self.height {
            self.moved = true;
            // Nothing printed here, the rest on the next page.
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        self.moved = true;
        self.inner.render(context, area, style)
    }
}

/// A signature box: the role, the signatory's name and position, and room
/// to sign.
pub(super) struct SignatureBox {
    pub(super) role: String,
    pub(super) name: String,
    pub(super) position: String,
}

/// The document's content, in reading order.
pub(super) struct Sheet {
    root: LinearLayout,
    /// Every character the blocks print.
    chars: Charset,
}

impl Sheet {
    pub(super) fn new() -> Self {
        Self {
            root: LinearLayout::vertical(),
            chars: Charset::default(),
        }
    }

    /// `text`, its characters noted.
    fn text(&mut self, text: &str, style: Style) -> Text {
        let text = Text::new(text, style);
        text.note(&mut self.chars);
        text
    }

    /// Adds a paragraph.
    fn push_text(&mut self, text: &str, style: Style) {
        let text = self.text(text, style);
        self.root.push(text);
    }

    /// The letterhead: the logo if it decodes, then the institution, the
    /// centre and its address.
    pub(super) fn letterhead(&mut self, letterhead: &Letterhead, words: &Words) {
        let mut lines = LinearLayout::vertical();
        lines.push(self.text(
            &letterhead.institution,
            Style::new().bold().with_font_size(11),
        ));
        lines.push(self.text(&letterhead.centre, Style::new().bold()));
        for line in letterhead.lines(words) {
            lines.push(self.text(&line, Style::new().with_font_size(SMALL_SIZE)));
        }
        match letterhead.logo.as_ref().and_then(logo::image) {
            Some(image) => {
                let mut table = TableLayout::new(vec![2, 5]);
                // The row always has two cells, as the table has two columns.
                let _ = table
                    .row()
                    .element(image.padded(Margins::trbl(0, 4, 0, 0)))
                    .element(lines)
                    .push();
                self.root.push(table);
            }
            None => self.root.push(lines),
        }
        self.space(1.0);
    }

    pub(super) fn title(&mut self, text: &str) {
        let title = self.text(text, Style::new().bold().with_font_size(16));
        self.root.push(title.aligned(Alignment::Center));
    }

    pub(super) fn subtitle(&mut self, text: &str) {
        let subtitle = self.text(text, Style::new().with_font_size(11));
        self.root.push(subtitle.aligned(Alignment::Center));
        self.space(1.0);
    }

    /// A section or article heading.
    pub(super) fn heading(&mut self, text: &str) {
        self.space(0.6);
        self.push_text(text, Style::new().bold().with_font_size(11));
        self.space(0.2);
    }

    /// A heading inside a section (a party, a change).
    pub(super) fn subheading(&mut self, text: &str) {
        self.space(0.4);
        self.push_text(text, Style::new().bold());
    }

    /// Free text: one paragraph per line of `text`.
    pub(super) fn paragraphs(&mut self, text: &str) {
        let mut any = false;
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            self.push_text(line, Style::new());
            any = true;
        }
        if !any {
            self.push_text(DASH, Style::new());
        }
    }

    /// `Label: value` on one line (wrapping if long); a dash when empty.
    pub(super) fn field(&mut self, label: &str, value: &str) {
        let value = one_line(value);
        let value = if value.is_empty() { DASH } else { &value };
        let text = Text::labelled(label, value);
        text.note(&mut self.chars);
        self.root.push(text);
    }

    /// A label, then a long text below it, paragraph by paragraph.
    pub(super) fn long_field(&mut self, label: &str, text: &str) {
        self.push_text(label, Style::new().bold());
        self.paragraphs(text);
    }

    /// Adds `block`, moved to the next page when less than `height_mm`
    /// millimetres are left on this one.
    pub(super) fn keep_together(&mut self, block: Sheet, height_mm: f64) {
        self.chars.merge(block.chars);
        self.root.push(KeepTogether {
            inner: block.root,
            height: Mm::from(height_mm),
            moved: false,
        });
    }

    /// Vertical space, in lines.
    pub(super) fn space(&mut self, lines: f64) {
        self.root.push(Break::new(lines));
    }

    /// Framed signature boxes, two per row (one box spans the width).
    pub(super) fn signatures(&mut self, boxes: Vec<SignatureBox>, date_and_signature: &str) {
        let columns = boxes.len().clamp(1, 2);
        let mut table = TableLayout::new(vec![1; columns]);
        table.set_cell_decorator(FrameCellDecorator::new(true, true, false));
        let mut cells: Vec<LinearLayout> = boxes
            .into_iter()
            .map(|signature| {
                let mut cell = LinearLayout::vertical();
                cell.push(self.text(&signature.role, Style::new().bold()));
                for line in [signature.name, signature.position] {
                    let line = one_line(&line);
                    if !line.is_empty() {
                        cell.push(self.text(&line, Style::new()));
                    }
                }
                cell.push(self.text(
                    date_and_signature,
                    Style::new().with_font_size(SMALL_SIZE).with_color(GREY),
                ));
                cell.push(Break::new(4.0));
                cell
            })
            .collect();
        while !cells.len().is_multiple_of(columns) {
            cells.push(LinearLayout::vertical());
        }
        let mut cells = cells.into_iter().peekable();
        while cells.peek().is_some() {
            let mut row = table.row();
            for cell in cells.by_ref().take(columns) {
                row.push_element(cell.padded(Margins::all(2)));
            }
            // Rows are filled to the number of columns: the push cannot fail.
            let _ = row.push();
        }
        self.root.push(table);
    }
}

/// About how tall a signature section is: its heading and "done at" line,
/// then rows of two boxes of five lines and room to sign.
pub(super) fn signatures_height(boxes: usize) -> f64 {
    let rows = boxes.div_ceil(2);
    20.0 + 42.0 * rows as f64
}

/// Line breaks and runs of spaces become single spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lays the sheet out on A4 pages under `header`, in fonts subsetted to its
/// characters, those of the header and `more` (the footer's, stamped
/// later). The raw PDF still needs [`super::pdf::finish`], with the
/// regular subset returned here.
pub(super) fn layout(
    sheet: Sheet,
    header: Header,
    more: &str,
) -> Result<(Vec<u8>, Vec<u8>), DocumentError> {
    let Sheet { root, mut chars } = sheet;
    for text in [&header.left, &header.right, more] {
        chars.add(&drawable(text));
    }
    chars.add(HEADER_ELLIPSIS);
    let subsets = fonts::subsets(&chars)?;
    let mut document = genpdf::Document::new(subsets.family);
    let fallback = subsets
        .fallback
        .map(|family| document.add_font_family(family));
    let _scope = fonts::FallbackScope::enter(fallback);
    // No ICC profile nor XMP packet from genpdf: the finishing pass adds
    // the archival metadata to the documents that need it.
    document.set_minimal_conformance();
    document.set_font_size(BODY_SIZE);
    document.set_line_spacing(1.15);
    document.set_page_decorator(header);
    document.push(root);
    let mut raw = Vec::new();
    document
        .render(&mut raw)
        .map_err(|e| DocumentError::Layout(e.to_string()))?;
    Ok((raw, subsets.regular))
}
