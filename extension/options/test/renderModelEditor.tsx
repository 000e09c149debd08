import { render } from '@testing-library/react';
import { LocaleProvider, type UiLocale } from '../../i18n';
import { OptionsApiContext } from '../api';
import { DraftStore, OptionsDb } from '../model/draftStore';
import { ModelTab } from '../model/ModelTab';
import { FakeOptionsApi } from './fakeOptionsApi';

export interface ModelEditorOptions {
  api?: FakeOptionsApi;
  /** Draft database; a fresh one (unique name) unless given. */
  db?: OptionsDb;
  dbName?: string;
  canEdit?: boolean;
  locale?: UiLocale;
}

/** The model tab as the options page shows it, on a fake API and its own draft database. */
export function renderModelEditor(options: ModelEditorOptions = {}) {
  const db = options.db ?? new OptionsDb(options.dbName ?? `leadlens-options-test-${crypto.randomUUID()}`);
  const view = render(
    <OptionsApiContext.Provider value={options.api ?? new FakeOptionsApi()}>
      <LocaleProvider locale={options.locale ?? 'en'}>
        <ModelTab canEdit={options.canEdit ?? true} store={new DraftStore(db)} />
      </LocaleProvider>
    </OptionsApiContext.Provider>,
  );
  return { ...view, db };
}
