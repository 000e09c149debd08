import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { ScoreResultSchema } from '../schemas/score';
import { journeyStageOf } from './journey';
import { score } from './score';
import { copyModel, event, NOW } from './testSupport';

const lead = {
  id: 'l1',
  email: 'taro@bank.co.jp',
  title: '情報システム部長',
  industry: 'Banking',
  employees: 12_000,
  country: 'JP',
  lifecycleStage: 'lead',
};

describe('score', () => {
  it('produces the DESIGN §7 shape for a hot lead', () => {
    const events = [event('form_submit', 2), event('demo_request', 1), event('pricing_view', 1)];
    const result = score(defaultModel, lead, events, NOW, { modelVersion: 7 });
    expect(ScoreResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      fit: 94,
      grade: 'A',
      quadrant: 'hot',
      stage: 'lead',
      suggestedStage: 'mql',
      suggestedBy: 'mql_fit_emphasis',
      journeyStage: 'decision',
      interestKnown: true,
      modelVersion: 7,
      nextAction: 'Sales follows up now — first touch within 24 hours.',
    });
    expect(result.interest).toBeGreaterThanOrEqual(50);
    expect(result.score).toBe(Math.round(0.5 * result.fit + 0.5 * result.interest));
    expect(result.personas[0]?.id).toBe('it_leader');
    const decision = defaultModel.personas[0]?.messaging.decision;
    expect(result.talkingPoints.map((point) => point.text)).toEqual(decision?.talkingPoints.map((point) => point.en));
    expect(result.content.map((item) => item.title)).toEqual(decision?.content.map((item) => item.title.en));
    const fitPoints = result.why.filter((item) => item.kind === 'fit').reduce((sum, item) => sum + item.points, 0);
    expect(fitPoints).toBe(75);
    expect(
      result.why
        .filter((item) => item.kind === 'interest')
        .map((item) => item.rule)
        .sort(),
    ).toEqual(['demo_request', 'form_submit', 'pricing_view']);
  });

  it('localises every string', () => {
    const result = score(defaultModel, lead, [event('content_download', 3)], NOW, { locale: 'ja' });
    expect(result.journeyStage).toBe('consideration');
    expect(result.nextAction).toBe(defaultModel.quadrants.actions[result.quadrant].nextAction.ja);
    expect(result.personas[0]?.name).toBe('情報システム責任者');
    expect(result.talkingPoints[0]?.text).toBe(defaultModel.personas[0]?.messaging.consideration.talkingPoints[0]?.ja);
    expect(result.why[0]?.label).toBe('金融業');
  });

  it('handles page facts with no stage, no events and no persona', () => {
    const result = score(defaultModel, { title: 'Student', email: 'x@gmail.com' }, [], NOW);
    expect(result).toMatchObject({
      stage: 'unknown',
      quadrant: 'disqualify',
      fit: 0,
      interest: 0,
      score: 0,
      interestKnown: false,
      grade: 'D',
    });
    expect(result.personas).toEqual([]);
    expect(result.talkingPoints).toEqual([]);
    expect(result.suggestedStage).toBeUndefined();
    expect(result.sla).toBeUndefined();
    expect(score(defaultModel, { title: 'x' }, [], NOW, { interestKnown: true }).interestKnown).toBe(true);
  });

  it('blends with the model weight', () => {
    const model = copyModel(defaultModel);
    model.fitWeight = 1;
    const result = score(model, lead, [event('page_view')], NOW);
    expect(result.score).toBe(result.fit);
  });

  it('is deterministic and independent of event order', () => {
    const events = [
      event('page_view', 1),
      event('demo_request', 5),
      event('email_click', 9),
      event('webinar_attended', 20),
    ];
    const first = score(defaultModel, lead, events, NOW);
    expect(score(defaultModel, lead, [...events].reverse(), NOW)).toEqual(first);
    expect(score(defaultModel, lead, events, new Date(NOW))).toEqual(first);
  });
});

describe('journeyStageOf', () => {
  it('is the latest stage whose condition holds, awareness by default', () => {
    expect(journeyStageOf(defaultModel, {}, [], NOW)).toBe('awareness');
    expect(journeyStageOf(defaultModel, {}, [event('page_view', 1), event('page_view', 2)], NOW)).toBe('awareness');
    expect(
      journeyStageOf(defaultModel, {}, [event('page_view', 1), event('page_view', 2), event('page_view', 3)], NOW),
    ).toBe('consideration');
    expect(journeyStageOf(defaultModel, {}, [event('webinar_attended', 59)], NOW)).toBe('consideration');
    expect(journeyStageOf(defaultModel, {}, [event('webinar_attended', 61)], NOW)).toBe('awareness');
    expect(journeyStageOf(defaultModel, {}, [event('pricing_view', 29)], NOW)).toBe('decision');
    expect(journeyStageOf(defaultModel, {}, [event('demo_request', 31)], NOW)).toBe('awareness');
  });
});
