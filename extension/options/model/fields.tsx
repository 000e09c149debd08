import { type ReactNode, useId, useState } from 'react';
import { useOt } from '../i18n';
import { draftLocales, errorsAt, useEditor } from './editorContext';
import { appendAt, getAt, type ModelPath, moveAt, pathKey, removeAt } from './paths';

/** The validation messages for `path`, next to its field; `deep` includes paths below it. */
export function FieldErrors(props: { path: ModelPath; id?: string; deep?: boolean }) {
  const { errors } = useEditor();
  const found = errorsAt(errors, props.path, props.deep);
  if (found.length === 0) return null;
  return (
    <ul className="field-errors" id={props.id}>
      {found.map((error) => (
        <li key={`${error.path}:${error.message}`} className="field-error" data-error-path={error.path}>
          {error.path === pathKey(props.path) ? error.message : `${error.path}: ${error.message}`}
        </li>
      ))}
    </ul>
  );
}

function useFieldIds(path: ModelPath) {
  const id = useId();
  const { errors } = useEditor();
  const invalid = errorsAt(errors, path).length > 0;
  return { inputId: `${id}-input`, errorId: `${id}-errors`, invalid };
}

export function TextField(props: {
  path: ModelPath;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  /** An emptied optional field is removed from the model rather than kept as "". */
  optional?: boolean;
}) {
  const { draft, setValue: setRaw, readOnly } = useEditor();
  const setValue = (path: ModelPath, text: string) => setRaw(path, props.optional && text === '' ? undefined : text);
  const { inputId, errorId, invalid } = useFieldIds(props.path);
  const value = getAt(draft, props.path);
  const common = {
    id: inputId,
    'data-path': pathKey(props.path),
    'aria-invalid': invalid,
    'aria-describedby': invalid ? errorId : undefined,
    value: typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value),
    readOnly,
    placeholder: props.placeholder,
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(event) => setValue(props.path, event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => setValue(props.path, event.target.value)} />
      )}
      <FieldErrors path={props.path} id={errorId} />
    </div>
  );
}

/** Keeps what was typed when it is not a number yet, so validation can say so next to the field. */
export function parseNumberInput(raw: string): number | string {
  const trimmed = raw.trim();
  if (trimmed === '') return raw;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : raw;
}

/**
 * The text of a field whose model value is parsed from it (a number, a comma-separated list):
 * shown as typed until the field loses focus, because re-rendering the parsed value on every key
 * would swallow "0." on the way to "0.65" and "JP," on the way to "JP, IT".
 */
export function useTypedText(modelText: string): {
  value: string;
  onType: (text: string) => void;
  onBlur: () => void;
} {
  const [typed, setTyped] = useState<string | null>(null);
  return { value: typed ?? modelText, onType: setTyped, onBlur: () => setTyped(null) };
}

export function NumberField(props: { path: ModelPath; label: string; optional?: boolean; hint?: string }) {
  const { draft, setValue, readOnly } = useEditor();
  const { inputId, errorId, invalid } = useFieldIds(props.path);
  const value = getAt(draft, props.path);
  const text = useTypedText(value === undefined || value === null ? '' : String(value));
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        data-path={pathKey(props.path)}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        readOnly={readOnly}
        value={text.value}
        onChange={(event) => {
          const raw = event.target.value;
          text.onType(raw);
          setValue(props.path, props.optional && raw.trim() === '' ? undefined : parseNumberInput(raw));
        }}
        onBlur={text.onBlur}
      />
      {props.hint ? <small className="hint">{props.hint}</small> : null}
      <FieldErrors path={props.path} id={errorId} />
    </div>
  );
}

export function CheckboxField(props: { path: ModelPath; label: string }) {
  const { draft, setValue, readOnly } = useEditor();
  const { inputId, errorId, invalid } = useFieldIds(props.path);
  return (
    <div className="field checkbox">
      <input
        id={inputId}
        type="checkbox"
        data-path={pathKey(props.path)}
        aria-describedby={invalid ? errorId : undefined}
        disabled={readOnly}
        checked={getAt(draft, props.path) === true}
        onChange={(event) => setValue(props.path, event.target.checked)}
      />
      <label htmlFor={inputId}>{props.label}</label>
      <FieldErrors path={props.path} id={errorId} />
    </div>
  );
}

export function SelectField(props: {
  path: ModelPath;
  label: string;
  options: readonly { value: string; label: string }[];
  optional?: boolean;
}) {
  const { draft, setValue, readOnly } = useEditor();
  const t = useOt();
  const { inputId, errorId, invalid } = useFieldIds(props.path);
  const value = getAt(draft, props.path);
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <select
        id={inputId}
        data-path={pathKey(props.path)}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        disabled={readOnly}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => setValue(props.path, event.target.value === '' ? undefined : event.target.value)}
      >
        {props.optional || typeof value !== 'string' ? <option value="">{t('editor.none')}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors path={props.path} id={errorId} />
    </div>
  );
}

/** A list of short strings edited one per line (event types, patterns, field names). */
export function LinesField(props: { path: ModelPath; label: string; hint?: string }) {
  const { draft, setValue, readOnly } = useEditor();
  const { inputId, errorId } = useFieldIds(props.path);
  const value = getAt(draft, props.path);
  const lines = Array.isArray(value) ? value.map(String) : [];
  // Local text so a trailing newline survives while typing; the model gets the non-empty lines.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? lines.join('\n');
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <textarea
        id={inputId}
        data-path={pathKey(props.path)}
        aria-describedby={errorId}
        readOnly={readOnly}
        rows={Math.min(8, Math.max(2, lines.length + 1))}
        value={shown}
        onChange={(event) => {
          setText(event.target.value);
          setValue(
            props.path,
            event.target.value
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          );
        }}
        onBlur={() => setText(null)}
      />
      {props.hint ? <small className="hint">{props.hint}</small> : null}
      <FieldErrors path={props.path} id={errorId} deep />
    </div>
  );
}

/**
 * Admin-written text in each of the model's languages (English required). An `optional` text
 * (a persona's description) disappears from the model when every language is emptied.
 */
export function LocalizedField(props: { path: ModelPath; label: string; multiline?: boolean; optional?: boolean }) {
  const { draft } = useEditor();
  const t = useOt();
  const locales = draftLocales(draft);
  return (
    <fieldset className="localized">
      <legend>{props.label}</legend>
      {locales.map((locale) => (
        <div key={locale} lang={locale} dir={locale === 'ar' ? 'rtl' : undefined}>
          <TextFieldInline
            path={[...props.path, locale]}
            label={t('editor.inLanguage', { label: props.label, locale })}
            multiline={props.multiline}
            optional={locale !== 'en'}
            parentOptional={props.optional === true}
          />
        </div>
      ))}
      <FieldErrors path={props.path} />
    </fieldset>
  );
}

/** One language of a localized text; an emptied optional language is removed, not kept as "". */
function TextFieldInline(props: {
  path: ModelPath;
  label: string;
  multiline?: boolean;
  optional: boolean;
  parentOptional: boolean;
}) {
  const { draft, setValue, readOnly } = useEditor();
  const { inputId, errorId, invalid } = useFieldIds(props.path);
  const value = getAt(draft, props.path);
  const onValue = (text: string) => {
    if (!props.parentOptional) {
      setValue(props.path, props.optional && text === '' ? undefined : text);
      return;
    }
    const parentPath = props.path.slice(0, -1);
    const locale = props.path[props.path.length - 1] as string;
    const { [locale]: _old, ...others } = (getAt(draft, parentPath) as Record<string, string> | undefined) ?? {};
    const next = text === '' ? others : { ...others, [locale]: text };
    setValue(parentPath, Object.keys(next).length === 0 ? undefined : next);
  };
  const common = {
    id: inputId,
    'data-path': pathKey(props.path),
    'aria-invalid': invalid,
    'aria-describedby': invalid ? errorId : undefined,
    readOnly,
    value: typeof value === 'string' ? value : '',
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onValue(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onValue(event.target.value)} />
      )}
      <FieldErrors path={props.path} id={errorId} />
    </div>
  );
}

/**
 * A list of items with add, remove and reorder; `renderItem` edits one item at its path.
 * Collapsed items render only their summary, so a model with hundreds of fields stays fast;
 * an item opens by itself when the editor is asked to show a field inside it.
 */
export function ListEditor(props: {
  path: ModelPath;
  title: string;
  itemTitle: (item: unknown, index: number) => string;
  newItem: (items: unknown[]) => unknown;
  renderItem: (path: ModelPath, index: number) => ReactNode;
  addLabel: string;
  collapsed?: boolean;
}) {
  const { draft, change, readOnly, focusPath } = useEditor();
  const t = useOt();
  const value = getAt(draft, props.path);
  const items = Array.isArray(value) ? value : [];
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  const isOpen = (index: number) => {
    const key = pathKey([...props.path, index]);
    const forced = focusPath !== null && (focusPath === key || focusPath.startsWith(`${key}.`));
    // `toggled` flips the default: open lists start open, collapsed lists start closed.
    return forced || toggled.has(index) === Boolean(props.collapsed);
  };
  const toggle = (index: number) =>
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <section className="list-editor" data-list-path={pathKey(props.path)}>
      <h3>{props.title}</h3>
      <FieldErrors path={props.path} />
      {items.map((item, index) => {
        const title = props.itemTitle(item, index);
        const itemPath = [...props.path, index];
        const open = isOpen(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no stable key while their id is being typed
          <details key={index} className="list-item" open={open} data-item-path={pathKey(itemPath)}>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: <summary> is the native, keyboard-operable toggle of <details> */}
            <summary
              onClick={(event) => {
                event.preventDefault();
                toggle(index);
              }}
            >
              {title}
              <ItemErrorCount path={itemPath} />
            </summary>
            {open ? (
              <>
                {props.renderItem(itemPath, index)}
                {readOnly ? null : (
                  <div className="row item-actions">
                    <button
                      type="button"
                      onClick={() => change((d) => moveAt(d, props.path, index, -1))}
                      disabled={index === 0}
                    >
                      {t('editor.moveUp', { item: title })}
                    </button>
                    <button
                      type="button"
                      onClick={() => change((d) => moveAt(d, props.path, index, 1))}
                      disabled={index === items.length - 1}
                    >
                      {t('editor.moveDown', { item: title })}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => change((d) => removeAt(d, props.path, index))}
                    >
                      {t('editor.remove', { item: title })}
                    </button>
                  </div>
                )}
              </>
            ) : null}
          </details>
        );
      })}
      {readOnly ? null : (
        <button type="button" onClick={() => change((d) => appendAt(d, props.path, props.newItem(items)))}>
          {props.addLabel}
        </button>
      )}
    </section>
  );
}

function ItemErrorCount(props: { path: ModelPath }) {
  const { errors } = useEditor();
  const t = useOt();
  const count = errorsAt(errors, props.path, true).length;
  return count > 0 ? <span className="badge problem">{t('editor.problemCount', { count })}</span> : null;
}

/** A localized text per line item: talking points, pains, objections. */
export function LocalizedListEditor(props: { path: ModelPath; title: string; itemLabel: string; addLabel: string }) {
  return (
    <ListEditor
      path={props.path}
      title={props.title}
      addLabel={props.addLabel}
      itemTitle={(item, index) => {
        const en = (item as { en?: unknown })?.en;
        return typeof en === 'string' && en !== '' ? en.slice(0, 60) : `${props.itemLabel} ${index + 1}`;
      }}
      newItem={() => ({ en: '' })}
      renderItem={(path) => <LocalizedField path={path} label={props.itemLabel} multiline />}
    />
  );
}

/** A fresh id that is not taken yet in a list: `rule_3`. */
export function nextId(items: unknown[], prefix: string): string {
  const taken = new Set(items.map((item) => (item as { id?: unknown })?.id));
  let n = items.length + 1;
  while (taken.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}
