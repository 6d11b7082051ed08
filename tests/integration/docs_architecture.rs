//! `docs/architecture.md` is the map of the code, and this test keeps it true: every module folder, every planner
//! view folder and every CLI subcommand has its line, nothing the page names is gone, and the page's table of which
//! module uses which is the one the code has. When the code changes on purpose, the failure prints what the page
//! should now say.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

const PAGE: &str = "docs/architecture.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn page() -> String {
    std::fs::read_to_string(root().join(PAGE)).expect("read docs/architecture.md")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    entries
}

fn name(path: &Path) -> String {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned()
}

/// The crate's top-level modules: each folder of `src/` (the binaries' folder aside) and each `src/*.rs` file
/// other than the crate roots.
fn top_modules() -> Vec<(String, PathBuf)> {
    sorted_entries(&root().join("src"))
        .into_iter()
        .filter_map(|path| {
            let n = name(&path);
            if path.is_dir() {
                (n != "bin").then_some((n, path))
            } else {
                let stem = n.strip_suffix(".rs")?;
                (stem != "lib" && stem != "main").then(|| (stem.to_owned(), path))
            }
        })
        .collect()
}

/// How the page names a module: `src/engine/` for a folder, `src/lang.rs` for a file.
fn page_name(module: &str, path: &Path) -> String {
    if path.is_dir() { format!("`src/{module}/`") } else { format!("`src/{module}.rs`") }
}

#[test]
fn every_module_folder_has_its_line_and_every_line_its_folder() {
    let page = page();
    let missing: Vec<String> =
        top_modules().iter().map(|(m, p)| page_name(m, p)).filter(|n| !page.contains(n.as_str())).collect();
    assert!(missing.is_empty(), "{PAGE} does not mention {}", missing.join(", "));

    let gui = root().join("src/gui");
    let missing_views: Vec<String> = sorted_entries(&gui)
        .into_iter()
        .filter(|p| p.is_dir())
        .map(|p| format!("`gui/{}/`", name(&p)))
        .filter(|n| !page.contains(n.as_str()))
        .collect();
    assert!(missing_views.is_empty(), "{PAGE} does not mention the planner folders {}", missing_views.join(", "));

    // And nothing the page names as a folder is gone.
    let mut gone = Vec::new();
    for (prefix, base) in [("`src/", "src/"), ("`gui/", "src/gui/")] {
        for piece in page.split(prefix).skip(1) {
            let Some(end) = piece.find('`') else { continue };
            let named = &piece[..end];
            if named.contains(' ') || named.contains('*') || named.contains('<') {
                continue;
            }
            if !root().join(base).join(named).exists() {
                gone.push(format!("{base}{named}"));
            }
        }
    }
    assert!(gone.is_empty(), "{PAGE} names paths that do not exist: {}", gone.join(", "));
}

#[test]
fn every_cli_subcommand_is_on_the_page_and_none_that_is_not() {
    let page = page();
    let cli = bosetting::cli::Cli::command();
    let real: BTreeSet<String> = cli.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    let missing: Vec<&String> = real.iter().filter(|c| !page.contains(&format!("`bosetting {c}"))).collect();
    assert!(missing.is_empty(), "{PAGE} does not name the subcommands {missing:?} (as `bosetting NAME …`)");

    let named: BTreeSet<String> = page
        .split("`bosetting ")
        .skip(1)
        .filter_map(|piece| piece.split([' ', '`']).next())
        .map(str::to_owned)
        .collect();
    let unknown: Vec<&String> = named.difference(&real).collect();
    assert!(unknown.is_empty(), "{PAGE} names subcommands that do not exist: {unknown:?}");
}

/// The code of a source file without its tests and comments: test code may reach anywhere, and a comment that
/// names a module does not use it.
fn without_tests(path: &Path) -> String {
    let n = name(path);
    if n == "tests.rs" || n.ends_with("_tests.rs") || n == "test_harness.rs" {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    code.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in sorted_entries(path) {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

/// The top-level modules a piece of source names through `crate::`, grouped imports included.
fn crate_references(text: &str, modules: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    for piece in text.split("crate::").skip(1) {
        let mut names = Vec::new();
        if let Some(group) = piece.strip_prefix('{') {
            // `crate::{a::X, b, c::{Y, Z}}`: the names at the group's first level.
            let mut depth = 0usize;
            let mut start = 0usize;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.push(&group[start..i]);
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(&group[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(piece);
        }
        for n in names {
            let ident: String = n.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if modules.contains(&ident) {
                out.insert(ident);
            }
        }
    }
}

fn actual_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let modules = top_modules();
    let names: BTreeSet<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    modules
        .iter()
        .map(|(module, path)| {
            let mut files = Vec::new();
            rust_files(path, &mut files);
            let mut uses = BTreeSet::new();
            for file in files {
                crate_references(&without_tests(&file), &names, &mut uses);
            }
            uses.remove(module);
            (module.clone(), uses)
        })
        .collect()
}

/// The rows of the page's "Dependencies" table: `| `module` | `a`, `b` |`.
fn documented_dependencies(page: &str) -> BTreeMap<String, BTreeSet<String>> {
    let section = page.split("\n## Dependencies\n").nth(1).expect("the page has a \"## Dependencies\" section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let module = cells.get(1)?.trim_matches('`').to_owned();
            let uses = cells
                .get(2)?
                .split(',')
                .map(|u| u.trim().trim_matches('`').to_owned())
                .filter(|u| !u.is_empty() && u != "—")
                .collect();
            Some((module, uses))
        })
        .collect()
}

fn render(deps: &BTreeMap<String, BTreeSet<String>>) -> String {
    let mut out = String::from("| module | uses |\n|---|---|\n");
    for (module, uses) in deps {
        let list: Vec<String> = uses.iter().map(|u| format!("`{u}`")).collect();
        let list = if list.is_empty() { "—".to_owned() } else { list.join(", ") };
        out.push_str(&format!("| `{module}` | {list} |\n"));
    }
    out
}

#[test]
fn the_dependency_table_is_the_codes() {
    let actual = actual_dependencies();
    let documented = documented_dependencies(&page());
    assert!(
        actual == documented,
        "the \"Dependencies\" table of {PAGE} is not the code's; it should read:\n\n{}",
        render(&actual)
    );
}

#[test]
fn no_module_reaches_itself() {
    // The modules form a DAG, the core (data, scenario, engine) included: no module reaches itself.
    let deps = actual_dependencies();
    fn reaches(
        from: &str,
        target: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        let Some(uses) = deps.get(from) else { return false };
        uses.iter().any(|u| u == target || (seen.insert(u.clone()) && reaches(u, target, deps, seen)))
    }
    for module in deps.keys() {
        assert!(
            !reaches(module, module, &deps, &mut BTreeSet::new()),
            "`{module}` reaches itself through its dependencies: {:?}",
            deps.get(module)
        );
    }
}

#[test]
fn the_reference_scanner_reads_grouped_imports() {
    let modules: BTreeSet<String> = ["data", "engine", "scenario"].iter().map(|s| s.to_string()).collect();
    let mut out = BTreeSet::new();
    crate_references(
        "use crate::{data::Dataset, engine::{a, b}};\nlet x = crate::scenario::load();",
        &modules,
        &mut out,
    );
    assert_eq!(out, modules);
}
