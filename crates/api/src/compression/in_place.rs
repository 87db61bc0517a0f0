//! gzip of a body held whole in memory, on the thread that answers, with
//! that thread's own compressor, reset for each answer.
//!
//! actix's encoder builds a compressor for every answer: zlib-rs takes
//! 372 KiB for its state in one block, which glibc maps and unmaps each
//! time (above the 128 KiB threshold `stages serve` fixes), so every
//! answer paid about ninety page faults, their zeroing and the unmapping;
//! and it hands every chunk of a kilobyte or more to a blocking thread
//! and back. Kept per thread and reset, the state is made once; a search's
//! page (10–20 KiB of JSON) is compressed in well under a millisecond where
//! it was produced. The searches' answers with one client went from 1.2–1.6
//! to 0.7–0.8 ms when not compressed at all (BENCHMARKS.md, twelfth run):
//! that difference is what this cuts.

use actix_web::web::Bytes;
use flate2::{Compress, CompressError, Compression, Crc, FlushCompress, Status};
use std::cell::RefCell;

/// The largest body compressed on the spot: 64 KiB take about half a
/// millisecond at the fastest level. Larger ones (the API's description,
/// exports) go to actix's encoder, which compresses them on a blocking
/// thread rather than hold up the answers of the others.
pub const MAX_BYTES: u64 = 64 * 1024;

thread_local! {
    /// Raw deflate (the gzip framing is written here), the fastest level,
    /// as actix's encoder uses.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

/// gzip's header (RFC 1952): deflate, no name nor time, "fastest"
/// (`XFL` 4), the system unknown (255) — what flate2's own writer sends.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 255];

/// `input` as a gzip member.
pub fn gzip(input: &[u8]) -> Result<Bytes, CompressError> {
    let mut out = Vec::with_capacity(HEADER.len() + input.len() / 2 + 64);
    out.extend_from_slice(&HEADER);
    DEFLATE.with_borrow_mut(|deflate| {
        deflate.reset();
        let mut read = 0;
        loop {
            let before = deflate.total_in();
            let status = deflate.compress_vec(&input[read..], &mut out, FlushCompress::Finish)?;
            read += usize::try_from(deflate.total_in() - before).unwrap_or(usize::MAX);
            match status {
                Status::StreamEnd => return Ok(()),
                // `compress_vec` writes into the spare capacity only.
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(4096)),
            }
        }
    })?;
    let mut crc = Crc::new();
    crc.update(input);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // `ISIZE`: the size modulo 2^32.
    let size = (input.len() as u64 & u64::from(u32::MAX)) as u32;
    out.extend_from_slice(&size.to_le_bytes());
    Ok(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::gzip;
    use std::io::Read;

    fn gunzip(packed: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(packed)
            .read_to_end(&mut out)
            .expect("a valid gzip member");
        out
    }

    #[test]
    fn answers_in_a_row_on_one_thread_each_unpack_to_themselves() {
        // The compressor is the thread's, reset each time: nothing of an
        // answer may leak into the next.
        let first = r#"{"items":[{"id":1,"name":"Martin"}],"next_cursor":null}"#.repeat(200);
        let second = "stage ".repeat(5_000);
        let empty = "";
        for text in [first.as_str(), second.as_str(), empty, first.as_str()] {
            let packed = gzip(text.as_bytes()).expect("compressed");
            assert_eq!(gunzip(&packed), text.as_bytes());
        }
        let packed = gzip(first.as_bytes()).expect("compressed");
        assert!(packed.len() * 10 < first.len(), "{}", packed.len());
    }

    #[test]
    fn a_body_that_does_not_shrink_still_fits() {
        // Bytes that do not compress make the output larger than the
        // input: the buffer grows until the stream ends.
        let noise: Vec<u8> = (0..super::MAX_BYTES as u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let packed = gzip(&noise).expect("compressed");
        assert_eq!(gunzip(&packed), noise);
    }
}
