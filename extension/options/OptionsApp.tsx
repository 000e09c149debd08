import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { directionOf, LocaleProvider, useLocale } from '../i18n';
import type { ConnectionStatus } from '../lib/messages';
import { onBackgroundPush } from '../lib/messages';
import { backgroundApi, type OptionsApi, OptionsApiContext, useOptionsApi } from './api';
import { ConnectionTab } from './connection/ConnectionTab';
import { FunnelTab } from './funnel/FunnelTab';
import { type OptionsMessageKey, useOt } from './i18n';
import type { DraftStore } from './model/draftStore';
import { ModelTab } from './model/ModelTab';
import { detectRole, type TokenRole } from './role';
import { Tabs } from './Tabs';
import { TokensTab } from './tokens/TokensTab';

type TabId = 'connection' | 'model' | 'funnel' | 'tokens';
const TAB_LABELS: Record<TabId, OptionsMessageKey> = {
  connection: 'tab.connection',
  model: 'tab.model',
  funnel: 'tab.funnel',
  tokens: 'tab.tokens',
};
const ROLE_LABELS: Record<TokenRole, OptionsMessageKey> = {
  admin: 'role.admin',
  marketer: 'role.marketer',
  rep: 'role.rep',
  member: 'role.member',
};

/** The options page: the user's language, the background as API, then the tabs. */
export function OptionsApp(props: { api?: OptionsApi; draftStore?: DraftStore }) {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  return (
    <OptionsApiContext.Provider value={props.api ?? backgroundApi}>
      <LocaleProvider locale={locale}>
        <OptionsPage {...(props.draftStore ? { draftStore: props.draftStore } : {})} />
      </LocaleProvider>
    </OptionsApiContext.Provider>
  );
}

function OptionsPage(props: { draftStore?: DraftStore }) {
  const t = useOt();
  const api = useOptionsApi();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [role, setRole] = useState<TokenRole | null>(null);
  const [tab, setTab] = useState<TabId>('connection');

  const refresh = useCallback(async () => {
    try {
      const next = await api.status();
      setStatus(next);
      setRole(next.state === 'connected' ? await detectRole(api) : null);
    } catch {
      setStatus(null);
      setRole(null);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    try {
      return onBackgroundPush((push) => {
        if (push.type === 'push/connectionChanged') void refresh();
      });
    } catch {
      return undefined;
    }
  }, [refresh]);

  const connected = status?.state === 'connected';
  const tabs: TabId[] = [
    'connection',
    ...(connected ? (['model', 'funnel'] as const) : []),
    ...(role === 'admin' ? (['tokens'] as const) : []),
  ];
  const selected = tabs.includes(tab) ? tab : 'connection';

  let panel: ReactNode;
  switch (selected) {
    case 'connection':
      panel = <ConnectionTab onConnectionChanged={() => void refresh()} />;
      break;
    case 'model':
      panel = <ModelTab canEdit={role === 'admin'} {...(props.draftStore ? { store: props.draftStore } : {})} />;
      break;
    case 'funnel':
      panel = <FunnelTab />;
      break;
    case 'tokens':
      panel = <TokensTab />;
      break;
  }

  return (
    <main className="options">
      <header>
        <h1>{t('app.title')}</h1>
        <p data-testid="options-connection-state" data-state={status?.state ?? 'unknown'} data-role={role ?? ''}>
          {status?.state === 'connected'
            ? t('app.connectedAs', {
                origin: status.apiOrigin ?? '',
                role: role ? t(ROLE_LABELS[role]) : t('role.unknown'),
              })
            : status?.state === 'unauthorized'
              ? t('app.unauthorized')
              : t('app.notConnected')}
        </p>
      </header>
      <Tabs
        label={t('app.tabs')}
        idPrefix="options"
        tabs={tabs.map((id) => ({ id, label: t(TAB_LABELS[id]) }))}
        selected={selected}
        onSelect={setTab}
      >
        {panel}
      </Tabs>
    </main>
  );
}
