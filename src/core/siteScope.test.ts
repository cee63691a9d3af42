import { describe, expect, it } from 'vitest';
import { nameFromHost, registrableDomain, siteChoices } from './siteScope.js';
import { parseMatchPattern } from './matchPattern.js';

describe('registrableDomain', () => {
  it.each([
    ['www.ers.nhs.uk', 'ers.nhs.uk'],
    ['ers.nhs.uk', null],
    ['portal.nhs.net', null],
    ['a.b.nhs.net', 'b.nhs.net'],
    ['epr.trust.nhs.uk', 'trust.nhs.uk'],
    ['app.example.com', 'example.com'],
    ['example.com', null],
    ['x.y.example.co.uk', 'example.co.uk'],
    ['127.0.0.1', null],
    ['localhost', null],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('siteChoices', () => {
  it('offers the origin and the registrable domain, from the address alone', () => {
    const r = siteChoices('https://www.ers.nhs.uk/patients/9434765919/notes?name=Canary#x');
    expect(r).toEqual({
      host: 'www.ers.nhs.uk',
      choices: [
        { scope: 'origin', matches: ['https://www.ers.nhs.uk/*'] },
        { scope: 'domain', matches: ['https://*.ers.nhs.uk/*'] },
      ],
    });
    for (const c of r!.choices) for (const m of c.matches) expect(parseMatchPattern(m).ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('9434765919');
  });

  it('offers only the origin for an IP address or a host that is its own domain', () => {
    expect(siteChoices('http://127.0.0.1:4321/inbox')).toEqual({ host: '127.0.0.1', choices: [{ scope: 'origin', matches: ['http://127.0.0.1/*'] }] });
    expect(siteChoices('https://portal.nhs.net/')!.choices).toHaveLength(1);
  });

  it.each(['chrome://extensions', 'file:///tmp/x.html', 'about:blank', 'not a url', 'chrome-extension://abc/popup.html'])('offers nothing for %s', (url) => {
    expect(siteChoices(url)).toBeNull();
  });
});

describe('nameFromHost', () => {
  it('drops www. and keeps within 60 characters', () => {
    expect(nameFromHost('www.Example.nhs.uk')).toBe('example.nhs.uk');
    expect(nameFromHost(`${'a'.repeat(70)}.uk`)).toHaveLength(60);
  });
});
