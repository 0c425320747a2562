// Short messages at the corner of the screen; an action (e.g. Undo) can ride along for a few seconds.
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  action?: { label: string; run(): void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  dismiss(id: number): void;
  clear(): void;
}

let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (toast, timeoutMs = toast.action ? 10_000 : 5_000) => {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    window.setTimeout(() => get().dismiss(id), timeoutMs);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  clear: () => set({ toasts: [] }),
}));

/** A plain message; use useToasts.getState().show() for one with an action (Undo) or to dismiss it later. */
export function toast(message: string, tone: Toast['tone'] = 'success'): void {
  useToasts.getState().show({ message, tone });
}
