import { useEffect, useId, useRef, useState } from 'react';
import type { AlignmentModel, Lead, LifecycleTransition, ScoreResult } from '../../shared';
import { directionOf, LocaleProvider, type MessageKey, t as translate, type UiLocale } from '../i18n';
import type { InsightStatus } from '../lib/messages';
import { markStep } from '../lib/stepMarks';
import type { LeadOutboxSummary } from '../lib/useLeadInsight';
import {
  glossaryDefinition,
  glossaryTerm,
  gradeMinFit,
  journeyStage,
  leadStatus,
  lifecycleStage,
  localizedMessaging,
  nextAction,
  personaDefinition,
  personaName,
  quadrantDefinition,
  signalKind,
} from './definitions';
import { formatAge } from './duration';
import { type CardActions, LeadActions } from './LeadActions';
import { PlainText } from './PlainText';
import { type CardPlacement, cssMaxHeight } from './placement';
import { QuadrantMatrix } from './QuadrantMatrix';
import { SlaClock } from './SlaClock';
import { TalkingPoints } from './TalkingPoints';
import { Term } from './Term';
import { WhyList } from './WhyList';

export type DockSide = 'left' | 'right';

export interface LeadCardProps {
  score: ScoreResult;
  /** The stored lead; absent for a person the lead store does not know. */
  lead?: Lead | undefined;
  model: AlignmentModel | null;
  locale: UiLocale;
  /** The person's name as the page shows it, for the card's accessible name. */
  personName?: string | undefined;
  status?: InsightStatus;
  stale?: boolean;
  offline?: boolean;
  fetchedAt?: number | null;
  error?: string | undefined;
  /** True when the score comes from the bundled default model because Leadlens is not connected. */
  notConnected?: boolean;
  actions?: CardActions | undefined;
  outbox?: LeadOutboxSummary;
  onInsert?: ((text: string) => boolean) | undefined;
  onRefresh?: (() => void) | undefined;
  defaultChannel?: 'email' | 'phone' | 'linkedin' | 'meeting' | 'sms' | 'other';
  /** The card's clock (ms since epoch). */
  now: number;
  collapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
  dock?: DockSide;
  onDockChange?: (dock: DockSide) => void;
  /** Where on the viewport the card sits (see `placeCard`); CSS defaults without one. */
  placement?: CardPlacement;
  onDragStart?: (event: React.PointerEvent<HTMLElement>) => void;
}

const EMPTY_OUTBOX: LeadOutboxSummary = { pending: 0, failed: 0, paused: false, lastError: null, items: [] };

/** Physical edges: the card docks to a side of the screen whatever the UI direction. */
function placementStyle(placement: CardPlacement | undefined): React.CSSProperties | undefined {
  if (!placement) return undefined;
  const other = placement.side === 'right' ? 'left' : 'right';
  return {
    [placement.side]: `${placement.offset}px`,
    [other]: 'auto',
    top: `${placement.top}px`,
    maxHeight: placement.maxHeight === null ? cssMaxHeight(placement.top) : `${placement.maxHeight}px`,
  };
}

/**
 * Whether the model has a move of that kind out of `stage` (accept only an MQL, return only an
 * MQL or SAL in the default model). Without a model the buttons stay and the API decides.
 */
function canMove(model: AlignmentModel | null, stage: string, kind: (move: LifecycleTransition) => boolean): boolean {
  if (!model) return true;
  return model.lifecycle.transitions.some((move) => kind(move) && move.from.includes(stage));
}

/** Admin text for a model id; the id itself when the model does not define it. */
function labelOr(definition: { label: string } | null, id: string): string {
  return definition?.label || id;
}

/**
 * The Leadlens card for the person on screen. The root's data-* attributes are the overlay
 * contract (DESIGN.md §8) that black-box browser tests read: keep them exactly.
 * Everything from a page or the model is rendered as React text; nothing as HTML.
 */
export function LeadCard(props: LeadCardProps) {
  const { score, lead, model, locale, collapsed = false, dock = 'right' } = props;
  const bodyId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The headline (the contract's data-* attributes, quadrant, score, name) is painted first; the
  // body (numbers, facts with their definitions, talking points, why, actions) is rendered in the
  // task after that paint (AfterPaint). Rendered together, a LinkedIn profile's first card took one
  // 90 ms task (`npm run bench:overlay`).
  markStep('card');
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, locale);
  const persona = score.personas[0];
  const stageId = score.stage || 'unknown';
  const quadrant = quadrantDefinition(model, score.quadrant, locale);
  const name = props.personName ?? lead?.name;

  return (
    <LocaleProvider locale={locale}>
      <section
        data-testid="leadlens-card"
        data-quadrant={score.quadrant}
        data-score={Math.round(score.score)}
        data-fit={Math.round(score.fit)}
        data-interest={Math.round(score.interest)}
        data-stage={stageId}
        data-persona={persona?.id ?? ''}
        data-model-version={score.modelVersion}
        data-collapsed={collapsed}
        data-dock={dock}
        // Not part of §8 but stable for tests: the card shows cached data because the API is unreachable,
        // and why the status line is what it is (ready, offline, error, reconnect).
        data-ll-offline={Boolean(props.offline || props.status === 'offline')}
        data-ll-status={props.status ?? 'ready'}
        className={`ll-card ll-quadrant-${score.quadrant}${collapsed ? ' ll-collapsed' : ''}`}
        dir={directionOf(locale)}
        lang={locale}
        aria-label={name ? t('card.region', { name }) : t('card.regionUnnamed')}
        style={placementStyle(props.placement)}
        onKeyDown={(event) => {
          // Escape folds the card away from the keyboard and leaves the focus on its toggle.
          if (event.key !== 'Escape' || collapsed || !props.onCollapsedChange) return;
          event.stopPropagation();
          props.onCollapsedChange(true);
          toggleRef.current?.focus();
        }}
      >
        <header className="ll-header">
          {props.onDragStart ? (
            <span
              className="ll-grip"
              title={t('card.move')}
              aria-hidden="true"
              onPointerDown={(event) => props.onDragStart?.(event)}
            >
              ⋮⋮
            </span>
          ) : null}
          <span className={`ll-chip ll-chip-${score.quadrant}`}>
            {labelOr(quadrant, t(`quadrant.${score.quadrant}`))} · {Math.round(score.score)}
          </span>
          {name ? <PlainText value={name} max={60} className="ll-name" /> : null}
          <span className="ll-spacer" />
          {props.onDockChange ? (
            <button
              type="button"
              className="ll-icon"
              aria-label={dock === 'right' ? t('card.dockLeft') : t('card.dockRight')}
              title={dock === 'right' ? t('card.dockLeft') : t('card.dockRight')}
              onClick={() => props.onDockChange?.(dock === 'right' ? 'left' : 'right')}
            >
              ⇆
            </button>
          ) : null}
          <button
            ref={toggleRef}
            type="button"
            className="ll-icon"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            aria-label={collapsed ? t('card.expand') : t('card.collapse')}
            title={collapsed ? t('card.expand') : t('card.collapse')}
            data-action="toggle"
            onClick={() => props.onCollapsedChange?.(!collapsed)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        </header>
        <div id={bodyId} className="ll-body" hidden={collapsed}>
          <AfterPaint>
            <CardBody {...props} />
          </AfterPaint>
        </div>
      </section>
    </LocaleProvider>
  );
}

/**
 * The card below its header: everything but the headline, rendered once the headline is painted,
 * itself in two slices: the numbers and facts first, then (in the task after their paint) the next
 * action, talking points, why and actions. In one task the body alone still made one ~53 ms task
 * on a LinkedIn profile (`npm run bench:overlay`), over the 50 ms a long task starts at.
 */
function CardBody(props: LeadCardProps) {
  const { score, lead, model, locale } = props;
  markStep('body');
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, locale);
  const persona = score.personas[0];
  const stageId = score.stage || 'unknown';
  const stage = stageId === 'unknown' ? null : lifecycleStage(model, stageId, locale);
  const suggested = score.suggestedStage ? lifecycleStage(model, score.suggestedStage, locale) : null;
  const status = lead?.leadStatus ? leadStatus(model, lead.leadStatus, locale) : null;
  const journey = journeyStage(model, score.journeyStage, locale);
  const quadrant = quadrantDefinition(model, score.quadrant, locale);
  const minFit = gradeMinFit(model, score.grade);
  const term = (id: string, fallback: MessageKey) => glossaryTerm(model, id, locale)?.definition ?? t(fallback);
  return (
    <>
      <StatusLine {...props} />
      <div className="ll-overview">
        <QuadrantMatrix
          model={model}
          quadrant={score.quadrant}
          fit={score.fit}
          interest={score.interest}
          interestKnown={score.interestKnown}
        />
        <dl className="ll-numbers">
          <DefinedValue definition={term('lead_score', 'label.score')} label={t('label.score')}>
            {Math.round(score.score)}
          </DefinedValue>
          <div>
            <dt>
              <Term
                definition={
                  minFit !== null
                    ? t('value.gradeDefinition', { grade: score.grade, minFit })
                    : term('fit', 'label.fit')
                }
              >
                {t('label.grade')}
              </Term>
            </dt>
            <dd>
              <PlainText value={score.grade} max={3} />
            </dd>
          </div>
          <DefinedValue definition={term('fit', 'label.fit')} label={t('label.fit')}>
            {Math.round(score.fit)}
          </DefinedValue>
          <DefinedValue
            definition={term('interest', 'label.interest')}
            label={t('label.interest')}
            data-interest-known={score.interestKnown}
          >
            {score.interestKnown ? Math.round(score.interest) : t('value.interestUnknown')}
          </DefinedValue>
        </dl>
      </div>

      <dl className="ll-facts">
        <DefinedValue definition={glossaryDefinition(model, 'quadrant', locale)} label={t('label.quadrant')}>
          <Term definition={quadrant?.definition}>{labelOr(quadrant, t(`quadrant.${score.quadrant}`))}</Term>
        </DefinedValue>
        <DefinedValue definition={glossaryDefinition(model, 'lifecycle_stage', locale)} label={t('label.stage')}>
          <Term definition={stage?.definition}>
            {stageId === 'unknown' ? t('value.unknownStage') : labelOr(stage, stageId)}
          </Term>
          {score.suggestedStage ? (
            <span className="ll-suggested">
              {' '}
              <Term definition={suggested?.definition}>
                {t('label.suggestedStage', { stage: labelOr(suggested, score.suggestedStage) })}
              </Term>
            </span>
          ) : null}
        </DefinedValue>
        {lead?.leadStatus ? (
          <DefinedValue definition={glossaryDefinition(model, 'lead_status', locale)} label={t('label.status')}>
            <Term definition={status?.definition}>{labelOr(status, lead.leadStatus)}</Term>
          </DefinedValue>
        ) : null}
        <DefinedValue definition={glossaryDefinition(model, 'persona', locale)} label={t('label.persona')}>
          {persona ? (
            <>
              <Term definition={personaDefinition(model, persona.id, locale)}>
                <PlainText value={personaName(model, persona, locale)} max={80} />
              </Term>{' '}
              <span className="ll-muted">
                {t('label.confidence', { percent: Math.round(persona.confidence * 100) })}
              </span>
              {persona.matched.length > 0 ? (
                <span className="ll-matched" title={persona.matched.join('\n')}>
                  {' '}
                  <PlainText
                    value={t('label.matched', {
                      signals: [...new Set(persona.matched.map(signalKind))].join(', '),
                    })}
                    max={120}
                  />
                </span>
              ) : null}
            </>
          ) : (
            t('value.noPersona')
          )}
        </DefinedValue>
        <DefinedValue definition={glossaryDefinition(model, 'journey_stage', locale)} label={t('label.journey')}>
          <Term definition={journey?.definition}>{labelOr(journey, score.journeyStage)}</Term>
        </DefinedValue>
      </dl>
      <AfterPaint>
        <CardBodyRest {...props} />
      </AfterPaint>
    </>
  );
}

/** One entry of a definition list: a label that shows its agreed definition on hover and focus, and the value. */
function DefinedValue({
  definition,
  label,
  children,
  ...valueAttributes
}: { definition: string | undefined; label: string; children: React.ReactNode } & React.HTMLAttributes<HTMLElement>) {
  return (
    <div>
      <dt>
        <Term definition={definition}>{label}</Term>
      </dt>
      <dd {...valueAttributes}>{children}</dd>
    </div>
  );
}

/**
 * Its children, from the task after the paint that showed what came before them (effects run after
 * the paint in Preact, inside act() in tests). Only this component re-renders when they come in,
 * not the slice before it.
 */
function AfterPaint({ children }: { children: React.ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => setShown(true), []);
  return shown ? children : null;
}

/** The body's second slice: what to do next, what to say, why, and the actions. */
function CardBodyRest(props: LeadCardProps) {
  const { score, lead, model, locale, now } = props;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, locale);
  const stageId = score.stage || 'unknown';
  const messaging = localizedMessaging(model, score, locale);
  return (
    <>
      <div className="ll-next">
        <h3 className="ll-heading">{t('label.nextAction')}</h3>
        <PlainText value={nextAction(model, score, locale)} max={300} className="ll-wrap" />
        {score.sla ? (
          <p className="ll-sla-line">
            <Term definition={glossaryDefinition(model, 'sla', locale)}>{t('label.sla')}</Term>{' '}
            <SlaClock sla={score.sla} now={now} />
          </p>
        ) : null}
      </div>

      <div className="ll-section">
        <h3 className="ll-heading">{t('label.talkingPoints')}</h3>
        {isLookingUp(props) && messaging.talkingPoints.length > 0 ? (
          // The lead record may name another persona or stage: a point inserted now may not be
          // on the card a moment later, so say where these come from.
          <p className="ll-muted" data-ll-provisional="true">
            {t('card.pointsFromPage')}
          </p>
        ) : null}
        <TalkingPoints talkingPoints={messaging.talkingPoints} onInsert={props.onInsert} />
        {messaging.content.length > 0 ? (
          <>
            <h3 className="ll-heading">{t('label.content')}</h3>
            <ul className="ll-content">
              {messaging.content.map((item) => (
                <li key={`${item.personaId}:${item.title}:${item.url ?? ''}`}>
                  {item.url && /^https?:\/\//i.test(item.url) ? (
                    <a href={item.url} target="_blank" rel="noopener noreferrer">
                      <PlainText value={item.title} max={120} />
                    </a>
                  ) : (
                    <PlainText value={item.title} max={120} />
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <details className="ll-section">
        <summary className="ll-heading">{t('label.why')}</summary>
        <WhyList why={score.why} model={model} />
      </details>

      {props.actions ? (
        <div className="ll-section">
          <h3 className="ll-heading">{t('label.actions')}</h3>
          <LeadActions
            actions={props.actions}
            outbox={props.outbox ?? EMPTY_OUTBOX}
            stored={lead !== undefined}
            defaultChannel={props.defaultChannel}
            canAccept={canMove(model, stageId, (move) => move.to === 'sal')}
            canReturn={canMove(model, stageId, (move) => move.setsStatus === 'returned_not_ready')}
          />
        </div>
      ) : null}

      <footer className="ll-footer">
        <span className="ll-muted">v{score.modelVersion}</span>
        {props.onRefresh ? (
          <button type="button" className="ll-button ll-small" onClick={() => props.onRefresh?.()}>
            {t('card.refresh')}
          </button>
        ) : null}
      </footer>
    </>
  );
}

/** Offline, stale, not stored, not connected: said in words, never only by colour. */
/** A first paint from page facts while the lead store is asked: "loading", not "not stored". */
function isLookingUp({
  lead,
  stale,
  fetchedAt,
  status,
}: Pick<LeadCardProps, 'lead' | 'stale' | 'fetchedAt' | 'status'>) {
  return !lead && Boolean(stale) && !fetchedAt && status !== 'offline' && status !== 'error';
}

function StatusLine({ status, stale, offline, fetchedAt, error, notConnected, lead, locale, now }: LeadCardProps) {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, locale);
  const lines: { key: string; text: string; tone: 'info' | 'warning' }[] = [];
  if (notConnected) lines.push({ key: 'model', text: say('card.noModel'), tone: 'warning' });
  if (status === 'reconnect') lines.push({ key: 'reconnect', text: say('status.reconnect'), tone: 'warning' });
  if (offline || status === 'offline') {
    const text = fetchedAt
      ? say('status.offline', { age: formatAge(now - fetchedAt, locale) })
      : say('status.offlineNever');
    lines.push({ key: 'offline', text, tone: 'warning' });
  } else if (stale && lead) {
    lines.push({ key: 'stale', text: say('status.stale'), tone: 'info' });
  }
  if (status === 'error' && error)
    lines.push({ key: 'error', text: say('status.error', { message: error }), tone: 'warning' });
  if (isLookingUp({ lead, stale, fetchedAt, status }))
    lines.push({ key: 'loading', text: say('status.loading'), tone: 'info' });
  else if (!lead && !notConnected) lines.push({ key: 'stored', text: say('card.notStored'), tone: 'info' });
  if (lines.length === 0) return null;
  return (
    <div
      className="ll-status"
      role="status"
      data-offline={Boolean(offline || status === 'offline')}
      data-stale={Boolean(stale)}
    >
      {lines.map((line) => (
        <p key={line.key} className={line.tone === 'warning' ? 'll-warning' : 'll-muted'}>
          <PlainText value={line.text} max={300} className="ll-wrap" />
        </p>
      ))}
    </div>
  );
}
