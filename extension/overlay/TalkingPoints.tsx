import { useState } from 'react';
import type { ScoreResult } from '../../shared';
import { useT } from '../i18n';
import { PlainText } from './PlainText';

export interface TalkingPointsProps {
  talkingPoints: ScoreResult['talkingPoints'];
  /** Inserts the text into the email being written; false when there was nowhere to put it. */
  onInsert?: ((text: string) => boolean) | undefined;
}

/** The persona's talking points for the prospect's journey stage, each insertable into the email. */
export function TalkingPoints({ talkingPoints, onInsert }: TalkingPointsProps) {
  const t = useT();
  const [outcome, setOutcome] = useState<'inserted' | 'unavailable' | null>(null);
  if (talkingPoints.length === 0) return <p className="ll-muted">{t('value.noTalkingPoints')}</p>;
  return (
    <>
      <ul className="ll-points">
        {talkingPoints.map((point) => (
          <li key={`${point.personaId}:${point.text}`}>
            <PlainText value={point.text} max={400} className="ll-wrap" />
            {onInsert ? (
              <button
                type="button"
                className="ll-button ll-small"
                aria-label={t('action.insertLabel', { text: point.text.slice(0, 80) })}
                // Keep the focus (and the caret) in the email while clicking.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => setOutcome(onInsert(point.text) ? 'inserted' : 'unavailable')}
              >
                {t('action.insert')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="ll-muted" role="status">
        {outcome === 'inserted' ? t('action.inserted') : outcome === 'unavailable' ? t('action.insertUnavailable') : ''}
      </p>
    </>
  );
}
