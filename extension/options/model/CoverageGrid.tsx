import { JOURNEY_STAGE_IDS, type JourneyStageId } from '../../../shared';
import { useOt } from '../i18n';
import { JOURNEY_LABELS } from './PersonasSection';

interface PersonaLike {
  id?: unknown;
  name?: { en?: unknown };
  messaging?: Partial<Record<JourneyStageId, { talkingPoints?: unknown[]; content?: unknown[] }>>;
}

export interface CoverageCell {
  personaId: string;
  stage: JourneyStageId;
  talkingPoints: number;
  content: number;
}

/** Talking points and content per persona × journey stage of a (possibly unfinished) draft. */
export function coverageOf(draft: unknown): { persona: { id: string; name: string }; cells: CoverageCell[] }[] {
  const personas = (draft as { personas?: unknown })?.personas;
  if (!Array.isArray(personas)) return [];
  return personas.map((raw, index) => {
    const persona = raw as PersonaLike;
    const id = typeof persona?.id === 'string' ? persona.id : `#${index + 1}`;
    const name = typeof persona?.name?.en === 'string' && persona.name.en !== '' ? persona.name.en : id;
    return {
      persona: { id, name },
      cells: JOURNEY_STAGE_IDS.map((stage) => {
        const messaging = persona?.messaging?.[stage];
        return {
          personaId: id,
          stage,
          talkingPoints: Array.isArray(messaging?.talkingPoints) ? messaging.talkingPoints.length : 0,
          content: Array.isArray(messaging?.content) ? messaging.content.length : 0,
        };
      }),
    };
  });
}

/** The content-gap view: every persona × journey stage cell, gaps highlighted. */
export function CoverageGrid(props: { draft: unknown }) {
  const t = useOt();
  const rows = coverageOf(props.draft);
  const gaps = rows.flatMap((row) => row.cells).filter((cell) => cell.talkingPoints === 0 || cell.content === 0).length;
  return (
    <section>
      <h3>{t('coverage.title')}</h3>
      <p>{gaps === 0 ? t('coverage.noGaps') : t('coverage.gaps', { count: gaps })}</p>
      <table className="coverage" data-testid="coverage-grid">
        <thead>
          <tr>
            <th scope="col">{t('coverage.persona')}</th>
            {JOURNEY_STAGE_IDS.map((stage) => (
              <th key={stage} scope="col">
                {t(JOURNEY_LABELS[stage])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.persona.id}>
              <th scope="row">{row.persona.name}</th>
              {row.cells.map((cell) => {
                const gap = cell.talkingPoints === 0 || cell.content === 0;
                return (
                  <td
                    key={cell.stage}
                    className={gap ? 'gap' : 'covered'}
                    data-gap={gap}
                    data-persona={cell.personaId}
                    data-stage={cell.stage}
                  >
                    {t('coverage.cell', { points: cell.talkingPoints, content: cell.content })}
                    {gap ? (
                      <>
                        <br />
                        <strong>
                          {cell.talkingPoints === 0 && cell.content === 0
                            ? t('coverage.missingBoth')
                            : cell.talkingPoints === 0
                              ? t('coverage.missingPoints')
                              : t('coverage.missingContent')}
                        </strong>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
