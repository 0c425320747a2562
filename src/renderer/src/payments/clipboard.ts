// Copies text for the desk; falls back to a hidden field + execCommand where the async Clipboard API is refused.
import { toast } from '../ui/toasts';
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Electron sessions that deny 'clipboard-sanitized-write' reject writeText; the old path needs no permission.
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.append(field);
    field.select();
    const ok = document.execCommand('copy');
    field.remove();
    active?.focus();
    return ok;
  }
}

/** Copy link, with the toast the desk expects either way. */
export async function copyLink(url: string): Promise<void> {
  if (await copyText(url)) toast('Link copied');
  else toast('Could not copy the link. Select it and copy it by hand.', 'error');
}
