import { useOt } from '../i18n';
import { ConditionEditor } from './ConditionEditor';
import { useEditor } from './editorContext';
import { CheckboxField, LinesField, ListEditor, LocalizedField, nextId, SelectField, TextField } from './fields';
import type { ModelPath } from './paths';

function titleOf(item: unknown, index: number): string {
  const entry = item as { id?: unknown; label?: { en?: unknown } };
  if (typeof entry?.label?.en === 'string' && entry.label.en !== '') return entry.label.en;
  return typeof entry?.id === 'string' && entry.id !== '' ? entry.id : `#${index + 1}`;
}

/**
 * Lifecycle stages with their definitions and entry criteria. A criterion's "active" toggle
 * switches, for example, between the fit-emphasis and the interest-emphasis MQL definition.
 */
export function LifecycleSection() {
  const t = useOt();
  return (
    <div className="section">
      <ListEditor
        path={['lifecycle', 'stages']}
        title={t('lifecycle.stages')}
        addLabel={t('lifecycle.addStage')}
        collapsed
        itemTitle={titleOf}
        newItem={(items) => ({
          id: nextId(items, 'stage'),
          label: { en: '' },
          definition: { en: '' },
          ownerTeam: 'marketing',
          entryCriteria: [],
        })}
        renderItem={(path) => <StageEditor path={path} />}
      />
      <TransitionsEditor />
      <ListEditor
        path={['journeyStages']}
        title={t('lifecycle.journeyStages')}
        addLabel={t('lifecycle.addJourneyStage')}
        collapsed
        itemTitle={titleOf}
        newItem={() => ({ id: 'decision', label: { en: '' }, definition: { en: '' } })}
        renderItem={(path) => (
          <>
            <SelectField
              path={[...path, 'id']}
              label={t('editor.id')}
              options={(['awareness', 'consideration', 'decision'] as const).map((id) => ({
                value: id,
                label: t(`journey.${id}`),
              }))}
            />
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
            <ConditionEditor path={[...path, 'when']} label={t('lifecycle.condition')} optional />
          </>
        )}
      />
    </div>
  );
}

/** Moves the forward-only rule would forbid (return to nurture) or that set a status and need a reason. */
function TransitionsEditor() {
  const t = useOt();
  const { draft } = useEditor();
  const ids = (path: 'stages' | 'statuses') => {
    const list =
      path === 'stages'
        ? (draft as { lifecycle?: { stages?: { id?: unknown }[] } })?.lifecycle?.stages
        : (draft as { leadStatuses?: { id?: unknown }[] })?.leadStatuses;
    return (list ?? [])
      .map((item) => item?.id)
      .filter((id): id is string => typeof id === 'string' && id !== '')
      .map((id) => ({ value: id, label: id }));
  };
  return (
    <ListEditor
      path={['lifecycle', 'transitions']}
      title={t('lifecycle.transitions')}
      addLabel={t('lifecycle.addTransition')}
      collapsed
      itemTitle={titleOf}
      newItem={(items) => ({ id: nextId(items, 'transition'), label: { en: '' }, from: ['sal'], to: 'lead' })}
      renderItem={(path) => (
        <>
          <div className="row">
            <TextField path={[...path, 'id']} label={t('editor.id')} />
            <SelectField path={[...path, 'to']} label={t('lifecycle.transitionTo')} options={ids('stages')} />
            <SelectField
              path={[...path, 'setsStatus']}
              label={t('lifecycle.setsStatus')}
              options={ids('statuses')}
              optional
            />
            <CheckboxField path={[...path, 'requiresReason']} label={t('lifecycle.requiresReason')} />
          </div>
          <LinesField path={[...path, 'from']} label={t('lifecycle.transitionFrom')} />
          <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
        </>
      )}
    />
  );
}

function StageEditor(props: { path: ModelPath }) {
  const { path } = props;
  const t = useOt();
  return (
    <>
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.id')} />
        <SelectField
          path={[...path, 'ownerTeam']}
          label={t('lifecycle.ownerTeam')}
          options={[
            { value: 'marketing', label: t('team.marketing') },
            { value: 'sales', label: t('team.sales') },
            { value: 'customer_success', label: t('team.customer_success') },
          ]}
        />
      </div>
      <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
      <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
      <ListEditor
        path={[...path, 'entryCriteria']}
        title={t('lifecycle.entryCriteria')}
        addLabel={t('lifecycle.addCriterion')}
        itemTitle={(item, index) => {
          const criterion = item as { active?: unknown };
          const title = titleOf(item, index);
          return criterion?.active === false ? t('lifecycle.inactive', { title }) : title;
        }}
        newItem={(items) => ({
          id: nextId(items, 'criterion'),
          label: { en: '' },
          emphasis: 'fit',
          active: true,
          when: { op: 'event', types: ['form_submit'], countGte: 1 },
        })}
        renderItem={(itemPath) => (
          <>
            <div className="row">
              <TextField path={[...itemPath, 'id']} label={t('editor.id')} />
              <SelectField
                path={[...itemPath, 'emphasis']}
                label={t('lifecycle.emphasis')}
                options={[
                  { value: 'fit', label: t('lifecycle.emphasis.fit') },
                  { value: 'interest', label: t('lifecycle.emphasis.interest') },
                  { value: 'other', label: t('lifecycle.emphasis.other') },
                ]}
              />
              <CheckboxField path={[...itemPath, 'active']} label={t('lifecycle.active')} />
            </div>
            <LocalizedField path={[...itemPath, 'label']} label={t('editor.label')} />
            <ConditionEditor path={[...itemPath, 'when']} label={t('lifecycle.condition')} />
          </>
        )}
      />
    </>
  );
}
