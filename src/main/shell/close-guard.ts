// Closing the window with unsaved work asks first: the main-process half of the renderer's app/close-guard.ts.
import type { WebContents } from 'electron';

/**
 * The page refused to unload because a form has unsaved work: Electron would keep the window open without a word,
 * so main asks. Agreeing lets the window close (preventDefault overrides the page's refusal); the safe answer keeps it.
 */
export function confirmCloseWithUnsavedWork(contents: Pick<WebContents, 'on'>, agreesToDiscard: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (agreesToDiscard()) event.preventDefault();
  });
}
