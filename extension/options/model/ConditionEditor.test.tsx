import { fireEvent, render, screen } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultModel, validateModel } from '../../../shared';
import { LocaleProvider } from '../../i18n';
import { ConditionEditor, parseScalar } from './ConditionEditor';
import { EditorContext, errorsByPath } from './editorContext';
import { setAt } from './paths';

const RULE = ['icp', 'rules', 0, 'when'] as const;

/** The editor context over a real model, so validation runs as in the options page. */
function Harness(props: { onDraft: (draft: unknown) => void }) {
  const [draft, setDraft] = useState<unknown>(defaultModel);
  const validation = useMemo(() => validateModel(draft), [draft]);
  const errors = useMemo(() => errorsByPath(validation.ok ? [] : validation.errors), [validation]);
  const update = (next: unknown) => {
    setDraft(next);
    props.onDraft(next);
  };
  return (
    <LocaleProvider locale="en">
      <EditorContext.Provider
        value={{
          draft,
          setValue: (path, value) => update(setAt(draft, path, value)),
          change: (fn) => update(fn(draft)),
          errors,
          readOnly: false,
          focusPath: null,
        }}
      >
        <ConditionEditor path={RULE} label="When" />
      </EditorContext.Provider>
    </LocaleProvider>
  );
}

function setup() {
  let latest: unknown = defaultModel;
  render(<Harness onDraft={(d) => (latest = d)} />);
  const condition = () => (latest as typeof defaultModel).icp.rules[0]?.when;
  return { condition };
}

describe('condition builder', () => {
  it('types comparison values: numbers and booleans become typed, the rest stays text', () => {
    expect(parseScalar('5000')).toBe(5000);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('JP')).toBe('JP');
    expect(parseScalar('007a')).toBe('007a');
  });

  it('builds eq, in, gte and matches conditions from the form', () => {
    const { condition } = setup();
    const op = screen.getByLabelText('Condition');
    fireEvent.change(op, { target: { value: 'eq' } });
    fireEvent.change(screen.getByLabelText('Attribute'), { target: { value: 'country' } });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'JP' } });
    expect(condition()).toEqual({ op: 'eq', attr: 'country', value: 'JP' });

    fireEvent.change(op, { target: { value: 'in' } });
    fireEvent.change(screen.getByLabelText('Values (comma-separated)'), { target: { value: 'JP, IT,AE' } });
    expect(condition()).toEqual({ op: 'in', attr: 'country', values: ['JP', 'IT', 'AE'] });

    fireEvent.change(op, { target: { value: 'gte' } });
    fireEvent.change(screen.getByLabelText('Attribute'), { target: { value: 'employees' } });
    fireEvent.change(screen.getByLabelText('Number'), { target: { value: '5000' } });
    expect(condition()).toEqual({ op: 'gte', attr: 'employees', value: 5000 });

    fireEvent.change(op, { target: { value: 'matches' } });
    fireEvent.change(screen.getByLabelText('Pattern (regular expression)'), { target: { value: '[' } });
    expect(condition()).toEqual({ op: 'matches', attr: 'employees', pattern: '[' });
    // The broken pattern is reported inside the condition, at its path.
    expect(document.querySelector('[data-error-path="icp.rules.0.when.pattern"]')?.textContent).toMatch(
      /regular expression/,
    );
  });

  it('takes a value with a comma in double quotes, and a quoted number as text', () => {
    const { condition } = setup();
    fireEvent.change(screen.getByLabelText('Condition'), { target: { value: 'in' } });
    const values = screen.getByLabelText<HTMLInputElement>('Values (comma-separated)');
    expect(document.getElementById(values.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'double quotes',
    );
    fireEvent.change(values, { target: { value: '"Banking, financial services", Insurance, "5000", 5000' } });
    expect(condition()).toMatchObject({
      op: 'in',
      values: ['Banking, financial services', 'Insurance', '5000', 5000],
    });
    // What the field shows after it loses focus reads back as the same values.
    fireEvent.blur(values);
    expect(values.value).toBe('"Banking, financial services", Insurance, "5000", 5000');
  });

  it('nests all/any parts and accepts raw JSON for anything else', () => {
    const { condition } = setup();
    fireEvent.change(screen.getByLabelText('Condition'), { target: { value: 'eq' } });
    fireEvent.change(screen.getAllByLabelText('Condition')[0] as HTMLElement, { target: { value: 'all' } });
    expect(condition()).toMatchObject({ op: 'all', of: [{ op: 'eq' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Add part' }));
    expect(condition()).toMatchObject({ op: 'all', of: [{ op: 'eq' }, { op: 'exists', attr: 'industry' }] });

    fireEvent.click(screen.getAllByLabelText('Edit as JSON')[0] as HTMLElement);
    const json = screen.getByLabelText('Condition (JSON)');
    const raw = { op: 'not', of: { op: 'event', types: ['demo_request'], countGte: 2, withinDays: 30 } };
    fireEvent.change(json, { target: { value: JSON.stringify(raw) } });
    expect(condition()).toEqual(raw);
    fireEvent.change(json, { target: { value: '{"op": ' } });
    expect(screen.getByText(/Not valid JSON/)).toBeTruthy();
    expect(condition()).toEqual(raw);
  });
});
