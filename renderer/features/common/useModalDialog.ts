// A modal <dialog> (focus trapped, the page inert) shown as it mounts, with the focus on the
// control given; once it is gone, the focus goes back to the control that opened it, as a
// keyboard user expects.
import { useEffect, useRef, useState, type RefObject } from 'react';

export function useModalDialog(firstFocus: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  // Taken while rendering, before the dialog exists: the control focused when it was asked for.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      firstFocus.current?.focus();
    }
  }, [firstFocus]);
  useEffect(
    // Runs once React has removed the dialog (the page is no longer inert). If the opener is gone
    // too (a deleted meeting's button), the caller moves the focus somewhere meaningful.
    () => () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    },
    [opener],
  );
  return ref;
}
