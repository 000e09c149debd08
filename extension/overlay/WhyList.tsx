import type { AlignmentModel, WhyItem } from '../../shared';
import { useT, useUiLocale } from '../i18n';
import { ruleLabel } from './definitions';
import { PlainText } from './PlainText';

/** Every point of the score with the named rule that gave it (DESIGN.md §5 "Explanation"). */
export function WhyList({ why, model }: { why: readonly WhyItem[]; model: AlignmentModel | null }) {
  const t = useT();
  const locale = useUiLocale();
  if (why.length === 0) return <p className="ll-muted">{t('why.none')}</p>;
  return (
    <ul className="ll-why">
      {why.map((item) => (
        <li
          key={`${item.kind}:${item.rule}`}
          data-rule={item.rule}
          className={item.points < 0 ? 'll-negative' : undefined}
        >
          <span className="ll-why-kind">{item.warningSign ? t('why.warning') : t(`why.${item.kind}`)}</span>
          <PlainText value={ruleLabel(model, item, locale)} max={120} />
          <span className="ll-why-points">
            {t('value.points', { points: `${item.points > 0 ? '+' : ''}${Math.round(item.points * 10) / 10}` })}
          </span>
        </li>
      ))}
    </ul>
  );
}
