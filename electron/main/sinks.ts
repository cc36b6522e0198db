import fs from 'node:fs';
import type { BrowserWindow as BrowserWindowType, Clipboard, Dialog } from 'electron';
import type { OutputSinks } from '../app/sinks';

interface ElectronParts {
  dialog: Dialog;
  clipboard: Clipboard;
  BrowserWindow: typeof BrowserWindowType;
  /** The window a save dialog belongs to. */
  parent: () => BrowserWindowType | undefined;
}

/**
 * Approved content leaves through the OS, from main only: the renderer has no file, clipboard or
 * printer access of its own (ContentEgress has checked the approval before any of these runs).
 */
export function electronSinks({ dialog, clipboard, BrowserWindow, parent }: ElectronParts): OutputSinks {
  return {
    saveFile: async (name, bytes) => {
      const options = { defaultPath: name, properties: ['createDirectory', 'showOverwriteConfirmation'] as const };
      const window = parent();
      const choice = window
        ? await dialog.showSaveDialog(window, { ...options, properties: [...options.properties] })
        : await dialog.showSaveDialog({ ...options, properties: [...options.properties] });
      if (choice.canceled || !choice.filePath) return null;
      await fs.promises.writeFile(choice.filePath, bytes);
      return choice.filePath;
    },
    copyText: async (text) => clipboard.writeText(text),
    printHtml: (html, title) =>
      new Promise<boolean>((resolve) => {
        // A hidden, script-less window just for the printer; closed when the print job is decided.
        const win = new BrowserWindow({
          show: false,
          title,
          webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
        });
        void win
          .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
          .then(() =>
            win.webContents.print({ silent: false, printBackground: false }, (success) => {
              win.destroy();
              resolve(success);
            }),
          )
          .catch(() => {
            win.destroy();
            resolve(false);
          });
      }),
  };
}
