import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_ID, CANARY_NAME, CANARY_NHS_NUMBER, CANARY_NHS_NUMBER_SPACED, canaryUrl, type CanaryPage } from '../fixtures/demo/canary.mjs';
import { PATIENTS, startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await demo.close();
});

async function get(path: string, init?: RequestInit) {
  const res = await fetch(path.startsWith('http') ? path : `${demo.url}${path}`, { redirect: 'manual', ...init });
  return { res, text: await res.text() };
}

function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}

/** Visible text, roughly: tags removed and the few entities the server uses decoded. */
function bodyText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return body.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const PATIENT_PAGES = ['record', 'notes', 'results', 'prescribing', 'referrals'] as const;

describe('demo server', () => {
  it('listens on a free loopback port', () => {
    expect(demo.port).toBeGreaterThan(0);
    expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
  });

  it.each([
    ['/login', '#username', 'id="username"'],
    ['/login', '#password', 'id="password"'],
    ['/login', '#sign-in', 'id="sign-in"'],
    ['/home', '#link-search', 'id="link-search"'],
    ['/patients/search?q=sample', '#search-box', 'id="search-box"'],
    ['/inbox', '#inbox-list', 'id="inbox-list"'],
  ])('serves %s with %s', async (path, _name, needle) => {
    const { res, text } = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain(needle);
  });

  it.each([
    ['notes', 'id="notes-editor"'],
    ['results', 'id="results-table"'],
    ['record', 'id="record-summary"'],
    ['prescribing', 'id="prescribe-form"'],
    ['referrals', 'id="referral-form"'],
  ] as const)('serves the canary %s page carrying the canary in title, URL and body', async (page, needle) => {
    const url = canaryUrl(demo.url, page);
    expect(url).toContain(`nhs=${CANARY_NHS_NUMBER}`);
    expect(new URL(url).searchParams.get('name')).toBe(CANARY_NAME);
    const { res, text } = await get(url);
    expect(res.status).toBe(200);
    expect(text).toContain(needle);
    const title = titleOf(text);
    expect(title).toContain(CANARY_NAME);
    expect(title).toContain(CANARY_NHS_NUMBER_SPACED);
    const body = bodyText(text);
    expect(body).toContain(CANARY_NAME);
    expect(body).toContain(CANARY_NHS_NUMBER_SPACED);
    expect(body).toContain(CANARY_NHS_NUMBER);
  });

  it('finds the canary by NHS number (spaced or not) and by name', async () => {
    for (const q of [CANARY_NHS_NUMBER, CANARY_NHS_NUMBER_SPACED, 'canary testpatient']) {
      const { res, text } = await get(`/patients/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(text).toContain('id="result-p-canary"');
      expect(titleOf(text)).toContain(CANARY_NAME);
    }
    const { text } = await get(canaryUrl(demo.url, 'search'));
    expect(titleOf(text)).toContain(CANARY_NHS_NUMBER_SPACED);
    expect(text).toContain(`href="/patients/p-canary/record?nhs=${CANARY_NHS_NUMBER}&amp;name=Canary+Testpatient-Zzyzx"`);
  });

  it('serves every page for every synthetic patient', async () => {
    for (const p of PATIENTS)
      for (const page of PATIENT_PAGES) {
        const { res, text } = await get(`/patients/${p.id}/${page}?nhs=${p.nhs}&name=${encodeURIComponent(p.name)}`);
        expect(res.status, `${p.id}/${page}`).toBe(200);
        expect(titleOf(text)).toContain(p.name);
      }
  });

  it('redirects a bare patient path to one with the identifiers in the query', async () => {
    const { res } = await get('/patients/p-canary/notes?status=saved');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!, demo.url);
    expect(location.pathname).toBe('/patients/p-canary/notes');
    expect(location.searchParams.get('nhs')).toBe(CANARY_NHS_NUMBER);
    expect(location.searchParams.get('name')).toBe(CANARY_NAME);
    expect(location.searchParams.get('status')).toBe('saved');
  });

  it('signs in by POSTing the login form, then lands on /home', async () => {
    const { res } = await get('/login', { method: 'POST', body: new URLSearchParams({ username: 'demo', password: 'demo' }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/home');
    const followed = await fetch(`${demo.url}/login`, { method: 'POST', body: new URLSearchParams({ username: 'demo', password: 'x' }) });
    expect(followed.status).toBe(200);
    expect(new URL(followed.url).pathname).toBe('/home');
    await followed.text();
  });

  it.each([
    ['notes', 'saved'],
    ['prescribing', 'issued'],
    ['referrals', 'sent'],
  ] as const)('accepts the %s form and shows a status', async (page, status) => {
    const url = canaryUrl(demo.url, page as CanaryPage);
    const posted = await fetch(url, { method: 'POST', body: new URLSearchParams({ note: 'x' }) });
    expect(posted.status).toBe(200);
    expect(new URL(posted.url).searchParams.get('status')).toBe(status);
    expect(new URL(posted.url).searchParams.get('nhs')).toBe(CANARY_NHS_NUMBER);
    expect(await posted.text()).toContain('id="form-status"');
  });

  it('answers 404 for unknown pages and patients', async () => {
    expect((await get('/nowhere')).res.status).toBe(404);
    expect((await get('/patients/p-nobody/record')).res.status).toBe(404);
    expect((await get('/patients/p-canary/unknown')).res.status).toBe(404);
  });

  it('redirects / to the login page', async () => {
    const { res } = await get('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login');
  });

  it('serves its stylesheet and script with a strict CSP and no external resources', async () => {
    const css = await get('/static/demo.css');
    expect(css.res.status).toBe(200);
    expect(css.res.headers.get('content-type')).toMatch(/^text\/css/);
    const js = await get('/static/demo.js');
    expect(js.res.status).toBe(200);
    expect(js.res.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/login', '/home', '/inbox', canaryUrl(demo.url, 'notes')]) {
      const { res, text } = await get(path);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
      expect(text).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//); // nothing off-site
    }
  });

  it('frames a letter editor from its own origin, with the canary in the frame\'s title, URL and body', async () => {
    const { res, text } = await get(canaryUrl(demo.url, 'notes/letter'));
    expect(res.status).toBe(200);
    const src = /id="letter-editor-frame"[^>]*src="([^"]+)"/.exec(text)![1]!.replace(/&amp;/g, '&');
    expect(src).toContain(CANARY_NHS_NUMBER);
    const frame = await get(src);
    expect(frame.res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(titleOf(frame.text)).toContain(CANARY_NAME);
    expect(frame.text).toContain('contenteditable="true"');
    expect(bodyText(frame.text)).toContain(CANARY_NHS_NUMBER_SPACED);
  });

  it('frames the results viewer from a second loopback origin (localhost by default, or one asked for)', async () => {
    const page = await get(canaryUrl(demo.url, 'results/viewer'));
    expect(page.text).toContain(`src="http://localhost:${demo.port}/viewer/report?`);
    expect(page.res.headers.get('content-security-policy')).toContain(`frame-src http://localhost:${demo.port}`);
    const other = await get(`${canaryUrl(demo.url, 'results/viewer')}&viewer=${encodeURIComponent('http://127.0.0.2:4000')}`);
    expect(other.text).toContain('src="http://127.0.0.2:4000/viewer/report?');
    // Only loopback origins may be framed.
    const refused = await get(`${canaryUrl(demo.url, 'results/viewer')}&viewer=${encodeURIComponent('https://evil.example')}`);
    expect(refused.text).not.toContain('evil.example');
    const report = await get(`/viewer/report?nhs=${CANARY_NHS_NUMBER}`);
    expect(report.res.headers.get('content-security-policy')).toContain('frame-ancestors http://127.0.0.1:* http://localhost:*');
    expect(titleOf(report.text)).toContain(CANARY_NAME);
  });

  it('serves a single-page workspace whose views load their data from a JSON API, with a delay and optional polling', async () => {
    const app = await get(`/inbox/app?nhs=${CANARY_NHS_NUMBER}&delay=1500&poll=1`);
    expect(app.text).toContain('id="route-results"');
    expect(app.text).toContain('data-delay="1500"');
    expect(app.text).toContain('data-poll="2000"');
    expect((await get(`/patients/${CANARY_ID}/results/app?nhs=${CANARY_NHS_NUMBER}`)).res.status).toBe(200);
    const data = await get('/api/view?name=results');
    expect(data.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(data.text).title).toBe('Results');
    expect(JSON.parse((await get('/api/ping')).text)).toEqual({ ok: true });
  });

  it('delays a page with ?slow=', async () => {
    const started = Date.now();
    const { res } = await get('/home?slow=200');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('closes cleanly with a keep-alive connection open', async () => {
    const other = await startDemoServer();
    await (await fetch(`${other.url}/home`)).text();
    await other.close();
    await expect(fetch(`${other.url}/home`)).rejects.toThrow();
  });
});

// The demo preset and what each page classifies as: test/unit/classificationFixtures.test.ts.
