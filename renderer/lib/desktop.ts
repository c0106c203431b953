/** File access: the desktop shell's native dialogs when present, else a file picker and a download. */
import type { PurestreamApi } from '../../src/preload/api';

/** The preload API in Electron, undefined on the web. */
export const desktopApi = (): PurestreamApi | undefined => (typeof window === 'undefined' ? undefined : window.purestream);

/** A file's name and text as the user chose it. */
export interface PickedFile {
  readonly name: string;
  readonly text: string;
}

/** Reads a File from an <input type="file">. */
export const readPicked = async (file: File): Promise<PickedFile> => ({ name: file.name, text: await file.text() });

/** Offers `contents` as a download named `fileName` (the web's Save). */
export function download(fileName: string, contents: string | Uint8Array, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([contents as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
