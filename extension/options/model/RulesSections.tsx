import { useOt } from '../i18n';
import { ConditionEditor } from './ConditionEditor';
import { CheckboxField, LinesField, ListEditor, LocalizedField, NumberField, nextId, TextField } from './fields';

function ruleTitle(item: unknown, index: number, fallback: string): string {
  const rule = item as { id?: unknown; label?: { en?: unknown } };
  const label = typeof rule?.label?.en === 'string' && rule.label.en !== '' ? rule.label.en : null;
  return label ?? (typeof rule?.id === 'string' && rule.id !== '' ? rule.id : `${fallback} ${index + 1}`);
}

/** ICP fit rules: a condition on the lead's firmographics and the points it gives (negative = warning sign). */
export function IcpSection() {
  const t = useOt();
  return (
    <div className="section">
      <LocalizedField path={['icp', 'description']} label={t('icp.description')} multiline />
      <ListEditor
        path={['icp', 'rules']}
        title={t('icp.rules')}
        addLabel={t('icp.addRule')}
        collapsed
        itemTitle={(item, index) => ruleTitle(item, index, t('icp.rule'))}
        newItem={(items) => ({
          id: nextId(items, 'fit'),
          label: { en: '' },
          when: { op: 'eq', attr: 'industry', value: '' },
          points: 10,
          warningSign: false,
        })}
        renderItem={(path) => (
          <>
            <div className="row">
              <TextField path={[...path, 'id']} label={t('editor.id')} />
              <NumberField path={[...path, 'points']} label={t('editor.points')} />
              <CheckboxField path={[...path, 'warningSign']} label={t('icp.warningSign')} />
            </div>
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <ConditionEditor path={[...path, 'when']} label={t('icp.condition')} />
          </>
        )}
      />
    </div>
  );
}

/** Behaviour rules: points per event type, decayed by age with the half-life, capped per rule. */
export function BehaviourSection() {
  const t = useOt();
  return (
    <div className="section">
      <div className="grid">
        <NumberField path={['behaviour', 'halfLifeDays']} label={t('scoring.halfLife')} />
        <NumberField path={['behaviour', 'normalizationMax']} label={t('scoring.interestMax')} />
      </div>
      <ListEditor
        path={['behaviour', 'rules']}
        title={t('behaviour.rules')}
        addLabel={t('behaviour.addRule')}
        collapsed
        itemTitle={(item, index) => ruleTitle(item, index, t('behaviour.rule'))}
        newItem={(items) => ({
          id: nextId(items, 'behaviour'),
          label: { en: '' },
          eventTypes: ['page_view'],
          points: 5,
          cap: 20,
        })}
        renderItem={(path) => (
          <>
            <div className="row">
              <TextField path={[...path, 'id']} label={t('editor.id')} />
              <NumberField path={[...path, 'points']} label={t('editor.points')} />
              <NumberField path={[...path, 'cap']} label={t('behaviour.cap')} />
            </div>
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LinesField
              path={[...path, 'eventTypes']}
              label={t('behaviour.eventTypes')}
              hint={t('behaviour.eventTypesHint')}
            />
          </>
        )}
      />
    </div>
  );
}
