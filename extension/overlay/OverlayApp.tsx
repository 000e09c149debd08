import { memo, useCallback, useMemo, useRef } from 'react';
import type { PagePerson, SiteAdapter } from '../adapters';
import { useLocale } from '../i18n';
import { sendToBackground } from '../lib/backgroundClient';
import { insertAtCaret } from '../lib/insertAtCaret';
import { useAlignmentModel } from '../lib/useAlignmentModel';
import { useLeadInsight } from '../lib/useLeadInsight';
import { useCardPreferences } from './cardPreferences';
import type { CardActions } from './LeadActions';
import { type DockSide, LeadCard } from './LeadCard';
import { placeCard } from './placement';
import { useNow } from './useNow';
import { usePageGeometry } from './usePageGeometry';

export interface OverlayAppProps {
  person: PagePerson | null;
  adapter: SiteAdapter;
  doc: Document;
  /** The caret the user last had in the email body (see `rememberCaret`). */
  caretIn?: (body: HTMLElement) => Range | null;
}

const CHANNEL_OF_SITE = {
  gmail: 'email',
  outlook: 'email',
  linkedin: 'linkedin',
  hubspot: 'phone',
  salesforce: 'phone',
} as const;

/**
 * The card re-renders only when what it shows changes: the hooks below answer soon after its first
 * data render (stored preferences, page positions, outbox state, the same prefetched answer again),
 * usually with nothing new, and re-rendering the whole card for each made the page's first
 * seconds a string of long tasks.
 */
const Card = memo(LeadCard);

/** The card for the person on screen, wired to the background's data hook. No person → nothing. */
export function OverlayApp({ person, adapter, doc, caretIn }: OverlayAppProps) {
  const locale = useLocale();
  const facts = person?.facts ?? null;
  const state = useLeadInsight(facts, { locale });
  const modelInfo = useAlignmentModel();
  const now = useNow();
  const [preferences, setPreferences] = useCardPreferences();
  const dragOffset = useRef(0);
  const geometry = usePageGeometry(doc, adapter);

  const insightScore = state.insight?.score;
  // No model was ever fetched (not connected yet): the background scored the page's facts with
  // the bundled model, so the card still shows fit and persona, says it is not connected, and
  // reports model version 0. (Scored there: the engine and default model stay out of this script.)
  const preview = insightScore ? undefined : state.preview;

  const onInsert = useCallback(
    (text: string): boolean => {
      const body = adapter.composeBody?.(doc) ?? null;
      if (!body) return false;
      insertAtCaret(body, text, caretIn?.(body));
      return true;
    },
    [adapter, doc, caretIn],
  );

  const actions = useMemo<CardActions>(
    () => ({
      logAttempt: (attempt) => state.actions.logAttempt(attempt),
      accept: () => state.actions.accept(),
      returnLead: (reason) => state.actions.returnLead(reason),
      retry: () => sendToBackground({ type: 'outbox/retry' }),
    }),
    [state.actions],
  );

  const onDragStart = useCallback(
    (event: React.PointerEvent<HTMLElement>) => {
      const card = (event.currentTarget as HTMLElement).closest('section');
      if (!card) return;
      event.preventDefault();
      dragOffset.current = event.clientY - card.getBoundingClientRect().top;
      const view = doc.defaultView ?? window;
      let top = card.getBoundingClientRect().top;
      const onMove = (move: PointerEvent) => {
        top = Math.min(Math.max(0, move.clientY - dragOffset.current), view.innerHeight - 40);
        card.style.top = `${top}px`;
      };
      const onUp = () => {
        view.removeEventListener('pointermove', onMove);
        view.removeEventListener('pointerup', onUp);
        setPreferences({ top: Math.round(top) });
      };
      view.addEventListener('pointermove', onMove);
      view.addEventListener('pointerup', onUp);
    },
    [doc, setPreferences],
  );

  const { dock, top, collapsed } = preferences;
  const { defaultTop, viewport, anchor } = geometry;
  const placement = useMemo(
    () => placeCard({ side: dock, top: top ?? defaultTop, viewport, anchor }),
    [dock, top, defaultTop, viewport, anchor],
  );
  const refresh = state.actions.refresh;
  const onRefresh = useCallback(() => void refresh(), [refresh]);
  const onCollapsedChange = useCallback((next: boolean) => setPreferences({ collapsed: next }), [setPreferences]);
  const onDockChange = useCallback((next: DockSide) => setPreferences({ dock: next }), [setPreferences]);

  const shown = insightScore ?? preview?.score;
  if (!person || !shown) return null;
  const insight = state.insight;
  return (
    <Card
      score={shown}
      lead={insight?.lead}
      model={modelInfo?.model ?? preview?.model ?? null}
      locale={locale}
      personName={person.facts.name ?? person.facts.email}
      status={state.status}
      stale={insight?.stale ?? false}
      offline={insight?.offline ?? state.status === 'offline'}
      fetchedAt={insight?.fetchedAt ?? null}
      error={state.error}
      notConnected={!insightScore}
      actions={insight?.lead ? actions : undefined}
      outbox={state.outbox}
      onInsert={adapter.composeBody ? onInsert : undefined}
      onRefresh={insightScore ? onRefresh : undefined}
      defaultChannel={CHANNEL_OF_SITE[adapter.id]}
      now={now}
      collapsed={collapsed}
      onCollapsedChange={onCollapsedChange}
      dock={dock}
      onDockChange={onDockChange}
      placement={placement}
      onDragStart={onDragStart}
    />
  );
}
