import { useOt } from '../i18n';
import { useEditor } from './editorContext';
import { LinesField, NumberField, SelectField } from './fields';

/** The service-level agreement between the teams: follow-up times, hand-off minimum, connect attempts. */
export function SlaSection() {
  const t = useOt();
  const { draft } = useEditor();
  const stages = (draft as { lifecycle?: { stages?: { id?: unknown }[] } })?.lifecycle?.stages ?? [];
  const stageOptions = stages
    .map((stage) => stage?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .map((id) => ({ value: id, label: id }));
  return (
    <div className="section">
      <div className="grid">
        <NumberField path={['sla', 'followUpHours', 'hot']} label={t('sla.hotHours')} />
        <NumberField path={['sla', 'followUpHours', 'nurture']} label={t('sla.nurtureHours')} optional />
        <NumberField path={['sla', 'followUpHours', 'explore']} label={t('sla.exploreHours')} optional />
        <NumberField path={['sla', 'followUpHours', 'disqualify']} label={t('sla.disqualifyHours')} optional />
        <NumberField path={['sla', 'connectAttempt', 'touches']} label={t('sla.touches')} />
        <NumberField path={['sla', 'connectAttempt', 'businessDays']} label={t('sla.businessDays')} />
        <NumberField path={['sla', 'rejectionFeedbackDays']} label={t('sla.feedbackDays')} />
        <NumberField path={['sla', 'monthlyMqlCommitment']} label={t('sla.mqlCommitment')} />
        <SelectField path={['sla', 'clockStartsAtStage']} label={t('sla.clockStage')} options={stageOptions} />
      </div>
      <LinesField path={['sla', 'handoffRequiredFields']} label={t('sla.handoffFields')} hint={t('sla.handoffHint')} />
    </div>
  );
}
