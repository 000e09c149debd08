import { useId, useState } from 'react';
import { type OptionsMessageKey, useOt } from '../i18n';
import { useEditor } from './editorContext';
import { FieldErrors, parseNumberInput, useTypedText } from './fields';
import { getAt, type ModelPath, pathKey } from './paths';
import { formatValueList, splitValueList } from './valueList';

const OPS = ['eq', 'in', 'gte', 'lte', 'matches', 'exists', 'event', 'metric', 'all', 'any', 'not'] as const;
type Op = (typeof OPS)[number];

const OP_LABELS: Record<Op, OptionsMessageKey> = {
  eq: 'condition.op.eq',
  in: 'condition.op.in',
  gte: 'condition.op.gte',
  lte: 'condition.op.lte',
  matches: 'condition.op.matches',
  exists: 'condition.op.exists',
  event: 'condition.op.event',
  metric: 'condition.op.metric',
  all: 'condition.op.all',
  any: 'condition.op.any',
  not: 'condition.op.not',
};

/** Lead fields offered for attribute comparisons; `attributes.<key>` may be typed too. */
const ATTRIBUTES = [
  'industry',
  'employees',
  'country',
  'title',
  'company',
  'domain',
  'source',
  'leadType',
  'leadStatus',
  'lifecycleStage',
  'dealStage',
  'name',
  'email',
];

type Condition = Record<string, unknown> & { op?: unknown };

/** Text typed as a comparison value: numbers and true/false become typed, everything else stays text. */
export function parseScalar(raw: string): string | number | boolean {
  const trimmed = raw.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return raw;
}

function freshCondition(op: Op, previous: Condition | undefined): Condition {
  const attr = typeof previous?.attr === 'string' ? previous.attr : 'industry';
  switch (op) {
    case 'eq':
      return { op, attr, value: '' };
    case 'in':
      return { op, attr, values: [''] };
    case 'gte':
    case 'lte':
      return { op, attr: attr === 'industry' ? 'employees' : attr, value: 0 };
    case 'matches':
      return { op, attr, pattern: '' };
    case 'exists':
      return { op, attr };
    case 'event':
      return { op, types: ['demo_request'], countGte: 1 };
    case 'metric':
      return { op, metric: 'interest', gte: 50 };
    case 'all':
    case 'any':
      return { op, of: previous && previous.op !== undefined ? [previous] : [{ op: 'exists', attr }] };
    case 'not':
      return { op, of: previous && previous.op !== undefined ? previous : { op: 'exists', attr } };
  }
}

/**
 * A small builder for the rule language: pick a comparison and fill its fields, or nest
 * all/any/not. "JSON" edits the same condition as text, for anything the form does not cover.
 */
export function ConditionEditor(props: { path: ModelPath; label: string; depth?: number; optional?: boolean }) {
  const { draft, setValue, readOnly } = useEditor();
  const t = useOt();
  const id = useId();
  const [asJson, setAsJson] = useState(false);
  const condition = getAt(draft, props.path) as Condition | undefined;
  const op = (OPS as readonly string[]).includes(String(condition?.op)) ? (condition?.op as Op) : null;
  const depth = props.depth ?? 0;
  const set = (key: string, value: unknown) => setValue([...props.path, key], value);

  return (
    <fieldset className="condition" data-condition-path={pathKey(props.path)}>
      <legend>{props.label}</legend>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-op`}>{t('condition.type')}</label>
          <select
            id={`${id}-op`}
            data-path={pathKey([...props.path, 'op'])}
            disabled={readOnly || asJson}
            value={op ?? ''}
            onChange={(event) =>
              setValue(
                props.path,
                event.target.value === '' ? undefined : freshCondition(event.target.value as Op, condition),
              )
            }
          >
            {op === null || props.optional ? <option value="">{t('editor.none')}</option> : null}
            {OPS.map((o) => (
              <option key={o} value={o}>
                {t(OP_LABELS[o])}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id={`${id}-json`}
            type="checkbox"
            checked={asJson}
            onChange={(event) => setAsJson(event.target.checked)}
          />
          <label htmlFor={`${id}-json`}>{t('condition.editJson')}</label>
        </div>
      </div>
      {asJson ? (
        <RawJsonCondition path={props.path} label={t('condition.json')} />
      ) : (
        <ConditionFields op={op} condition={condition} path={props.path} set={set} depth={depth} />
      )}
      <FieldErrors path={props.path} deep />
    </fieldset>
  );
}

function ConditionFields(props: {
  op: Op | null;
  condition: Condition | undefined;
  path: ModelPath;
  set: (key: string, value: unknown) => void;
  depth: number;
}) {
  const { op, condition, path, set, depth } = props;
  const { setValue, readOnly } = useEditor();
  const t = useOt();
  const id = useId();
  if (!op || !condition) return null;
  const attrField = (
    <div className="field">
      <label htmlFor={`${id}-attr`}>{t('condition.attribute')}</label>
      <input
        id={`${id}-attr`}
        type="text"
        list={`${id}-attrs`}
        data-path={pathKey([...path, 'attr'])}
        readOnly={readOnly}
        value={typeof condition.attr === 'string' ? condition.attr : ''}
        onChange={(event) => set('attr', event.target.value.trim())}
      />
      <datalist id={`${id}-attrs`}>
        {ATTRIBUTES.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
    </div>
  );
  const textInput = (key: string, label: string, value: string, onValue: (raw: string) => void, hint?: string) => (
    <ConditionTextInput
      id={`${id}-${key}`}
      path={[...path, key]}
      label={label}
      value={value}
      onValue={onValue}
      readOnly={readOnly}
      hint={hint}
    />
  );
  const list = (value: unknown) => (Array.isArray(value) ? formatValueList(value) : '');
  const splitList = (raw: string) => splitValueList(raw).map((v) => v.value);

  switch (op) {
    case 'eq':
      return (
        <div className="row">
          {attrField}
          {textInput('value', t('condition.value'), String(condition.value ?? ''), (raw) =>
            set('value', parseScalar(raw)),
          )}
        </div>
      );
    case 'in':
      return (
        <div className="row">
          {attrField}
          {textInput(
            'values',
            t('condition.values'),
            list(condition.values),
            (raw) =>
              set(
                'values',
                splitValueList(raw).map(({ value, quoted }) => {
                  // A quoted value is text as written ("5000" the code, not the number).
                  if (quoted) return value;
                  const parsed = parseScalar(value);
                  return typeof parsed === 'boolean' ? value : parsed;
                }),
              ),
            t('condition.valuesHint'),
          )}
        </div>
      );
    case 'gte':
    case 'lte':
      return (
        <div className="row">
          {attrField}
          {textInput('value', t('condition.number'), String(condition.value ?? ''), (raw) =>
            set('value', parseNumberInput(raw)),
          )}
        </div>
      );
    case 'matches':
      return (
        <div className="row">
          {attrField}
          {textInput('pattern', t('condition.pattern'), String(condition.pattern ?? ''), (raw) => set('pattern', raw))}
        </div>
      );
    case 'exists':
      return <div className="row">{attrField}</div>;
    case 'event':
      return (
        <div className="row">
          {textInput('types', t('condition.eventTypes'), list(condition.types), (raw) => set('types', splitList(raw)))}
          {textInput('countGte', t('condition.countGte'), String(condition.countGte ?? ''), (raw) =>
            set('countGte', raw.trim() === '' ? undefined : parseNumberInput(raw)),
          )}
          {textInput('withinDays', t('condition.withinDays'), String(condition.withinDays ?? ''), (raw) =>
            set('withinDays', raw.trim() === '' ? undefined : parseNumberInput(raw)),
          )}
        </div>
      );
    case 'metric':
      return (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-metric`}>{t('condition.metric')}</label>
            <select
              id={`${id}-metric`}
              data-path={pathKey([...path, 'metric'])}
              disabled={readOnly}
              value={String(condition.metric ?? 'interest')}
              onChange={(event) => set('metric', event.target.value)}
            >
              <option value="fit">{t('preview.fit')}</option>
              <option value="interest">{t('preview.interest')}</option>
              <option value="score">{t('preview.score')}</option>
            </select>
          </div>
          {textInput('gte', t('condition.atLeast'), String(condition.gte ?? ''), (raw) =>
            set('gte', parseNumberInput(raw)),
          )}
        </div>
      );
    case 'not':
      return <ConditionEditor path={[...path, 'of']} label={t('condition.negated')} depth={depth + 1} />;
    case 'all':
    case 'any': {
      const parts = Array.isArray(condition.of) ? condition.of : [];
      return (
        <div className="condition-parts">
          {parts.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity of their own
            <div key={index} className="condition-part">
              <ConditionEditor
                path={[...path, 'of', index]}
                label={t('condition.part', { n: index + 1 })}
                depth={depth + 1}
              />
              {readOnly ? null : (
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    setValue(
                      [...path, 'of'],
                      parts.filter((__, i) => i !== index),
                    )
                  }
                >
                  {t('condition.removePart', { n: index + 1 })}
                </button>
              )}
            </div>
          ))}
          {readOnly ? null : (
            <button
              type="button"
              onClick={() => setValue([...path, 'of'], [...parts, { op: 'exists', attr: 'industry' }])}
            >
              {t('condition.addPart')}
            </button>
          )}
        </div>
      );
    }
  }
}

/** One typed value of a condition; what is typed stays as typed while the field has focus. */
function ConditionTextInput(props: {
  id: string;
  path: ModelPath;
  label: string;
  value: string;
  onValue: (raw: string) => void;
  readOnly: boolean;
  hint?: string;
}) {
  const text = useTypedText(props.value);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        data-path={pathKey(props.path)}
        readOnly={props.readOnly}
        value={text.value}
        onChange={(event) => {
          text.onType(event.target.value);
          props.onValue(event.target.value);
        }}
        onBlur={text.onBlur}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      {props.hint ? (
        <small className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

/** The condition as JSON text; the draft changes only when the text parses. */
function RawJsonCondition(props: { path: ModelPath; label: string }) {
  const { draft, setValue, readOnly } = useEditor();
  const t = useOt();
  const id = useId();
  const current = getAt(draft, props.path);
  const [text, setText] = useState(() => JSON.stringify(current ?? {}, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        className="code"
        rows={6}
        readOnly={readOnly}
        data-path={pathKey(props.path)}
        aria-invalid={parseError !== null}
        aria-describedby={parseError ? `${id}-error` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            setValue(props.path, JSON.parse(event.target.value));
            setParseError(null);
          } catch (error) {
            setParseError(t('editor.jsonInvalid', { message: error instanceof Error ? error.message : '' }));
          }
        }}
      />
      {parseError ? (
        <p id={`${id}-error`} className="field-error">
          {parseError}
        </p>
      ) : null}
    </div>
  );
}
