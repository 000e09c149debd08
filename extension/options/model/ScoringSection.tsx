import type { Quadrant } from '../../../shared';
import { useOt } from '../i18n';
import { LinesField, ListEditor, LocalizedField, NumberField, SelectField, TextField } from './fields';

const QUADRANTS: readonly Quadrant[] = ['hot', 'nurture', 'explore', 'disqualify'];

/** Thresholds, weights and normalisation: how points become fit, interest, score and quadrant. */
export function ScoringSection() {
  const t = useOt();
  return (
    <div className="section">
      <TextField path={['name']} label={t('scoring.name')} />
      <LinesField path={['locales']} label={t('scoring.locales')} hint={t('scoring.localesHint')} />
      <div className="grid">
        <NumberField path={['quadrants', 'fitHigh']} label={t('scoring.fitHigh')} hint={t('scoring.range0to100')} />
        <NumberField
          path={['quadrants', 'interestHigh']}
          label={t('scoring.interestHigh')}
          hint={t('scoring.range0to100')}
        />
        <NumberField path={['fitWeight']} label={t('scoring.fitWeight')} hint={t('scoring.fitWeightHint')} />
        <NumberField path={['icp', 'normalization', 'min']} label={t('scoring.fitMin')} />
        <NumberField path={['icp', 'normalization', 'max']} label={t('scoring.fitMax')} />
        <NumberField path={['behaviour', 'halfLifeDays']} label={t('scoring.halfLife')} />
        <NumberField path={['behaviour', 'normalizationMax']} label={t('scoring.interestMax')} />
      </div>
      <ListEditor
        path={['grades']}
        title={t('scoring.grades')}
        addLabel={t('scoring.addGrade')}
        itemTitle={(item, index) => String((item as { grade?: unknown })?.grade || `#${index + 1}`)}
        newItem={() => ({ grade: 'E', minFit: 0 })}
        renderItem={(path) => (
          <div className="row">
            <TextField path={[...path, 'grade']} label={t('scoring.grade')} />
            <NumberField path={[...path, 'minFit']} label={t('scoring.minFit')} />
          </div>
        )}
      />
      <h3>{t('scoring.quadrantActions')}</h3>
      {QUADRANTS.map((quadrant) => {
        const path = ['quadrants', 'actions', quadrant];
        return (
          <fieldset key={quadrant} className="quadrant-action">
            <legend>{t(`quadrant.${quadrant}`)}</legend>
            <SelectField
              path={[...path, 'owner']}
              label={t('scoring.quadrantOwner')}
              options={[
                { value: 'sales', label: t('team.sales') },
                { value: 'marketing', label: t('team.marketing') },
                { value: 'human', label: t('scoring.ownerHuman') },
              ]}
            />
            <LocalizedField path={[...path, 'label']} label={t('editor.label')} />
            <LocalizedField path={[...path, 'definition']} label={t('editor.definition')} multiline />
            <LocalizedField path={[...path, 'nextAction']} label={t('scoring.nextAction')} multiline />
          </fieldset>
        );
      })}
    </div>
  );
}
