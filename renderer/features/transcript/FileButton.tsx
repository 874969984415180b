// A button that opens the file chooser: the input stays hidden (labelled for assistive
// technology and tests), and is emptied at once so that choosing the same file again is seen.
import { useRef } from 'react';

export interface FileButtonProps {
  label: string;
  accept: string;
  disabled: boolean;
  onFile(file: File): void;
}

export function FileButton({ label, accept, disabled, onFile }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        aria-label={label}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}
