// Keyboard habits of every editing form: Ctrl/Cmd+S saves, Esc cancels (asking first if anything changed).
import { useEffect, useRef } from 'react';
import { isBlocked } from '../ui/shortcuts';

export function useFormKeys(form: React.RefObject<HTMLFormElement | null>, onCancel: () => void): void {
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isBlocked()) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        form.current?.requestSubmit();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        cancelRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);
}
