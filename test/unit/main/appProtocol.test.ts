import { describe, expect, it } from 'vitest';
import { APP_URL, resolveAppFile } from '../../../src/main/appProtocol';
import { isAppUrl } from '../../../src/main/security';

const root = '/opt/purestream/out/renderer';

describe('the app:// scheme', () => {
  it('serves files under the renderer folder with their content type', () => {
    expect(resolveAppFile(root, APP_URL)).toEqual({ file: `${root}/index.html`, type: 'text/html; charset=utf-8' });
    expect(resolveAppFile(root, 'app://purestream/')).toEqual({ file: `${root}/index.html`, type: 'text/html; charset=utf-8' });
    expect(resolveAppFile(root, 'app://purestream/assets/sql-wasm-browser-x.wasm')).toEqual({ file: `${root}/assets/sql-wasm-browser-x.wasm`, type: 'application/wasm' });
    expect(resolveAppFile(root, 'app://purestream/assets/engine.worker-1.js?worker_file&type=module')?.type).toBe('text/javascript; charset=utf-8');
  });
  it('keeps dot segments inside the renderer folder (the URL parser resolves them first)', () => {
    expect(resolveAppFile(root, 'app://purestream/../../etc/passwd')?.file).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile(root, 'app://purestream/%2e%2e/%2e%2e/etc/passwd')?.file).toBe(`${root}/etc/passwd`);
  });
  it.each([
    'app://purestream/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://purestream/a%5C..%5C..%5Csecret',
    'app://purestream/a%00.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'app://purestream/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeUndefined();
  });
  it('counts only app://purestream pages as the app (other hosts and schemes are not)', () => {
    expect(isAppUrl('app://purestream/index.html#x', APP_URL)).toBe(true);
    expect(isAppUrl('app://other/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('foo://purestream/index.html', APP_URL)).toBe(false);
  });
});
