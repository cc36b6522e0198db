import fs from 'node:fs';
import path from 'node:path';

/**
 * Where approved content goes when it leaves the app. Electron: a save dialog, the OS clipboard,
 * the printer (electron/main/sinks.ts). Elsewhere (browser harness, CLI, tests): files in a folder,
 * and a clipboard kept in memory, because the harness must not reach into the OS.
 */
export interface OutputSinks {
  /** Saves bytes where the user chooses; null when they cancel. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  copyText(text: string): Promise<void>;
  /** Prints a self-contained HTML page (no scripts); false when the user cancels. */
  printHtml(html: string, title: string): Promise<boolean>;
}

/** Files into `dir` (unique names, never overwriting); the clipboard and prints kept for inspection. */
export function folderSinks(dir: string): OutputSinks & { clipboard: string[]; printed: string[] } {
  const clipboard: string[] = [];
  const printed: string[] = [];
  return {
    clipboard,
    printed,
    saveFile: async (name, bytes) => {
      fs.mkdirSync(dir, { recursive: true });
      const file = uniquePath(path.join(dir, name));
      await fs.promises.writeFile(file, bytes, { flag: 'wx' });
      return file;
    },
    copyText: async (text) => {
      clipboard.push(text);
    },
    printHtml: async (html, title) => {
      fs.mkdirSync(dir, { recursive: true });
      const file = uniquePath(path.join(dir, `${title}.print.html`));
      await fs.promises.writeFile(file, html, { flag: 'wx' });
      printed.push(file);
      return true;
    },
  };
}

function uniquePath(file: string): string {
  const { dir, name, ext } = path.parse(file);
  let candidate = file;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(dir, `${name} (${n})${ext}`);
  return candidate;
}
