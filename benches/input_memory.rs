//! Memory of an import at the input limits: generated tables near 64 MB and near the cell limit, read, guessed
//! and extracted as `bosetting import` does. A counting allocator gives the peak heap above what was held before
//! (the input bytes are held by the caller, as after `read_limited`); the figures are printed, and criterion
//! times an import of an 8 MB CSV.
//!
//! `cargo bench --bench input_memory --no-default-features -- --warm-up-time 1 --measurement-time 3`

// A global allocator is an unsafe trait; counting bytes is all this one adds to the system allocator.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use bosetting::import::{Guess, extract, guess, read_table};
use criterion::{Criterion, criterion_group, criterion_main};

/// The system allocator, counting the bytes in use and their high-water mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = IN_USE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `bosetting import` does with the bytes of a file; `Err` with the message when it is refused.
fn import(bytes: &[u8], name: &str) -> Result<usize, String> {
    let table = read_table(bytes, name).map_err(|e| e.to_string())?;
    match guess(&table) {
        Guess::Found { code, value } => Ok(extract(&table, code, value).values.len()),
        other => Err(other.problem(&table).unwrap_or_default()),
    }
}

/// Peak heap in bytes above what was in use before, and the outcome.
fn peak_of(f: impl FnOnce() -> Result<usize, String>) -> (usize, Result<usize, String>) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - before, out)
}

fn code(i: usize) -> String {
    format!("{:04}", 101 + (i % 400) * 14)
}

/// A semicolon CSV of four columns (code, a long name, year, value) of about `bytes`.
fn csv(bytes: usize, name_len: usize) -> Vec<u8> {
    let mut out = String::with_capacity(bytes + 100);
    out.push_str("kommunenummer;kommune;år;verdi\n");
    let mut i = 0;
    while out.len() < bytes {
        let name = format!("Kommune {i:0>width$}", width = name_len.saturating_sub(8));
        let _ = writeln!(out, "{};{name};{};{},{}", code(i), 2000 + i / 400, (i * 7919) % 100_000, i % 10);
        i += 1;
    }
    out.into_bytes()
}

/// A JSON-stat 2.0 dataset: 400 regions × `years` years.
fn jsonstat(years: usize) -> Vec<u8> {
    let regions: Vec<String> = (0..400).map(|i| format!("\"K-{}\"", code(i))).collect();
    let labels: Vec<String> = (0..400).map(|i| format!("\"K-{}\":\"Kommune {i}\"", code(i))).collect();
    let tid: Vec<String> = (0..years).map(|y| format!("\"{}\"", 1000 + y)).collect();
    let values: Vec<String> = (0..400 * years).map(|k| format!("{}.{}", (k * 7919) % 10_000, k % 10)).collect();
    format!(
        r#"{{"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[400,{years}],"dimension":{{"Region":{{"label":"region","category":{{"index":[{}],"label":{{{}}}}}}},"Tid":{{"label":"tid","category":{{"index":[{}]}}}}}},"value":[{}]}}"#,
        regions.join(","),
        labels.join(","),
        tid.join(","),
        values.join(",")
    )
    .into_bytes()
}

fn report(what: &str, bytes: &[u8], name: &str) {
    let (peak, out) = peak_of(|| import(black_box(bytes), name));
    let input = bytes.len() as f64;
    let outcome = match out {
        Ok(n) => format!("accepted, {n} values"),
        Err(e) => format!("refused: {}", e.chars().take(90).collect::<String>()),
    };
    println!(
        "input_memory: {what}: input {:.1} MB, peak heap {:.0} MB above the input ({:.1}× the input; {:.1}× counting it), {outcome}",
        input / 1e6,
        peak as f64 / 1e6,
        peak as f64 / input,
        (peak as f64 + input) / input,
    );
}

fn bench(c: &mut Criterion) {
    let accepted_csv = csv(63 << 20, 28);
    report("CSV, 4 columns, 63 MB, under the cell limit", &accepted_csv, "accepted.csv");
    report("CSV, 4 short columns, 60 MB, over the cell limit", &csv(60 << 20, 8), "short.csv");
    let mut bad_line_3 = csv(60 << 20, 28);
    if let Some(end) = bad_line_3.iter().position(|&b| b == b'\n') {
        // Line 3 gets a fifth field; the rest of the file is fine.
        let line_3 = end + 1 + bad_line_3[end + 1..].iter().position(|&b| b == b'\n').unwrap_or(0) + 1;
        bad_line_3.insert(line_3, b';');
        bad_line_3.insert(line_3, b'x');
    }
    report("CSV, 4 columns, 60 MB, a fifth field on line 3", &bad_line_3, "bad-line-3.csv");
    drop(bad_line_3);
    report("JSON-stat, 400 × 3700 observations (5.9 M cells)", &jsonstat(3700), "accepted.json");
    report("JSON-stat, 400 × 5000 observations (8 M cells)", &jsonstat(5000), "refused.json");
    drop(accepted_csv);
    // Timed on an eighth of the limit, so the run stays short.
    let eighth = csv(8 << 20, 28);
    let mut group = c.benchmark_group("input_memory");
    group.sample_size(10);
    group.bench_function("import CSV 8 MB", |b| b.iter(|| import(black_box(&eighth), "eighth.csv")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
