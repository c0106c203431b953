/** The content hash the trust prompt shows and remembers: SHA-256 (hex) over a module's files. Pure (Web Crypto). */
import type { ModuleFiles } from './bundleModuleFiles';

/** SHA-256 of the entry's path and every file's path and text, in path order. */
export async function moduleHash(input: ModuleFiles): Promise<string> {
  const parts = [input.entry, ...Object.keys(input.files).sort().flatMap((p) => [p, input.files[p]])];
  const bytes = new TextEncoder().encode(parts.join('\0'));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
