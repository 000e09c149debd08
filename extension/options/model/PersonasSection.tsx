import { JOURNEY_STAGE_IDS } from '../../../shared';
import { type OptionsMessageKey, useOt } from '../i18n';
import { draftLocales, useEditor } from './editorContext';
import {
  LinesField,
  ListEditor,
  LocalizedField,
  LocalizedListEditor,
  NumberField,
  nextId,
  SelectField,
  TextField,
} from './fields';
import type { ModelPath } from './paths';

export const JOURNEY_LABELS: Record<(typeof JOURNEY_STAGE_IDS)[number], OptionsMessageKey> = {
  awareness: 'journey.awareness',
  consideration: 'journey.consideration',
  decision: 'journey.decision',
};

function named(item: unknown, index: number, fallback: string): string {
  const persona = item as { id?: unknown; name?: { en?: unknown } };
  if (typeof persona?.name?.en === 'string' && persona.name.en !== '') return persona.name.en;
  return typeof persona?.id === 'string' && persona.id !== '' ? persona.id : `${fallback} ${index + 1}`;
}

const emptyMessaging = () => ({ talkingPoints: [], content: [] });

/** Buyer personas: who they are, how titles reveal them (per language), and what to tell them per journey stage. */
export function PersonasSection() {
  const t = useOt();
  return (
    <div className="section">
      <ListEditor
        path={['personas']}
        title={t('personas.title')}
        addLabel={t('personas.add')}
        collapsed
        itemTitle={(item, index) => named(item, index, t('personas.persona'))}
        newItem={(items) => ({
          id: nextId(items, 'persona'),
          name: { en: '' },
          buyingRole: 'influencer',
          titlePatterns: [{ locale: 'en', pattern: '', weight: 1 }],
          departmentPatterns: [],
          seniorityPatterns: [],
          pains: [],
          objections: [],
          messaging: { awareness: emptyMessaging(), consideration: emptyMessaging(), decision: emptyMessaging() },
        })}
        renderItem={(path) => <PersonaEditor path={path} />}
      />
    </div>
  );
}

function PersonaEditor(props: { path: ModelPath }) {
  const { path } = props;
  const t = useOt();
  const { draft } = useEditor();
  const locales = draftLocales(draft).map((locale) => ({ value: locale, label: locale }));
  return (
    <div className="persona">
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.id')} />
        <SelectField
          path={[...path, 'buyingRole']}
          label={t('personas.buyingRole')}
          options={[
            { value: 'end_user', label: t('personas.role.end_user') },
            { value: 'influencer', label: t('personas.role.influencer') },
            { value: 'decision_maker', label: t('personas.role.decision_maker') },
          ]}
        />
      </div>
      <LocalizedField path={[...path, 'name']} label={t('personas.name')} />
      <LocalizedField path={[...path, 'description']} label={t('personas.description')} multiline optional />
      <ListEditor
        path={[...path, 'titlePatterns']}
        title={t('personas.titlePatterns')}
        addLabel={t('personas.addTitlePattern')}
        itemTitle={(item, index) => {
          const pattern = (item as { locale?: unknown; pattern?: unknown }) ?? {};
          return `${String(pattern.locale ?? '')} ${String(pattern.pattern ?? '') || `#${index + 1}`}`;
        }}
        newItem={() => ({ locale: 'en', pattern: '', weight: 1 })}
        renderItem={(itemPath) => (
          <div className="row">
            <SelectField path={[...itemPath, 'locale']} label={t('personas.patternLocale')} options={locales} />
            <TextField path={[...itemPath, 'pattern']} label={t('personas.pattern')} />
            <NumberField path={[...itemPath, 'weight']} label={t('personas.weight')} />
          </div>
        )}
      />
      <LinesField path={[...path, 'departmentPatterns']} label={t('personas.departmentPatterns')} />
      <LinesField path={[...path, 'seniorityPatterns']} label={t('personas.seniorityPatterns')} />
      <LocalizedListEditor
        path={[...path, 'pains']}
        title={t('personas.pains')}
        itemLabel={t('personas.pain')}
        addLabel={t('personas.addPain')}
      />
      <LocalizedListEditor
        path={[...path, 'objections']}
        title={t('personas.objections')}
        itemLabel={t('personas.objection')}
        addLabel={t('personas.addObjection')}
      />
      {JOURNEY_STAGE_IDS.map((stage) => (
        <fieldset key={stage} className="messaging">
          <legend>{t('personas.messagingFor', { stage: t(JOURNEY_LABELS[stage]) })}</legend>
          <LocalizedListEditor
            path={[...path, 'messaging', stage, 'talkingPoints']}
            title={t('personas.talkingPoints')}
            itemLabel={t('personas.talkingPoint')}
            addLabel={t('personas.addTalkingPoint')}
          />
          <ListEditor
            path={[...path, 'messaging', stage, 'content']}
            title={t('personas.content')}
            addLabel={t('personas.addContent')}
            itemTitle={(item, index) => String((item as { title?: { en?: unknown } })?.title?.en || `#${index + 1}`)}
            newItem={() => ({ title: { en: '' } })}
            renderItem={(itemPath) => (
              <>
                <LocalizedField path={[...itemPath, 'title']} label={t('personas.contentTitle')} />
                <TextField
                  path={[...itemPath, 'url']}
                  label={t('personas.contentUrl')}
                  placeholder="https://"
                  optional
                />
              </>
            )}
          />
        </fieldset>
      ))}
    </div>
  );
}
