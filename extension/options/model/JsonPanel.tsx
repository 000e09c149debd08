import { useId, useState } from 'react';
import { downloadText } from '../download';
import { useOt } from '../i18n';

/** The whole model as JSON: export to a file, import from a file or pasted text (then validated like any edit). */
export function JsonPanel(props: { draft: unknown; canEdit: boolean; onImport: (model: unknown) => void }) {
  const t = useOt();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState(false);

  function importText(source: string) {
    try {
      props.onImport(JSON.parse(source));
      setProblem(null);
      setImported(true);
    } catch (error) {
      setImported(false);
      setProblem(t('editor.jsonInvalid', { message: error instanceof Error ? error.message : '' }));
    }
  }

  return (
    <section>
      <h3>{t('json.title')}</h3>
      <button
        type="button"
        onClick={() =>
          downloadText('leadlens-model.json', `${JSON.stringify(props.draft, null, 2)}\n`, 'application/json')
        }
      >
        {t('json.export')}
      </button>
      {props.canEdit ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('json.importFile')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept="application/json,.json"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) importText(await file.text());
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('json.paste')}</label>
            <textarea
              id={`${id}-text`}
              className="code"
              rows={8}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="button" onClick={() => importText(text)} disabled={text.trim() === ''}>
            {t('json.import')}
          </button>
        </>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
      {imported ? <p aria-live="polite">{t('json.imported')}</p> : null}
    </section>
  );
}
