import type { FieldError } from '../../../shared';
import { useOt } from '../i18n';

/** Every validation message of the draft in one list; each names the field's path, so nothing is hidden in a closed section. */
export function ErrorSummary(props: { errors: readonly FieldError[]; onShow?: (path: string) => void }) {
  const t = useOt();
  if (props.errors.length === 0) {
    return (
      <p className="ok" data-testid="model-valid">
        {t('editor.valid')}
      </p>
    );
  }
  return (
    <div className="error-summary" data-testid="model-errors" role="status">
      <p>{t('editor.problemCount', { count: props.errors.length })}</p>
      <ul>
        {props.errors.slice(0, 50).map((error) => (
          <li key={`${error.path}:${error.message}`} data-summary-path={error.path}>
            {props.onShow ? (
              <button type="button" className="link" onClick={() => props.onShow?.(error.path)}>
                <code>{error.path}</code>
              </button>
            ) : (
              <code>{error.path}</code>
            )}
            : {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
