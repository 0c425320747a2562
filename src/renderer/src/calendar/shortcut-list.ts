// The day book's and check-in list's keys, for the ? overlay (the hooks that run them: useDayBookKeys, TodayScreen).
import { MOD_LABEL } from '../ui/Kbd';

export const DAY_BOOK_SHORTCUTS: [string[], string][] = [
  [['T'], 'Day book: jump to today'],
  [['J', '→'], 'Day book: next day (next week in week view)'],
  [['K', '←'], 'Day book: previous day (previous week in week view)'],
  [['C'], 'Day book: new appointment'],
  [['F'], 'Day book: find the next available slots (then 1–9 books one)'],
  [['↓ Enter'], 'New appointment, patient box: add the person typed as a new patient (the booking stays open)'],
  [['↑', '↓'], 'Day book: select the previous or next appointment'],
  [['Shift ↑', 'Shift ↓'], 'Day book: move the selected appointment 5 minutes earlier or later'],
  [['Shift ←', 'Shift →'], 'Day book: move the selected appointment to the previous or next doctor (day in week view)'],
  [['Alt ↑', 'Alt ↓'], 'Day book: make the selected appointment 5 minutes shorter or longer'],
  [['X', `${MOD_LABEL} X`], 'Day book: pin the selected appointment to move it to another day (click free time or drag the card to place it)'],
  [['Esc'], 'Day book: put the chosen pinned appointment back in its slot'],
  [['Enter'], 'Day book: open the selected appointment'],
  [['←', '→', '↑', '↓'], 'Month beside the day book: move between days (Page Up / Page Down: a month); Enter shows the day'],
  [['A'], 'Check the selected patient in (day book and Today)'],
  [[`${MOD_LABEL} Z`], 'Undo the last move, cancel or check-in'],
];
