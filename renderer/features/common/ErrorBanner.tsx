// A clear, dismissable error message, announced to screen readers.
import { useI18n } from '../../i18n/I18nContext.tsx';

export function ErrorBanner({ error, onDismiss, onRetry }: { error: string | null; onDismiss(): void; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
      <button type="button" onClick={onDismiss} aria-label={t('dismiss')}>
        ×
      </button>
    </div>
  );
}
