import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isModuleWorkerPath, MODULE_WORKER_POLICY, securityHeaders } from '../../../src/main/security';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("the module worker's own policy (a user's module runs there)", () => {
  it('allows scripts only from the app and blob: (the evaluated bundle), WebAssembly, and no connections, workers or eval', () => {
    const p = directives(MODULE_WORKER_POLICY);
    expect(p.get('default-src')).toEqual(["'none'"]);
    expect(p.get('script-src')).toEqual(["'self'", 'blob:', "'wasm-unsafe-eval'"]);
    expect(p.get('connect-src')).toEqual(["'none'"]);
    expect(p.get('worker-src')).toEqual(["'none'"]);
    expect(MODULE_WORKER_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives(CONTENT_SECURITY_POLICY).get('script-src')).not.toContain('blob:');
  });

  it('is served for the module worker only (built and dev-server names); every response is cross-origin isolated', () => {
    expect(isModuleWorkerPath('/assets/module.worker-B35fNYFi.js')).toBe(true);
    expect(isModuleWorkerPath('/src/worker/module.worker.ts?worker_file&type=module')).toBe(true);
    expect(isModuleWorkerPath('/assets/engine.worker-DRHUPRag.js')).toBe(false);
    expect(isModuleWorkerPath('/assets/index-abc.js')).toBe(false);
    expect(isModuleWorkerPath('/assets/mymodule.worker-x.js')).toBe(false);
    expect(securityHeaders('/assets/module.worker-x.js')['Content-Security-Policy']).toBe(MODULE_WORKER_POLICY);
    expect(securityHeaders('/index.html')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
  });
});
