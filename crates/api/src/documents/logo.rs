//! The centre's logo, made printable.
//!
//! A logo is whatever a centre uploaded, so it is decoded defensively: a file
//! that does not decode, is too large or makes the 2021-era decoders that
//! genpdf depends on panic is left out of the letterhead, and the document
//! prints without it. printpdf cannot draw transparency, so the alpha
//! channel is flattened onto white; a large picture is scaled down first, so
//! that it weighs a few kilobytes in the PDF rather than megabytes.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use genpdf::elements::Image;
use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};

use super::{Logo, LogoType};

/// Larger sources are refused before decoding: 4096² RGBA is 64 MB.
const MAX_SOURCE_SIDE: u32 = 4096;

/// Pixels kept: 300 dpi over the printed box.
const MAX_PIXELS: (u32, u32) = (600, 240);

/// The box the logo is printed in, in millimetres.
const BOX_MM: (f64, f64) = (45.0, 20.0);

/// The logo as an image element sized to fit its box, if it decodes.
pub(super) fn image(logo: &Logo) -> Option<Image> {
    let format = match logo.media_type {
        LogoType::Png => ImageFormat::Png,
        LogoType::Jpeg => ImageFormat::Jpeg,
    };
    let pixels = catch_unwind(AssertUnwindSafe(|| decode(&logo.bytes, format)))
        .ok()
        .flatten()?;
    let (width, height) = pixels.dimensions();
    let dpi = f64::max(
        f64::from(width) * 25.4 / BOX_MM.0,
        f64::from(height) * 25.4 / BOX_MM.1,
    );
    Image::from_dynamic_image(DynamicImage::ImageRgb8(pixels))
        .ok()
        .map(|image| image.with_dpi(dpi))
}

/// Whether an uploaded file is really a picture of this type that the
/// letterhead can print: decoded whole, within the size limits. A file that
/// merely starts like a PNG (and goes on as a web page) is not.
pub fn is_printable(bytes: &[u8], media_type: LogoType) -> bool {
    let format = match media_type {
        LogoType::Png => ImageFormat::Png,
        LogoType::Jpeg => ImageFormat::Jpeg,
    };
    catch_unwind(AssertUnwindSafe(|| decode(bytes, format)))
        .ok()
        .flatten()
        .is_some()
}

fn decode(bytes: &[u8], format: ImageFormat) -> Option<RgbImage> {
    let (width, height) = image::io::Reader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .ok()?;
    if width == 0 || height == 0 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE {
        return None;
    }
    let decoded = image::load_from_memory_with_format(bytes, format).ok()?;
    let decoded = if width > MAX_PIXELS.0 || height > MAX_PIXELS.1 {
        decoded.thumbnail(MAX_PIXELS.0, MAX_PIXELS.1)
    } else {
        decoded
    };
    Some(on_white(&decoded.to_rgba8()))
}

/// Composites the picture over a white page.
fn on_white(rgba: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| {
            let c = u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a));
            u8::try_from(c / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
        let picture = RgbaImage::from_pixel(width, height, image::Rgba([200, 0, 0, alpha]));
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(picture)
            .write_to(&mut bytes, ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn a_transparent_png_is_flattened_and_scaled_down() {
        let logo = Logo {
            bytes: png(1200, 300, 0),
            media_type: LogoType::Png,
        };
        let pixels = decode(&logo.bytes, ImageFormat::Png).unwrap();
        assert_eq!(pixels.dimensions(), (600, 150));
        assert_eq!(pixels.get_pixel(0, 0).0, [255, 255, 255]);
        assert!(image(&logo).is_some());
    }

    #[test]
    fn what_does_not_decode_is_left_out() {
        let garbage = Logo {
            bytes: b"\x89PNG\r\n\x1a\nnot really".to_vec(),
            media_type: LogoType::Png,
        };
        assert!(image(&garbage).is_none());
        let mislabelled = Logo {
            bytes: png(10, 10, 255),
            media_type: LogoType::Jpeg,
        };
        assert!(image(&mislabelled).is_none());
    }
}
