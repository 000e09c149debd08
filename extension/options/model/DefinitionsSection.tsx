import { useOt } from '../i18n';
import { CheckboxField, ListEditor, LocalizedField, NumberField, nextId, SelectField, TextField } from './fields';

function titleOf(item: unknown, index: number): string {
  const entry = item as { id?: unknown; label?: { en?: unknown }; term?: { en?: unknown } };
  const text = entry?.label?.en ?? entry?.term?.en;
  if (typeof text === 'string' && text !== '') return text;
  return typeof entry?.id === 'string' && entry.id !== '' ? entry.id : `#${index + 1}`;
}

/** The common definitions both teams agreed on: statuses, deal stages, lead types and the glossary. */
export function DefinitionsSection() {
  const t = useOt();
  const blank = (items: unknown[], prefix: string) => ({
    id: nextId(items, prefix),
    label: { en: '' },
    definition: { en: '' },
  });
  return (
    <div className="section">
      <ListEditor
        path={['leadStatuses']}
        title={t('definitions.statuses')}
        addLabel={t('definitions.addStatus')}
        collapsed
        itemTitle={titleOf}
        newItem={(items) => blank(items, 'status')}
        renderItem={(path) => (
          <>
            <TextField path={[...path, 'id']} label={t('editor.id')} />
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
          </>
        )}
      />
      <ListEditor
        path={['dealStages']}
        title={t('definitions.dealStages')}
        addLabel={t('definitions.addDealStage')}
        collapsed
        itemTitle={titleOf}
        newItem={(items) => ({ ...blank(items, 'deal'), probability: 0.5, closed: false, won: false })}
        renderItem={(path) => (
          <>
            <div className="row">
              <TextField path={[...path, 'id']} label={t('editor.id')} />
              <NumberField path={[...path, 'probability']} label={t('definitions.probability')} />
              <CheckboxField path={[...path, 'closed']} label={t('definitions.closed')} />
              <CheckboxField path={[...path, 'won']} label={t('definitions.won')} />
            </div>
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
          </>
        )}
      />
      <ListEditor
        path={['leadTypes']}
        title={t('definitions.leadTypes')}
        addLabel={t('definitions.addLeadType')}
        collapsed
        itemTitle={titleOf}
        newItem={(items) => ({ ...blank(items, 'type'), dimension: 'relationship' })}
        renderItem={(path) => (
          <>
            <div className="row">
              <TextField path={[...path, 'id']} label={t('editor.id')} />
              <SelectField
                path={[...path, 'dimension']}
                label={t('definitions.dimension')}
                options={[
                  { value: 'relationship', label: t('definitions.dimension.relationship') },
                  { value: 'offering', label: t('definitions.dimension.offering') },
                ]}
              />
            </div>
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
          </>
        )}
      />
      <ListEditor
        path={['glossary']}
        title={t('definitions.glossary')}
        addLabel={t('definitions.addTerm')}
        collapsed
        itemTitle={titleOf}
        newItem={(items) => ({ id: nextId(items, 'term'), term: { en: '' }, definition: { en: '' } })}
        renderItem={(path) => (
          <>
            <TextField path={[...path, 'id']} label={t('editor.id')} />
            <LocalizedField path={[...path, 'term']} label={t('definitions.term')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
          </>
        )}
      />
    </div>
  );
}
