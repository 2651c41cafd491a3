import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertFixture } from '@vigil/incidents/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, type TestWorld } from '../testing/test-world.js';

// The SOC console end to end in a real headless Chromium (Debian's `chromium` package): built with
// Vite, served by the API on memory ports, driven like a person would.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let outDir: string;
let world: TestWorld;
let browser: Browser;
let page: Page;
let base: string;
const cspViolations: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'vigil-console-'));
  await build({
    root: join(import.meta.dirname, '..', '..', 'console'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  world = await createTestWorld({ consoleDir: outDir });
  // The browser runs in real time; the world's clock is only for TOTP and timestamps.
  await world.api.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(world.api.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = await browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await browser.close();
  await world.api.app.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('SOC console (headless Chromium)', () => {
  it('signs in', async () => {
    await page.goto(base);
    await page.fill('input[name=username]', 'responder-user');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav >> text=responder-user (responder)');
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === '__Host-vigil_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
  });

  it('shows an alert arriving live, with markup in it as text', async () => {
    await page.goto(`${base}/#/live`);
    await page.waitForSelector('.status >> text=live');
    world.memory.store.addAlert(
      alertFixture({
        n: 42,
        at: '2026-03-01T10:03:00.000Z',
        title: 'Live <img src=x onerror="window.__xss=1"> alert',
      }),
    );
    const row = await page.waitForSelector(
      '.live-alerts li >> text=Live <img src=x onerror="window.__xss=1"> alert',
    );
    expect(await row.isVisible()).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$$('.live-alerts img')).toHaveLength(0);
  });

  it('acknowledges an incident', async () => {
    await page.goto(`${base}/#/incidents?state=open`);
    await page.click(`a[href="#/incidents/${world.incident.id}"]`);
    await page.click('button[data-action=acknowledge]');
    await page.waitForSelector('.badge >> text=acknowledged');
    await page.waitForSelector('.timeline >> text=responder-user acknowledged');
    expect((await world.memory.store.get(world.incident.id))?.state).toBe('acknowledged');
    expect(world.audit.records.at(-1)).toMatchObject({
      action: 'incident.acknowledge',
      actor: { name: 'responder-user' },
      outcome: 'success',
    });
  });

  it('searches and finds it, with a histogram', async () => {
    await page.goto(
      `${base}/#/search?index=incidents&q=state:acknowledged&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z`,
    );
    await page.waitForSelector('.results >> text=SSH brute force — source.ip 203.0.113.7');
    await page.waitForSelector('.histogram .bar');
    await page.fill('input[name=q]', 'source.ip:203.0.113.0/24 and message:"failed password"');
    await page.selectOption('select[name=index]', 'events');
    await page.click('form.search button[type=submit]');
    await page.waitForSelector('.muted >> text=5 hit(s)');
    await page.fill('input[name=q]', 'source.ip:(');
    await page.click('form.search button[type=submit]');
    await page.waitForSelector('.error >> text=/at position/');
  });

  it('lets an admin (with TOTP) create and revoke an API token, shown once', async () => {
    await page.click('nav button >> text=Sign out');
    await page.waitForSelector('form.login');
    await page.fill('input[name=username]', 'admin-user');
    await page.fill('input[name=password]', PASSWORD);
    await page.fill('input[name=totp]', world.adminCode());
    await page.click('button[type=submit]');
    await page.waitForSelector('nav >> text=admin-user (admin)');
    await page.click('nav a >> text=Admin');
    await page.waitForSelector('table >> text=responder-user');
    await page.fill('input[name=token-name]', 'ci <b>bot</b>');
    await page.selectOption('form.new-token select[name=role]', 'viewer');
    await page.click('form.new-token button[type=submit]');
    const shown = await page.waitForSelector('.secret >> text=/vgl_/');
    const token = /(vgl_\S+)/.exec((await shown.textContent()) ?? '')?.[1] ?? '';
    expect(await world.auth.authenticateToken(token, '127.0.0.1')).toMatchObject({ role: 'viewer' });
    await page.waitForSelector('td >> text=ci <b>bot</b>');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button >> text=Revoke ci <b>bot</b>');
    await page.waitForSelector('td >> text=ci <b>bot</b>', { state: 'detached' });
    expect(await world.auth.authenticateToken(token, '127.0.0.1')).toBeUndefined();
    expect(world.audit.records.map((record) => record.action)).toEqual(
      expect.arrayContaining(['token.create', 'token.revoke']),
    );
  });

  it('ran without a single Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
