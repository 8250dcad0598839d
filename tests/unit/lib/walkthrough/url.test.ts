import { matchUrl, originOf } from '../../../../lib/walkthrough/url';

describe('matchUrl', () => {
  describe('an exact path', () => {
    const pattern = 'https://x.com/home';

    it.each([
      'https://x.com/home',
      'https://x.com/home/',
      'https://x.com/home?ref=side_nav',
      'https://x.com/home#top',
      'https://x.com/home/?s=20#top',
    ])('matches %s', (url) => {
      expect(matchUrl(pattern, url)).toBe(true);
    });

    it.each([
      ['a longer path', 'https://x.com/homepage'],
      ['a sub-page', 'https://x.com/home/settings'],
      ['a parent', 'https://x.com/'],
      ['two trailing slashes', 'https://x.com/home//'],
      ['http instead of https', 'http://x.com/home'],
      ['a prefix before the scheme', 'xhttps://x.com/home'],
      ['another host whose name starts the same', 'https://x.com.evil.example/home'],
      ['userinfo that makes x.com a user name', 'https://x.com@evil.example/home'],
      ['a port', 'https://x.com:8443/home'],
      ['a subdomain', 'https://mobile.x.com/home'],
      ['the pattern inside another site’s query', 'https://evil.example/?next=https://x.com/home'],
      ['the pattern inside another site’s path', 'https://evil.example/https://x.com/home'],
      ['an empty string', ''],
    ])('does not match %s', (_label, url) => {
      expect(matchUrl(pattern, url)).toBe(false);
    });
  });

  it('makes a trailing slash in the pattern optional too', () => {
    expect(matchUrl('https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed')).toBe(true);
    expect(matchUrl('https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/')).toBe(true);
    expect(matchUrl('https://www.linkedin.com/feed/', 'https://www.linkedin.com/feeds')).toBe(false);
  });

  describe('wildcards', () => {
    it('lets * run across slashes', () => {
      expect(matchUrl('https://x.com/compose/post*', 'https://x.com/compose/post')).toBe(true);
      expect(matchUrl('https://x.com/compose/post*', 'https://x.com/compose/post/unsent/drafts')).toBe(true);
      expect(matchUrl('https://x.com/*', 'https://x.com/')).toBe(true);
      expect(matchUrl('https://x.com/*', 'https://x.com/settings/account/login_verification')).toBe(true);
    });

    it('lets * stand in the middle of a path', () => {
      const pattern = 'https://www.linkedin.com/in/*/edit/intro/';
      expect(matchUrl(pattern, 'https://www.linkedin.com/in/jane-doe-123/edit/intro/')).toBe(true);
      expect(matchUrl(pattern, 'https://www.linkedin.com/in/jane-doe-123/edit/intro')).toBe(true);
      expect(matchUrl(pattern, 'https://www.linkedin.com/in/jane-doe-123/')).toBe(false);
    });

    it('allows several wildcards', () => {
      expect(matchUrl('https://x.com/*/status/*', 'https://x.com/cabinetoffice/status/123')).toBe(true);
      expect(matchUrl('https://x.com/*/status/*', 'https://x.com/cabinetoffice/likes')).toBe(false);
    });

    it('does not let a host pattern’s wildcard path reach another host', () => {
      expect(matchUrl('https://x.com/*', 'https://x.com.evil.example/')).toBe(false);
      expect(matchUrl('https://x.com/*', 'https://evil.example/x.com/')).toBe(false);
      expect(matchUrl('https://x.com/*', 'https://x.com@evil.example/')).toBe(false);
      expect(matchUrl('https://x.com/*', 'https://www.linkedin.com/feed/')).toBe(false);
    });

    it('needs the slash before * (a bare origin is not the site’s page)', () => {
      // Browsers always report "https://x.com/" for the site root, never "https://x.com".
      expect(matchUrl('https://x.com/*', 'https://x.com')).toBe(false);
    });
  });

  describe('query strings', () => {
    it('are ignored when the pattern has none', () => {
      expect(matchUrl('https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?shareActive=true')).toBe(true);
      expect(matchUrl('https://x.com/*', 'https://x.com/?a=1&b=2')).toBe(true);
    });

    it('must match when the pattern has one', () => {
      const pattern = 'https://www.linkedin.com/feed/?shareActive=true';
      expect(matchUrl(pattern, 'https://www.linkedin.com/feed/?shareActive=true')).toBe(true);
      expect(matchUrl(pattern, 'https://www.linkedin.com/feed/')).toBe(false);
      expect(matchUrl(pattern, 'https://www.linkedin.com/feed/?shareActive=false')).toBe(false);
      expect(matchUrl(pattern, 'https://www.linkedin.com/feed/?shareActive=true&x=1')).toBe(false);
    });

    it('can carry a wildcard', () => {
      expect(matchUrl('https://x.com/search?q=*', 'https://x.com/search?q=civil%20service&src=typed')).toBe(true);
      expect(matchUrl('https://x.com/search?q=*', 'https://x.com/search')).toBe(false);
    });

    it('treat "?" in the pattern literally, not as a regex quantifier', () => {
      // As a regex, "feed/?x" would also match "feedx".
      expect(matchUrl('https://www.linkedin.com/feed/?x', 'https://www.linkedin.com/feedx')).toBe(false);
    });
  });

  describe('hash routes (Bitwarden’s Angular app uses useHash: true)', () => {
    const vault = 'https://vault.bitwarden.com/#/vault*';

    it.each([
      'https://vault.bitwarden.com/#/vault',
      'https://vault.bitwarden.com/#/vault/',
      'https://vault.bitwarden.com/#/vault?organizationId=abc&itemId=def',
      'https://vault.bitwarden.com/?utm=x#/vault',
    ])('matches %s', (url) => {
      expect(matchUrl(vault, url)).toBe(true);
    });

    it.each([
      'https://vault.bitwarden.com/',
      'https://vault.bitwarden.com/#/login',
      'https://vault.bitwarden.com/#/tools/generator',
      'https://vault.bitwarden.com/#/settings/security/two-factor',
      'https://evil.example/#/vault',
      'https://vault.bitwarden.com.evil.example/#/vault',
    ])('does not match %s', (url) => {
      expect(matchUrl(vault, url)).toBe(false);
    });

    it('are ignored when the pattern has no hash', () => {
      expect(matchUrl('https://vault.bitwarden.com/', 'https://vault.bitwarden.com/#/vault')).toBe(true);
      expect(matchUrl('https://vault.bitwarden.com/*', 'https://vault.bitwarden.com/#/login')).toBe(true);
    });

    it('match an exact hash route', () => {
      const twoFactor = 'https://vault.bitwarden.com/#/settings/security/two-factor';
      expect(matchUrl(twoFactor, 'https://vault.bitwarden.com/#/settings/security/two-factor')).toBe(true);
      expect(matchUrl(twoFactor, 'https://vault.bitwarden.com/#/settings/security/two-factor-x')).toBe(false);
    });
  });

  describe('regex metacharacters in a pattern are literal', () => {
    it.each([
      ['.', 'https://x.com/a.b', 'https://x.com/aXb'],
      ['.', 'https://x.com/home', 'https://xXcom/home'],
      ['+', 'https://x.com/a+b', 'https://x.com/aab'],
      ['( ) |', 'https://x.com/(a|b)', 'https://x.com/a'],
      ['[ ]', 'https://x.com/[ab]', 'https://x.com/a'],
      ['{ }', 'https://x.com/a{2}', 'https://x.com/aa'],
      ['^ $', 'https://x.com/^a$', 'https://x.com/a'],
      ['\\', 'https://x.com/a\\d', 'https://x.com/a1'],
    ])('%s', (_chars, pattern, impostor) => {
      expect(matchUrl(pattern, impostor)).toBe(false);
      expect(matchUrl(pattern, pattern)).toBe(true);
    });

    it('a pattern that is not a valid regex on its own does not throw', () => {
      expect(() => matchUrl('https://x.com/(((', 'https://x.com/(((')).not.toThrow();
      expect(matchUrl('https://x.com/(((', 'https://x.com/(((')).toBe(true);
      expect(matchUrl('https://x.com/[', 'https://x.com/[')).toBe(true);
    });
  });

  it('stays fast on a long URL (2 KB, the longest a report may carry) that nearly matches', () => {
    // `*` becomes `.*`, so each extra wildcard multiplies the backtracking on a near miss: with
    // three wildcards a 2 KB URL takes about two seconds, with eight a 40-character path about
    // half a second. Two wildcards stay fast, and the library test holds patterns to two.
    const pattern = 'https://x.com/*a*a';
    const url = `https://x.com/${'a'.repeat(2030)}b`;
    const started = performance.now();
    expect(matchUrl(pattern, url)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('originOf', () => {
  it.each([
    ['https://x.com/*', 'https://x.com'],
    ['https://www.linkedin.com/*', 'https://www.linkedin.com'],
    ['https://vault.bitwarden.com/*', 'https://vault.bitwarden.com'],
  ])('%s → %s', (pattern, origin) => {
    expect(originOf(pattern)).toBe(origin);
  });

  it('leaves a pattern without a trailing /* as it is', () => {
    expect(originOf('https://x.com')).toBe('https://x.com');
    expect(originOf('https://x.com/')).toBe('https://x.com/');
    expect(originOf('https://x.com/*/status')).toBe('https://x.com/*/status');
  });
});
