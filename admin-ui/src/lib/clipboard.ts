// Copying a secret to the clipboard. Government intranets often serve the admin UI over plain HTTP,
// where the browser offers no navigator.clipboard (a secure context only) or refuses it: then the
// text is selected in an off-screen textarea and copied the old way. Either way the caller learns
// whether it worked, and the secret stays on screen to copy by hand when it did not.

export interface CopyEnv {
  clipboard?: Pick<Clipboard, 'writeText'> | null;
  document?: Document;
}

/** Copies `text`; true when it was copied. */
export async function copyText(text: string, env: CopyEnv = {}): Promise<boolean> {
  const clipboard = 'clipboard' in env ? env.clipboard : globalThis.navigator?.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission, not focused): the old way below
    }
  }
  const doc = env.document ?? globalThis.document;
  if (!doc?.body) return false;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  doc.body.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
