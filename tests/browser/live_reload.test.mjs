// Browser test: `versa serve` live reload for real. Starts versa-serve on a
// copy of the project, opens a page in Debian's chromium (playwright-core),
// edits a locale file and waits until the open page shows the new text
// without the test reloading it.
//
// Environment: VERSA_SERVE (the versa-serve program), VERSA_PROJECT (a
// writable copy of the project's inputs, cut down here to a few codes; the
// site is built into its site/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const serveProgram = process.env.VERSA_SERVE;
const project = process.env.VERSA_PROJECT;
const localeFile = path.join(project, "locales", "en.json"); // the default locale: served at /

let serve; // { child, origin, log() }
let browser;

// Keeps `count` codes of each catalogue (one of each class first, then the
// lowest) and only their texts in the locale files: a build of the cut-down
// project takes a fraction of a second, not seconds.
function keepFewCodes(dir, count) {
  const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
  const write = (file, json) => fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
  const kept = new Map(); // protocol -> codes
  for (const name of fs.readdirSync(path.join(dir, "catalogue"))) {
    const file = path.join(dir, "catalogue", name);
    const catalogue = read(file);
    const classes = new Set();
    const firsts = catalogue.codes.filter((c) => !classes.has(c.code[0]) && classes.add(c.code[0]));
    const rest = catalogue.codes.filter((c) => !firsts.includes(c));
    catalogue.codes = [...firsts, ...rest].slice(0, count).sort((a, b) => a.code.localeCompare(b.code));
    const codes = new Set(catalogue.codes.map((c) => c.code));
    kept.set(catalogue.protocol, codes);
    // A code may only be confused with codes that are kept.
    for (const c of catalogue.codes) {
      if (c.confused_with) c.confused_with = c.confused_with.filter((other) => codes.has(other));
    }
    write(file, catalogue);
  }
  for (const name of fs.readdirSync(path.join(dir, "locales"))) {
    const file = path.join(dir, "locales", name);
    const locale = read(file);
    for (const [protocol, texts] of Object.entries(locale.catalogue ?? {})) {
      if (!texts.codes) continue;
      texts.codes = Object.fromEntries(
        Object.entries(texts.codes).filter(([code]) => kept.get(protocol)?.has(code)));
    }
    write(file, locale);
  }
}

// Starts versa-serve on a port the kernel picks (--port 0); resolves once it
// says it is serving (after its first build), with the address it prints.
function start() {
  return new Promise((resolve, reject) => {
    const child = spawn(serveProgram, ["--port", "0", "--out", "site"], {
      cwd: project,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    let serving = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = /serving .* at (http:\/\/127\.0\.0\.1:[1-9]\d*\/)/.exec(log);
      if (m && !serving) {
        serving = true;
        resolve({ child, origin: m[1], log: () => log });
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!serving) reject(new Error(`versa-serve exited (${code ?? signal}) before serving:\n${log}`));
    });
  });
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

before(async () => {
  keepFewCodes(project, 6);
  serve = await start();
  browser = await chromium.launch({
    executablePath: process.env.VERSA_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // playwright starts every launch with a fresh, empty profile of its own.
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  if (serve) await stop(serve.child);
});

test("an open page shows an edited locale text by itself", { timeout: 120_000 }, async (t) => {
  t.diagnostic(`versa-serve at ${serve.origin}`);
  const page = await browser.newPage();
  // The page's reload script learns the current build from its first poll;
  // an edit before that poll would be taken for the state the page shows.
  const firstPoll = page.waitForResponse((r) => r.url().endsWith("/__versa/generation"), {
    timeout: 15_000,
  });
  const response = await page.goto(serve.origin);
  assert.equal(response.status(), 200);
  const siteName = page.locator("header a.site-name");
  const locale = JSON.parse(fs.readFileSync(localeFile, "utf8"));
  assert.equal(await siteName.textContent(), locale.messages.site_name);
  await firstPoll.catch((error) => {
    error.message += "\nThe page never asked /__versa/generation: no live reload script in it?";
    throw error;
  });

  // Saved as an editor does: whole, by renaming (no half-written file to read).
  const edited = `Live reload ${process.pid}-${Date.now()}`;
  locale.messages.site_name = edited;
  const temporary = path.join(project, "en.json.saving");
  fs.writeFileSync(temporary, JSON.stringify(locale, null, 2) + "\n");
  fs.renameSync(temporary, localeFile);
  // Marks this document: a reload replaces it, so the mark is gone after.
  await page.evaluate(() => { window.versaTestMark = true; });

  try {
    await page.waitForFunction(
      (text) => document.querySelector("header a.site-name")?.textContent === text,
      edited,
      { timeout: 30_000 },
    );
  } catch (error) {
    error.message += `\nversa-serve's log:\n${serve.log()}`;
    throw error;
  }
  assert.equal(await page.evaluate(() => window.versaTestMark), undefined,
    "the page reloaded itself");
  assert.equal(page.url(), serve.origin);
  await page.close();
});
