/**
 * The text of a log file the desktop app opened (its Open dialog): the text it read, or its bytes
 * decoded as UTF-8 — a file that is not says where (Utf8Chunks). Pure.
 */
import { Utf8Chunks } from '../../../src/logs/framing/utf8Chunks';

/** A file as the desktop's Open dialog hands it over: its text, or its bytes. */
export interface OpenedLog {
  readonly name: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

/** The file's text (empty when it holds neither text nor bytes), or why its bytes are not UTF-8 text. */
export function openedLogText(file: OpenedLog): { readonly text: string } | { readonly error: string } {
  if (file.text !== undefined || !file.bytes) return { text: file.text ?? '' };
  try {
    const utf8 = new Utf8Chunks(file.name);
    return { text: utf8.decode(file.bytes) + utf8.end() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
