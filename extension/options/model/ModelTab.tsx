import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useUiLocale } from '../../i18n';
import { onBackgroundPush } from '../../lib/messages';
import { useOptionsApi } from '../api';
import { CalibrationPanel } from '../calibration/CalibrationPanel';
import { type OptionsMessageKey, useOt } from '../i18n';
import { Tabs } from '../Tabs';
import { CoverageGrid } from './CoverageGrid';
import { DefinitionsSection } from './DefinitionsSection';
import { DraftStore } from './draftStore';
import { ErrorSummary } from './ErrorSummary';
import { EditorContext, type EditorContextValue, errorsByPath } from './editorContext';
import { HistoryPanel } from './HistoryPanel';
import { JsonPanel } from './JsonPanel';
import { LifecycleSection } from './LifecycleSection';
import { PersonasSection } from './PersonasSection';
import { PreviewPanel } from './PreviewPanel';
import { PublishPanel } from './PublishPanel';
import { BehaviourSection, IcpSection } from './RulesSections';
import { ScoringSection } from './ScoringSection';
import { SlaSection } from './SlaSection';
import { useModelDraft } from './useModelDraft';

const SECTIONS = [
  'scoring',
  'icp',
  'behaviour',
  'personas',
  'lifecycle',
  'definitions',
  'sla',
  'coverage',
  'preview',
  'publish',
  'calibration',
  'json',
] as const;
type Section = (typeof SECTIONS)[number];

const SECTION_LABELS: Record<Section, OptionsMessageKey> = {
  scoring: 'model.section.scoring',
  icp: 'model.section.icp',
  behaviour: 'model.section.behaviour',
  personas: 'model.section.personas',
  lifecycle: 'model.section.lifecycle',
  definitions: 'model.section.definitions',
  sla: 'model.section.sla',
  coverage: 'model.section.coverage',
  preview: 'model.section.preview',
  publish: 'model.section.publish',
  calibration: 'model.section.calibration',
  json: 'model.section.json',
};

/** Which section edits the field at an error path, so "show" can open it. */
export function sectionForPath(path: string): Section {
  if (path.startsWith('icp')) return 'icp';
  if (path.startsWith('behaviour.rules')) return 'behaviour';
  if (path.startsWith('personas')) return 'personas';
  if (path.startsWith('lifecycle')) return 'lifecycle';
  if (/^(leadStatuses|dealStages|leadTypes|glossary)/.test(path)) return 'definitions';
  if (path.startsWith('sla')) return 'sla';
  if (/^(quadrants\.(fitHigh|interestHigh)|fitWeight|grades|behaviour|name|locales)/.test(path)) return 'scoring';
  return 'json';
}

/**
 * The "Model" tab: admins edit the shared model as forms (or JSON), watch validation as they
 * type, preview sample leads, and publish; everyone else reads the same forms, disabled.
 */
export function ModelTab(props: { canEdit: boolean; store?: DraftStore }) {
  const { canEdit } = props;
  const t = useOt();
  const locale = useUiLocale();
  const api = useOptionsApi();
  const [store] = useState(() => props.store ?? new DraftStore());
  const state = useModelDraft(api, store);
  const [section, setSection] = useState<Section>('scoring');
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const errors = useMemo(() => errorsByPath(state.errors), [state.errors]);
  const { reloadPublished } = state;
  // Every browser follows a publish within a minute; the editor does too, while it has no edits.
  useEffect(() => {
    try {
      return onBackgroundPush((push) => {
        if (push.type === 'push/modelChanged') void reloadPublished();
      });
    } catch {
      return undefined;
    }
  }, [reloadPublished]);
  const sections = SECTIONS.filter((s) => canEdit || s !== 'calibration');

  const editor: EditorContextValue = useMemo(
    () => ({
      draft: state.draft,
      setValue: state.setValue,
      change: state.change,
      errors,
      readOnly: !canEdit,
      focusPath,
    }),
    [state.draft, state.setValue, state.change, errors, canEdit, focusPath],
  );

  function show(path: string) {
    setSection(sectionForPath(path));
    setFocusPath(path);
    // After the section and the items around the field have rendered: focus it.
    setTimeout(() => {
      const field =
        document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
        document.querySelector<HTMLElement>(`[data-error-path="${CSS.escape(path)}"]`);
      field?.focus();
      field?.scrollIntoView?.({ block: 'center' });
    }, 0);
  }

  if (state.loading) return <p>{t('status.loading')}</p>;
  if (state.draft === null) {
    return <p className="problem">{t('model.unavailable', { message: state.loadError ?? '' })}</p>;
  }

  let body: ReactNode;
  switch (section) {
    case 'scoring':
      body = <ScoringSection />;
      break;
    case 'icp':
      body = <IcpSection />;
      break;
    case 'behaviour':
      body = <BehaviourSection />;
      break;
    case 'personas':
      body = <PersonasSection />;
      break;
    case 'lifecycle':
      body = <LifecycleSection />;
      break;
    case 'definitions':
      body = <DefinitionsSection />;
      break;
    case 'sla':
      body = <SlaSection />;
      break;
    case 'coverage':
      body = <CoverageGrid draft={state.draft} />;
      break;
    case 'preview':
      body = <PreviewPanel draft={state.draft} published={state.published?.model ?? null} canEdit={canEdit} />;
      break;
    case 'publish':
      body = (
        <>
          <PublishPanel state={state} canEdit={canEdit} />
          <HistoryPanel
            canEdit={canEdit}
            liveVersion={state.published?.version ?? null}
            onRolledBack={() => void state.reloadPublished()}
          />
        </>
      );
      break;
    case 'calibration':
      body = <CalibrationPanel change={state.change} />;
      break;
    case 'json':
      body = <JsonPanel draft={state.draft} canEdit={canEdit} onImport={state.replaceDraft} />;
      break;
  }

  return (
    <EditorContext.Provider value={editor}>
      <div className="model-status" data-testid="model-status" data-dirty={state.dirty} data-valid={state.valid}>
        <p>
          {state.published ? t('model.live', { version: state.published.version }) : t('model.liveUnknown')}{' '}
          {state.base ? t('model.draftBase', { version: state.base.version }) : null}{' '}
          {canEdit
            ? state.dirty
              ? state.savedAt
                ? t('model.draftSaved', { time: new Date(state.savedAt).toLocaleTimeString(locale) })
                : t('model.draftUnsaved')
              : t('model.noChanges')
            : t('model.readOnly')}
        </p>
        {state.loadError ? <p className="problem">{state.loadError}</p> : null}
        {state.conflict ? (
          <p className="problem">
            {t('publish.conflict', { version: state.conflict.version })}{' '}
            <button type="button" className="link" onClick={() => setSection('publish')}>
              {t('conflict.show')}
            </button>
          </p>
        ) : null}
        {canEdit ? <ErrorSummary errors={state.errors} onShow={show} /> : null}
      </div>
      <Tabs
        label={t('model.sections')}
        idPrefix="model"
        tabs={sections.map((id) => ({ id, label: t(SECTION_LABELS[id]) }))}
        selected={section}
        onSelect={setSection}
      >
        {body}
      </Tabs>
    </EditorContext.Provider>
  );
}
