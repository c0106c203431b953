import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hideSecrets, notASource, parseSourceUrl, redactUrl, secretsOf, SourceUrlError, withoutHiddenSecrets, type SourceUrl } from '../../../src/sources/sourceUrl';
import { sourceOf } from '../../../src/cli/commands/inspectSource';
import { ConnectionList, splitSecret, type SecretBox } from '../../../src/main/connections';
import { withoutSecret } from '../../../renderer/lib/inspector/liveSources/browserConnector';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const refusal = (url: string): string => {
  try {
    parseSourceUrl(url);
    return 'no error';
  } catch (e) {
    return `${(e as SourceUrlError).display}: ${(e as Error).message}`;
  }
};

describe('a password typed with characters a URL reserves', () => {
  it('is hidden whole (everything up to the last @ before the host), and what is wrong is said in one line', () => {
    const at = '127.0.0.1:5493/shop?store=marten';
    expect(refusal(`postgres://postgres:Hunter2/Secret@${at}`)).toBe(`postgres://postgres:***@${at}: the password has a / ? or # in it, which must be percent-encoded (%2F %3F %23; an @ is %40)`);
    expect(refusal(`postgres://postgres:Hun#ter2@${at}`)).toBe(refusal(`postgres://postgres:Hunter2/Secret@${at}`));
    expect(refusal(`postgres://postgres:Hun?ter2@${at}`)).toBe(refusal(`postgres://postgres:Hunter2/Secret@${at}`));
    expect(refusal(`postgres://postgres:50%off@${at}`)).toBe(`postgres://postgres:***@${at}: malformed percent-encoding in the password: a % must start a %XX escape (a % itself is %25)`);
    expect(refusal(`postgres://postgres:%FF@${at}`)).toBe(`postgres://postgres:***@${at}: malformed percent-encoding in the password: its %XX escapes are not UTF-8`);
    expect(refusal(`nats://to/ken@127.0.0.1:4222/ORDERS`)).toBe('nats://***@127.0.0.1:4222/ORDERS: the token has a / ? or # in it, which must be percent-encoded (%2F %3F %23; an @ is %40)');
    expect(refusal(`postgres://u:pw@h:99999/db?store=marten`)).toBe('postgres://u:***@h:99999/db?store=marten: the port "99999" of h is not a port number (0 to 65535)');
    expect(refusal(`postgres://u:pw@h/d%ZZb?store=marten`)).toBe('postgres://u:***@h/d%ZZb?store=marten: malformed percent-encoding in the path: a % must start a %XX escape (a % itself is %25)');
  });

  it('an unencoded @ in a password reads (as a URL parser reads it), the password hidden whole', () => {
    for (const password of ['hunter2@TopSecretTail', 'S3cr"et p@ss']) {
      const s = parseSourceUrl(`postgres://postgres:${password}@127.0.0.1:5493/shop?store=marten`);
      expect(s).toMatchObject({ password, user: 'postgres', display: 'postgres://postgres:***@127.0.0.1:5493/shop?store=marten' });
      expect(s.kind === 'postgres' && s.connectionString).toBe(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:5493/shop`);
    }
    expect(parseSourceUrl('kafka://u:p@ss@a:9092,b:9093/t')).toMatchObject({ password: 'p@ss', brokers: ['a:9092', 'b:9093'], display: 'kafka://u:***@a:9092,b:9093/t' });
    expect(parseSourceUrl('nats://tok@en@h:4222/S')).toMatchObject({ token: 'tok@en', display: 'nats://***@h:4222/S' });
    expect(parseSourceUrl('ws://u:p@ss@h:8080/S')).toMatchObject({ user: 'u', password: 'p@ss', display: 'ws://u:***@h:8080/S' });
    // an @ in a query with no userinfo before it is no password
    expect(parseSourceUrl('postgres://h:5432/db?store=marten&application_name=me@b.c&x=1')).toMatchObject({ display: 'postgres://h:5432/db?store=marten&application_name=me@b.c&x=1' });
    expect(withoutHiddenSecrets(redactUrl('postgres://postgres:hunter2@TopSecretTail@127.0.0.1:5493/shop?store=marten'))).toBe('postgres://postgres@127.0.0.1:5493/shop?store=marten');
  });

  it('the command line says it in one line, exit 2, never an internal error', async () => {
    let err = '';
    const io: CliIO = { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: process.cwd() };
    const code = await main(['inspect', 'postgres://postgres:50%off@127.0.0.1:1/shop?store=marten'], io);
    expect([code, err]).toEqual([2, 'purestream inspect: postgres://postgres:***@127.0.0.1:1/shop?store=marten: malformed percent-encoding in the password: a % must start a %XX escape (a % itself is %25)\n']);
  });
});

/** Letters no message or URL part here has three of in a row: a password's words are made of them. */
const SECRET_LETTERS = 'ZQXJKV';
/** What makes a password hard to hide: a URL's reserved characters, escapes good and bad, quotes, spaces, host-like tails. */
const HOSTILE = ['@', '/', '?', '#', '%', '%40', '%2F', '%25', '%FF', '%C3%A9', '%4', ':', '"', "'", ' ', '&', '=', '\\', '+', '!', '*', 'é', ',', '[', ']', '@h/', '@127.0.0.1:1/', '@x', '.', '-'];

const password = fc
  .tuple(fc.array(fc.stringMatching(new RegExp(`^[${SECRET_LETTERS}]{3,6}$`)), { minLength: 1, maxLength: 4 }), fc.array(fc.array(fc.constantFrom(...HOSTILE), { maxLength: 3 }), { minLength: 5, maxLength: 5 }))
  .map(([words, seps]) => ({ words, text: seps[0].join('') + words.map((w, i) => w + seps[i + 1].join('')).join('') }));

const URLS: readonly ((pw: string) => string)[] = [
  (pw) => `postgres://postgres:${pw}@127.0.0.1:5493/shop?store=marten`,
  (pw) => `postgresql://app:${pw}@127.0.0.1:5493/shop`,
  (pw) => `postgres://app:${pw}@127.0.0.1:99999/shop?store=emmett`,
  (pw) => `postgres://app:${pw}@/shop?store=emmett`,
  (pw) => `nats://u:${pw}@127.0.0.1:4222/ORDERS?subject=orders.*`,
  (pw) => `nats://${pw.replaceAll(':', '%3A')}@127.0.0.1:4222/ORDERS`,
  (pw) => `tls://u:${pw}@127.0.0.1:4222/`,
  (pw) => `wss://u:${pw}@nats.example/ORDERS`,
  (pw) => `kafka://u:${pw}@127.0.0.1:9092,127.0.0.1:9093/orders?partition=1`,
  (pw) => `kafka://u:${pw}@127.0.0.1:9092/`,
  (pw) => `mysql://u:${pw}@127.0.0.1/x`,
];

const box: SecretBox = { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() };

/** Every text a user may see of `url`: redacted, refused (library, command line), parsed, remembered (desktop, browser), a driver's message. */
function shownTexts(url: string): string[] {
  const texts = [redactUrl(url), notASource(url)?.display ?? ''];
  let source: SourceUrl | undefined;
  try {
    source = parseSourceUrl(url);
  } catch (e) {
    if (!(e instanceof SourceUrlError)) throw e;
    texts.push(e.display, e.message);
  }
  try {
    sourceOf(url);
  } catch (e) {
    texts.push((e as Error).message);
  }
  if (source) {
    const { password: _p, secretAsTyped: _t, ...rest } = source as SourceUrl & { token?: string };
    texts.push(source.display, withoutHiddenSecrets(source.display), JSON.stringify({ ...rest, token: undefined, connectionString: undefined }));
    texts.push(splitSecret(url).url, withoutSecret(url));
    const list = new ConnectionList(box, async () => undefined);
    list.remember(url);
    texts.push(...list.recent().map((r) => r.display));
    const secret = source.password ?? (source.kind === 'nats' ? source.token : undefined) ?? '';
    texts.push(hideSecrets(`authentication failed with ${secret} (${encodeURIComponent(secret)}) in ${url}`, secretsOf(source)));
  }
  return texts;
}

describe('hostile passwords (property, fixed seed)', () => {
  it('no word of the password ever shows in any message, display or saved URL', () => {
    fc.assert(
      fc.property(password, fc.constantFrom(...URLS), ({ words, text }, url) => {
        const shown = shownTexts(url(text)).join('\n');
        for (const w of words) if (shown.includes(w)) throw new Error(`"${w}" of password ${JSON.stringify(text)} shows in:\n${shown}`);
      }),
      { seed: 20260815, numRuns: 3000 },
    );
  });
});
