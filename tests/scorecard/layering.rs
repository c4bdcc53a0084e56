//! No import circles between files: the library and the CLI read as layers.
//!
//! Every `.rs` file reachable by `mod` from the crate roots (core, io, the
//! facade and the binary; test modules left out: `#[cfg(test)]` items and
//! files named `*tests*`) is parsed with `syn`. Each path a file names —
//! `use` trees and paths in code (`crate::a::b::X`, `super::x`,
//! `scorecard_core::…`, and bare paths through the file's own `use`s) — is
//! followed through re-exports (`pub use`, globs) to the file that defines
//! the name. An edge between a module and its own ancestors or descendants
//! is the module tree itself and is left out. A strongly connected component
//! of more than one file (Tarjan) is a circle, and the test names it with
//! the paths that make each edge.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// A crate of the workspace: its name in paths and its root file.
const CRATES: &[(&str, &str)] = &[
    ("scorecard_core", "crates/scorecard-core/src/lib.rs"),
    ("scorecard_io", "crates/scorecard-io/src/lib.rs"),
    ("scorecard", "src/lib.rs"),
    ("scorecard_bin", "src/main.rs"),
];

/// A module: the crate it is in and its path from the crate root.
type ModPath = (usize, Vec<String>);

#[derive(Default)]
struct Scope {
    /// Names brought in by `use` (local name → absolute path).
    uses: HashMap<String, Abs>,
    /// Paths of `use x::*`.
    globs: Vec<Abs>,
    /// Items defined here (struct, fn, enum, …).
    defined: HashSet<String>,
    /// Child modules.
    children: HashSet<String>,
}

/// An absolute path: crate and segments from its root.
#[derive(Clone, Debug)]
struct Abs {
    krate: usize,
    segs: Vec<String>,
}

struct Module {
    file: usize,
    scope: Scope,
}

struct Files {
    root: PathBuf,
    /// Each file, relative to the root.
    names: Vec<String>,
    modules: BTreeMap<ModPath, Module>,
    /// The module path of each file.
    file_mod: Vec<ModPath>,
    /// Paths named in each file's code, with the module they are named in.
    named: Vec<Vec<(ModPath, Vec<String>)>>,
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && {
            let text = quote_free(&a.meta);
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .collect();
            words.contains(&"test") && !words.contains(&"not")
        }
    })
}

/// The text of a meta item without the `quote` crate.
fn quote_free(meta: &syn::Meta) -> String {
    match meta {
        syn::Meta::List(list) => list.tokens.to_string(),
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => s.value(),
            _ => String::new(),
        },
        syn::Meta::Path(_) => String::new(),
    }
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => Some(quote_free(&a.meta)),
        _ => None,
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item::*;
    match item {
        Const(i) => &i.attrs,
        Enum(i) => &i.attrs,
        ExternCrate(i) => &i.attrs,
        Fn(i) => &i.attrs,
        ForeignMod(i) => &i.attrs,
        Impl(i) => &i.attrs,
        Macro(i) => &i.attrs,
        Mod(i) => &i.attrs,
        Static(i) => &i.attrs,
        Struct(i) => &i.attrs,
        Trait(i) => &i.attrs,
        TraitAlias(i) => &i.attrs,
        Type(i) => &i.attrs,
        Union(i) => &i.attrs,
        Use(i) => &i.attrs,
        _ => &[],
    }
}

fn item_name(item: &syn::Item) -> Option<String> {
    use syn::Item::*;
    Some(
        match item {
            Const(i) => &i.ident,
            Enum(i) => &i.ident,
            Fn(i) => &i.sig.ident,
            Static(i) => &i.ident,
            Struct(i) => &i.ident,
            Trait(i) => &i.ident,
            Type(i) => &i.ident,
            Union(i) => &i.ident,
            Macro(i) => i.ident.as_ref()?,
            _ => return None,
        }
        .to_string(),
    )
}

fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.contains("tests") || rel.split('/').any(|part| part == "tests")
}

impl Files {
    fn load(root: &Path) -> Files {
        let mut files = Files {
            root: root.to_path_buf(),
            names: Vec::new(),
            modules: BTreeMap::new(),
            file_mod: Vec::new(),
            named: Vec::new(),
        };
        for (krate, path) in CRATES.iter().enumerate() {
            files.load_file(krate, Vec::new(), &root.join(path.1));
        }
        files
    }

    fn load_file(&mut self, krate: usize, module: Vec<String>, path: &Path) {
        let rel = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if is_test_file(&rel) {
            return;
        }
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let file = self.names.len();
        self.names.push(rel);
        self.file_mod.push((krate, module.clone()));
        self.named.push(Vec::new());
        self.load_items(krate, module, file, path, &ast.items, true);
    }

    fn load_items(
        &mut self,
        krate: usize,
        module: Vec<String>,
        file: usize,
        path: &Path,
        items: &[syn::Item],
        file_root: bool,
    ) {
        let mut scope = Scope::default();
        let mut named = Vec::new();
        for item in items {
            if is_cfg_test(item_attrs(item)) {
                continue;
            }
            if let Some(name) = item_name(item) {
                scope.defined.insert(name);
            }
            match item {
                syn::Item::Use(u) => {
                    let mut flat = Vec::new();
                    flatten_use(&u.tree, Vec::new(), &mut flat);
                    for (segs, alias) in flat {
                        named.push(segs.clone());
                        let Some(abs) = self.absolute(krate, &module, &scope, &segs) else {
                            continue;
                        };
                        match alias {
                            Some(name) => {
                                scope.uses.insert(name, abs);
                            }
                            None => scope.globs.push(abs),
                        }
                    }
                }
                syn::Item::Mod(m) => {
                    let name = m.ident.to_string();
                    scope.children.insert(name.clone());
                    let mut child = module.clone();
                    child.push(name.clone());
                    if let Some((_, inner)) = &m.content {
                        self.load_items(krate, child, file, path, inner, false);
                    } else {
                        let dir = path.parent().unwrap();
                        let stem = path.file_stem().unwrap().to_string_lossy();
                        let base = if !file_root || ["mod", "lib", "main"].contains(&&*stem) {
                            dir.to_path_buf()
                        } else {
                            dir.join(&*stem)
                        };
                        let target = match path_attr(&m.attrs) {
                            Some(p) => dir.join(p),
                            None if base.join(format!("{name}.rs")).exists() => {
                                base.join(format!("{name}.rs"))
                            }
                            None => base.join(&name).join("mod.rs"),
                        };
                        self.load_file(krate, child, &target);
                    }
                }
                _ => {
                    let mut visitor = PathVisitor::default();
                    visitor.visit_item(item);
                    named.extend(visitor.paths);
                }
            }
        }
        for segs in named {
            self.named[file].push(((krate, module.clone()), segs));
        }
        self.modules.insert((krate, module), Module { file, scope });
    }

    /// The absolute form of `segs` named in `module`, or `None` for a path
    /// outside the workspace (`std::…`).
    fn absolute(
        &self,
        krate: usize,
        module: &[String],
        scope: &Scope,
        segs: &[String],
    ) -> Option<Abs> {
        let first = segs.first()?;
        let mut base: Vec<String> = module.to_vec();
        let mut rest = segs;
        match first.as_str() {
            "crate" => {
                base.clear();
                rest = &segs[1..];
            }
            "self" => rest = &segs[1..],
            "super" => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            name => {
                if let Some(k) = CRATES.iter().position(|c| c.0 == name) {
                    return Some(Abs {
                        krate: k,
                        segs: segs[1..].to_vec(),
                    });
                }
                if let Some(abs) = scope.uses.get(name) {
                    let mut out = abs.clone();
                    out.segs.extend(segs[1..].iter().cloned());
                    return Some(out);
                }
                if scope.children.contains(name) {
                    // base + segs
                } else {
                    return None;
                }
            }
        }
        base.extend(rest.iter().cloned());
        Some(Abs { krate, segs: base })
    }

    /// The file that defines what `abs` names: the longest module prefix,
    /// then through that module's `use`s and globs.
    fn resolve(&self, abs: &Abs, depth: usize, strict: bool) -> Option<usize> {
        if depth > 16 {
            return None;
        }
        let mut len = abs.segs.len();
        let (module, rest) = loop {
            let key = (abs.krate, abs.segs[..len].to_vec());
            if let Some(m) = self.modules.get(&key) {
                break (m, &abs.segs[len..]);
            }
            if len == 0 {
                return None;
            }
            len -= 1;
        };
        let Some(name) = rest.first() else {
            return Some(module.file);
        };
        if module.scope.defined.contains(name) {
            return Some(module.file);
        }
        if let Some(target) = module.scope.uses.get(name) {
            let mut next = target.clone();
            next.segs.extend(rest[1..].iter().cloned());
            if let Some(file) = self.resolve(&next, depth + 1, strict) {
                return Some(file);
            }
        }
        for glob in &module.scope.globs {
            let mut next = glob.clone();
            next.segs.extend(rest.iter().cloned());
            if let Some(file) = self.resolve(&next, depth + 1, true) {
                return Some(file);
            }
        }
        (!strict).then_some(module.file)
    }

    /// Edges between files: (from, to) → the paths that make it.
    fn edges(&self) -> BTreeMap<(usize, usize), BTreeSet<String>> {
        let mut edges: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
        for (file, named) in self.named.iter().enumerate() {
            for ((krate, module), segs) in named {
                let scope = &self.modules[&(*krate, module.clone())].scope;
                let Some(abs) = self.absolute(*krate, module, scope, segs) else {
                    continue;
                };
                let Some(to) = self.resolve(&abs, 0, false) else {
                    continue;
                };
                let (fk, fm) = &self.file_mod[file];
                let (tk, tm) = &self.file_mod[to];
                let related = fk == tk && (fm.starts_with(tm) || tm.starts_with(fm));
                if to == file || related {
                    continue;
                }
                edges.entry((file, to)).or_default().insert(segs.join("::"));
            }
        }
        edges
    }
}

/// `use a::{b, c::d as e, f::*}` → `[a, b]` as `b`, `[a, c, d]` as `e`,
/// `[a, f]` as a glob (`None`).
fn flatten_use(
    tree: &syn::UseTree,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            let mut next = prefix;
            next.push(p.ident.to_string());
            flatten_use(&p.tree, next, out);
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                let alias = prefix.last().cloned();
                out.push((prefix, alias));
            } else {
                let mut path = prefix;
                path.push(name.clone());
                out.push((path, Some(name)));
            }
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix;
            let name = r.ident.to_string();
            if name != "self" {
                path.push(name);
            }
            out.push((path, Some(r.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix, None)),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix.clone(), out);
            }
        }
    }
}

/// Every path of two or more segments in an item, leaving out `#[cfg(test)]`
/// items inside it.
#[derive(Default)]
struct PathVisitor {
    paths: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for PathVisitor {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.segments.len() >= 2 {
            self.paths
                .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, path);
    }
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if !is_cfg_test(item_attrs(item)) {
            syn::visit::visit_item(self, item);
        }
    }
    /// A `use` inside a function: its paths (the file's scope keeps only
    /// module-level `use`s).
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut flat = Vec::new();
        flatten_use(&u.tree, Vec::new(), &mut flat);
        self.paths.extend(flat.into_iter().map(|(segs, _)| segs));
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_cfg_test(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
}

/// Tarjan's strongly connected components.
fn components(n: usize, edges: &BTreeMap<(usize, usize), BTreeSet<String>>) -> Vec<Vec<usize>> {
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges.keys() {
        next[a].push(b);
    }
    struct State<'a> {
        next: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        out: Vec<Vec<usize>>,
    }
    fn strong(s: &mut State, v: usize) {
        s.index[v] = Some(s.counter);
        s.low[v] = s.counter;
        s.counter += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for i in 0..s.next[v].len() {
            let w = s.next[v][i];
            match s.index[w] {
                None => {
                    strong(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                _ => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut comp = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on_stack[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(comp);
        }
    }
    let mut s = State {
        next: &next,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        counter: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            strong(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_import_circles_between_files() {
    let files = Files::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(files.names.len() > 100, "found {} files", files.names.len());
    let edges = files.edges();
    let mut report = String::new();
    for mut comp in components(files.names.len(), &edges) {
        if comp.len() < 2 {
            continue;
        }
        comp.sort_by_key(|&f| &files.names[f]);
        let names: Vec<&str> = comp.iter().map(|&f| files.names[f].as_str()).collect();
        report.push_str(&format!("circle: {}\n", names.join(", ")));
        for (&(a, b), paths) in &edges {
            if comp.contains(&a) && comp.contains(&b) {
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                report.push_str(&format!(
                    "  {} → {}  ({})\n",
                    files.names[a],
                    files.names[b],
                    paths.join(", ")
                ));
            }
        }
    }
    assert!(report.is_empty(), "import circles between files:\n{report}");
}

#[test]
fn the_layering_test_sees_every_crate_and_finds_a_circle() {
    let files = Files::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    for prefix in ["crates/scorecard-core/", "crates/scorecard-io/", "src/cli/"] {
        assert!(
            files.names.iter().any(|n| n.starts_with(prefix)),
            "no file under {prefix}"
        );
    }
    let edges = files.edges();
    let named = |from: &str, to: &str| {
        edges
            .keys()
            .any(|&(a, b)| files.names[a] == from && files.names[b] == to)
    };
    // Through a re-export (`report::CardResults` is defined in common.rs),
    // and from the binary into the library's crates.
    assert!(named(
        "crates/scorecard-io/src/report/markdown.rs",
        "crates/scorecard-io/src/report/common.rs"
    ));
    assert!(edges
        .keys()
        .any(|&(a, b)| files.names[a].starts_with("src/cli/")
            && files.names[b].starts_with("crates/")));
    // Tarjan on a made-up graph: 0 → 1 → 2 → 0 is a circle, 3 hangs off it.
    let mut made_up: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
    for edge in [(0, 1), (1, 2), (2, 0), (2, 3)] {
        made_up.insert(edge, BTreeSet::new());
    }
    let mut circles: Vec<Vec<usize>> = components(4, &made_up)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    circles.iter_mut().for_each(|c| c.sort());
    assert_eq!(circles, vec![vec![0, 1, 2]]);
}
