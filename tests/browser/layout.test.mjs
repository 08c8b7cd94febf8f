// Browser test: one comparison page per locale in Debian's chromium, driven by
// playwright-core. Checks direction, card order (mirrored in RTL), horizontal
// overflow on a phone-sized screen, the comparison picker, the order of
// Latin tokens and of untranslated English in right-to-left pages; saves
// full-page screenshots at 1280 px and 390 px as artifacts.
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

// The x of each character of `selector`'s text whose index is in `at`,
// with the top of its line.
async function characterBoxes(page, selector, at) {
  return page.$eval(selector, (el, at) => {
    const text = el.firstChild;
    return at.map((i) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: Math.round(r.top) };
    });
  }, at);
}

test("ar: BODY=8BITMIME keeps its order inside Arabic text", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  assert.equal((await page.goto(url("ar", "smtp/555-parameters-not-recognized/"))).status(), 200);
  const tokens = await page.$$eval("main bdi", (els) => els.map((e) => e.textContent));
  assert.ok(tokens.includes("BODY=8BITMIME"), "one isolated run");
  await page.evaluate(() => {
    const bdi = [...document.querySelectorAll("main bdi")].find((e) => e.textContent === "BODY=8BITMIME");
    bdi.id = "probe";
  });
  // B, =, 8: left to right on the screen, as written.
  const [b, eq, eight] = await characterBoxes(page, "#probe", [0, 4, 5]);
  assert.equal(b.top, eight.top);
  assert.ok(b.left < eq.left && eq.left < eight.left, JSON.stringify({ b, eq, eight }));
  await page.close();
});

test("he: untranslated English reads left to right, in one piece, with a notice", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  assert.equal((await page.goto(url("he", "smtp/500-syntax-error/"))).status(), 200);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), "rtl");
  assert.equal(await page.locator(".fallback-notice").isVisible(), true);
  // The description: one element, English, left to right.
  const probe = "main h2 + p > span[lang=en]";
  assert.equal(await page.$eval(probe, (e) => getComputedStyle(e).direction), "ltr");
  // One run of text: links to other codes and RFCs are part of it; nothing
  // isolates a piece of it.
  assert.equal(
    await page.$eval(probe, (e) => [...e.childNodes].filter((n) => n.nodeType !== Node.TEXT_NODE && n.nodeName !== "A").length),
    0, "one text, not cut in pieces");
  assert.equal(await page.$eval(probe, (e) => e.firstChild.nodeType), 3, "starts with text");
  // The first words of its first line follow each other left to right.
  const text = await page.$eval(probe, (e) => e.textContent);
  const starts = [0];
  for (let i = 1; i < text.length && starts.length < 6; ++i) if (text[i - 1] === " ") starts.push(i);
  const boxes = await characterBoxes(page, probe, starts);
  for (let k = 1; k < boxes.length; ++k) {
    assert.equal(boxes[k].top, boxes[0].top, "first line");
    assert.ok(boxes[k - 1].left < boxes[k].left, `word ${k} right of word ${k - 1}`);
  }
  await page.close();
});

test("the breadcrumb separator is mirrored once: it points the reading way", async () => {
  // "›" (U+203A) is a mirrored character: in right-to-left text it is drawn
  // as "‹" by itself. Writing "‹" for right to left mirrored it twice.
  for (const locale of ["en", "ar"]) {
    const page = await browser.newPage();
    await page.goto(url(locale, pair));
    const separator = await page.$eval(".breadcrumb li + li", (li) => ({
      content: getComputedStyle(li, "::before").content,
      direction: getComputedStyle(li).direction,
    }));
    assert.equal(separator.content, '"›"', locale);
    assert.equal(separator.direction, locale === "ar" ? "rtl" : "ltr");
    await page.close();
  }
});
