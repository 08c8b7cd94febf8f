// Browser test: one comparison page per locale in Debian's chromium, driven by
// playwright-core. Checks direction, card order (mirrored in RTL), horizontal
// overflow on a phone-sized screen and the comparison picker; saves full-page
// screenshots at 1280 px and 390 px as artifacts.
//
// Environment: VERSA_SITE (a built site), VERSA_ARTIFACTS (screenshot folder),
// VERSA_LOCALES (space-separated tags), VERSA_DEFAULT_LOCALE.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const site = process.env.VERSA_SITE;
const artifacts = process.env.VERSA_ARTIFACTS;
const locales = process.env.VERSA_LOCALES.split(" ");
const defaultLocale = process.env.VERSA_DEFAULT_LOCALE || "en";
const pair = "compare/smtp/211-system-status-vs-500-syntax-error/";

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript" };
let server;
let browser;
let origin;

before(async () => {
  server = http.createServer((req, res) => {
    let file = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(site)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.VERSA_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // playwright starts every launch with a fresh, empty profile of its own.
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync",
    ],
  });
  fs.mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const url = (locale, rest) => origin + (locale === defaultLocale ? "" : `${locale}/`) + rest;

for (const locale of locales) {
  test(`${locale}: direction, card order, no overflow, screenshots`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(url(locale, pair));
    assert.equal(response.status(), 200);
    const rtl = await page.evaluate(() => document.documentElement.dir === "rtl");
    const direction = await page.evaluate(() => getComputedStyle(document.documentElement).direction);
    assert.equal(direction, rtl ? "rtl" : "ltr");
    if (locale === "ar") assert.equal(direction, "rtl");

    // Wide screen: the two cards side by side, the first on the reading side.
    const cards = await page.$$eval(".card", (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    assert.equal(cards.length, 2);
    assert.ok(Math.abs(cards[0].top - cards[1].top) < 1, "cards side by side at 1280 px");
    if (rtl) assert.ok(cards[0].left > cards[1].left, "first card on the right in RTL");
    else assert.ok(cards[0].left < cards[1].left, "first card on the left in LTR");
    await page.screenshot({ path: path.join(artifacts, `${locale}-compare-1280.png`), fullPage: true });

    // Phone: nothing wider than the screen, cards stacked.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 390 px`);
    const stacked = await page.$$eval(".card", (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    assert.ok(stacked[1].top >= stacked[0].bottom, "cards stacked at 390 px");
    await page.screenshot({ path: path.join(artifacts, `${locale}-compare-390.png`), fullPage: true });
    await page.close();
  });
}

test("the picker opens the chosen pair, lower code first", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url(defaultLocale, ""));
  const form = page.locator("form.compare-picker").first();
  assert.equal(await form.isVisible(), true, "the picker shows when JavaScript runs");
  await form.locator("select[name=a]").selectOption("500-syntax-error");
  await form.locator("select[name=b]").selectOption("211-system-status");
  await Promise.all([page.waitForURL(`**/${pair}`), form.locator("button").click()]);
  assert.ok(page.url().endsWith(pair));
  await page.goBack();
  await form.locator("select[name=a]").selectOption("250-ok");
  await form.locator("select[name=b]").selectOption("250-ok");
  await form.locator("button").click();
  assert.notEqual(await form.locator("output").textContent(), "");
  await page.close();
});

test("without JavaScript the picker stays hidden and its fallback shows", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(defaultLocale, ""));
  assert.equal(await page.locator("form.compare-picker").first().isVisible(), false);
  assert.equal(await page.locator(".picker-fallback").first().isVisible(), true);
  await context.close();
});
