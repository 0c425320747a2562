// Closing the window with unsaved work: main asks, and only a "discard" answer lets the window close.
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { expect, it } from 'vitest';
import { confirmCloseWithUnsavedWork } from './close-guard';

it('lets the window close only when the desk agrees to discard what it typed', () => {
  // A stand-in for Electron's WebContents (no Electron binary here): the guard only listens to one event.
  const contents = new EventEmitter() as unknown as WebContents & EventEmitter;
  let answer = false;
  let asked = 0;
  confirmCloseWithUnsavedWork(contents, () => {
    asked++;
    return answer;
  });
  const closes = () => {
    let allowed = false;
    contents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
    return allowed;
  };
  expect(closes()).toBe(false);
  answer = true;
  expect(closes()).toBe(true);
  expect(asked).toBe(2);
});
