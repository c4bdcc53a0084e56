// Builds dist/: index.html, app.js (the page and CodeMirror, one bundle) and
// app.css. The output depends only on src/ and the locked packages (no dates,
// no absolute paths), so check-dist.sh can hold dist/ to what is committed.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, readdirSync, statSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};
const js = await build({
  ...common,
  metafile: true,
  entryPoints: ["src/main.js"],
  outfile: "dist/app.js",
  format: "iife",
  target: ["es2020", "chrome90", "firefox90", "safari15"],
});
await build({ ...common, entryPoints: ["src/style.css"], outfile: "dist/app.css" });
copyFileSync(join(here, "src/index.html"), join(dist, "index.html"));

// The licences of the packages bundled into app.js (all MIT), served beside it.
const packages = new Set();
for (const input of Object.keys(js.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[1]);
}
let notice = "Third-party code bundled into app.js\n";
for (const name of [...packages].sort()) {
  const dir = join(here, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(dir, f)).find(existsSync);
  notice += `\n${"=".repeat(72)}\n${name} ${pkg.version} (${pkg.license})\n${"=".repeat(72)}\n`;
  notice += file ? readFileSync(file, "utf8").trim() + "\n" : `${pkg.license}\n`;
}
writeFileSync(join(dist, "licenses.txt"), notice);

for (const f of readdirSync(dist).sort()) console.log(`dist/${f}\t${statSync(join(dist, f)).size} bytes`);
