// The meeting page's five tabs, in order; the arrow keys move between them in reading direction.
import { useI18n } from '../../i18n/I18nContext.tsx';

export type Tab = 'details' | 'recording' | 'transcript' | 'review' | 'minutes';
const tabs: Tab[] = ['details', 'recording', 'transcript', 'review', 'minutes'];

export function MeetingTabs({ tab, onTab, label }: { tab: Tab; onTab(tab: Tab): void; label: string }) {
  const { t } = useI18n();
  return (
    <div role="tablist" className="tabs" aria-label={label}>
      {tabs.map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={`tab-${k}`}
          aria-selected={tab === k}
          aria-controls={`panel-${k}`}
          tabIndex={tab === k ? 0 : -1}
          onClick={() => onTab(k)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs (in reading direction for RTL too).
            const dir = document.documentElement.dir === 'rtl' ? -1 : 1;
            const delta = e.key === 'ArrowRight' ? dir : e.key === 'ArrowLeft' ? -dir : 0;
            if (!delta) return;
            const next = tabs[(tabs.indexOf(k) + delta + tabs.length) % tabs.length]!;
            onTab(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {t(k)}
        </button>
      ))}
    </div>
  );
}
