/**
 * Which files the renderer may have written: only those the main process itself chose or the
 * user chose through its dialogs (Open, Save, the recent-files list). Each such file is known to
 * the renderer by an unguessable token; a path never crosses IPC, so a compromised page can
 * name no other file. Plain (no Electron), unit-tested with hostile tokens.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { FileKind, FileRef } from '../preload/api';

/** How the main process came to know a file. */
export type GrantSource = 'open-dialog' | 'save-dialog' | 'recent';

interface Grant {
  readonly path: string;
  readonly kind: FileKind;
  readonly source: GrantSource;
}

/** The tokens handed out in this session; one per path and kind, kept until the app quits. */
export class FileGrants {
  private readonly byToken = new Map<string, Grant>();
  private readonly byPath = new Map<string, string>();

  /** Grants the renderer access to `path` as a `kind` file; the same path and kind keep their token. */
  grant(path: string, kind: FileKind, source: GrantSource): FileRef {
    const key = `${kind}\0${path}`;
    let token = this.byPath.get(key);
    if (!token) {
      token = randomUUID();
      this.byPath.set(key, token);
      this.byToken.set(token, { path, kind, source });
    }
    return { token, name: basename(path) };
  }

  /**
   * The path a token stands for, when it was granted for this kind of file; undefined for
   * anything else (an unknown token, a path, a token of another kind, a non-string).
   */
  pathOf(token: unknown, kind: FileKind): string | undefined {
    if (typeof token !== 'string') return undefined;
    const grant = this.byToken.get(token);
    return grant && grant.kind === kind ? grant.path : undefined;
  }
}

/** Narrows an IPC argument to a file kind; anything else is undefined. */
export const fileKindOf = (value: unknown): FileKind | undefined =>
  value === 'scenario' || value === 'log' || value === 'workspace' ? value : undefined;
