// Closing the window (or quitting) with a form half filled in asks first, as leaving the form inside the app does.
import { useApp } from './store';

/**
 * The page refuses to unload while a form has unsaved work (useApp's unsavedWork). A browser then asks by itself;
 * in Electron the refusal reaches main ('will-prevent-unload'), which asks the desk (shell/window.ts).
 */
export function guardCloseWithUnsavedWork(target: Window = window): void {
  target.addEventListener('beforeunload', (e) => {
    if (!useApp.getState().unsavedWork) return;
    e.preventDefault();
    // Older Chromium builds only ask when returnValue is set as well.
    e.returnValue = 'unsaved';
  });
}
