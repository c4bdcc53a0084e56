// Starts `scorecard lsp` and speaks LSP with it over stdin/stdout.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const cfg = vscode.workspace.getConfiguration("scorecard");
  const command = cfg.get("server.path") || "scorecard";
  const args = ["lsp", ...(cfg.get("server.extraArgs") || [])];
  // No `transport`: the client then talks over the child's stdin/stdout
  // without adding a `--stdio` argument of its own.
  const run = { command, args, options: { env: process.env } };
  return { run, debug: run };
}

/** What the server is told when it starts: the messages' language. */
function initializationOptions() {
  const lang = vscode.workspace.getConfiguration("scorecard").get("lang");
  return lang ? { lang } : {};
}

async function start() {
  client = new LanguageClient(
    "scorecard",
    "Scorecard",
    serverOptions(),
    {
      documentSelector: [{ scheme: "file", language: "scorecard" }, { scheme: "untitled", language: "scorecard" }],
      initializationOptions: initializationOptions(),
      synchronize: {
        // A card reads its base card, its hooks and the rules folder's manifest.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{card,rhai,toml}"),
      },
    },
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `无法启动 scorecard lsp（${e.message}）。请确认 scorecard 已安装，或在设置 scorecard.server.path 中填写它的路径。`,
    );
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("scorecard.restartServer", async () => {
      if (client) await client.stop().catch(() => {});
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("scorecard.server") || e.affectsConfiguration("scorecard.lang")) {
        await vscode.commands.executeCommand("scorecard.restartServer");
      }
    }),
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
