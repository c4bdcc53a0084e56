// The extension outside VS Code: `vscode` and the language client are
// stood in for, so activating it shows what it would start and with which
// options; then the server is started exactly so (the built `scorecard`
// binary) and spoken to through vscode-jsonrpc, the client's own transport.
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { spawn } = require("node:child_process");

const here = path.join(__dirname, "..");
const root = path.join(here, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
const properties = manifest.contributes.configuration.properties;

/** What the stand-ins saw. */
const seen = { settingsRead: new Set(), commands: new Map(), clients: [], errors: [] };

const fakeVscode = {
  workspace: {
    getConfiguration(section) {
      return {
        get(key) {
          const name = `${section}.${key}`;
          seen.settingsRead.add(name);
          return properties[name]?.default;
        },
      };
    },
    createFileSystemWatcher: (glob) => ({ glob }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  commands: {
    registerCommand(name, fn) {
      seen.commands.set(name, fn);
      return { dispose() {} };
    },
    executeCommand: (name) => seen.commands.get(name)?.(),
  },
  window: { showErrorMessage: (m) => seen.errors.push(m) },
};

class FakeClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
    seen.clients.push(this);
  }
  start() {
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return fakeVscode;
  if (request === "vscode-languageclient/node") return { LanguageClient: FakeClient };
  return load.call(this, request, ...rest);
};

async function activated() {
  const extension = require(path.join(here, "extension.js"));
  const context = { subscriptions: [] };
  await extension.activate(context);
  return { extension, context, client: seen.clients[seen.clients.length - 1] };
}

test("the extension starts `scorecard lsp` for .card files, with the settings it declares", async () => {
  const { client, context } = await activated();
  assert.equal(client.id, "scorecard", "the id the `scorecard.trace.server` setting is read by");
  const run = client.serverOptions.run;
  assert.equal(run.command, "scorecard");
  assert.deepEqual(run.args, ["lsp"]);
  assert.equal(run.transport, undefined, "no `--stdio` added: stdin/stdout is the server's only way");
  assert.deepEqual(client.serverOptions.debug, run);
  const languages = client.clientOptions.documentSelector.map((s) => s.language);
  assert.deepEqual([...new Set(languages)], ["scorecard"]);
  assert.deepEqual(client.clientOptions.initializationOptions, { lang: "zh" }, "Chinese by default");
  assert.equal(client.clientOptions.synchronize.fileEvents.glob, "**/*.{card,rhai,toml}");

  // Every setting it reads is declared, and the language is `.card`'s.
  for (const name of seen.settingsRead) assert.ok(properties[name], `setting ${name} declared`);
  assert.ok(properties["scorecard.trace.server"]);
  const language = manifest.contributes.languages.find((l) => l.id === "scorecard");
  assert.deepEqual(language.extensions, [".card"]);
  const grammar = manifest.contributes.grammars.find((g) => g.language === "scorecard");
  const tm = JSON.parse(fs.readFileSync(path.join(here, grammar.path), "utf8"));
  assert.equal(tm.scopeName, grammar.scopeName);
  assert.ok(manifest.activationEvents.includes("onLanguage:scorecard"));

  // The one command: declared, registered, and it starts a new client.
  const declared = manifest.contributes.commands.map((c) => c.command);
  assert.deepEqual(declared, [...seen.commands.keys()]);
  await seen.commands.get("scorecard.restartServer")();
  assert.equal(seen.clients.length, 2);
  assert.ok(context.subscriptions.length >= 2);
  assert.deepEqual(seen.errors, []);
});

/** The built binary: $SCORECARD_BIN, else the repository's debug build. */
function binary() {
  const candidates = [process.env.SCORECARD_BIN, path.join(root, "target", "debug", "scorecard")];
  return candidates.find((c) => c && fs.existsSync(c));
}

test("the server, started as the extension starts it, checks a card as it is typed", async (t) => {
  const bin = binary();
  if (!bin) {
    t.skip("no scorecard binary: run `cargo build` first (or set SCORECARD_BIN)");
    return;
  }
  const { client } = await activated();
  const rpc = require("vscode-jsonrpc/node");
  const { run } = client.serverOptions;
  const env = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  const child = spawn(bin, run.args, { env, stdio: ["pipe", "pipe", "ignore"] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const published = [];
  let wake = () => {};
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    published.push(p);
    wake();
  });
  connection.listen();
  const timeout = setTimeout(() => child.kill(), 20000);
  try {
    const init = await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: client.clientOptions.initializationOptions,
    });
    assert.equal(init.capabilities.positionEncoding, "utf-16");
    assert.equal(init.capabilities.textDocumentSync, 1);
    for (const p of ["hoverProvider", "completionProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider", "documentFormattingProvider"]) {
      assert.ok(init.capabilities[p], p);
    }
    connection.sendNotification("initialized", {});

    const file = path.join(root, "rules", "brands", "君威", "callback_specialist.card");
    const uri = "file://" + file.split(path.sep).map(encodeURIComponent).join("/");
    const text = fs.readFileSync(file, "utf8").replace("by 反馈及时率 {", "by 反馈及时 {");
    const arrived = new Promise((resolve) => (wake = resolve));
    connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "scorecard", version: 1, text },
    });
    await arrived;
    const [d] = published[0].diagnostics;
    assert.match(d.message, /`反馈及时` 未在本考核表中声明/);
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("by 反馈及时 {"));
    assert.deepEqual(d.range.start, { line, character: lines[line].indexOf("反馈及时") });

    const hover = await connection.sendRequest("textDocument/hover", {
      textDocument: { uri },
      position: { line, character: lines[line].indexOf("反馈及时") + 1 },
    });
    assert.equal(hover, null, "a name the card does not declare has nothing to show");

    await connection.sendRequest("shutdown");
    const exited = new Promise((resolve) => child.on("exit", resolve));
    connection.sendNotification("exit");
    assert.equal(await exited, 0);
  } finally {
    clearTimeout(timeout);
    connection.dispose();
    child.kill();
  }
});
