import { useOt } from '../i18n';
import { describeValue, type ModelChange } from './modelDiff';
import { pathKey } from './paths';

/** A readable list of model changes: where, what it was, what it is. */
export function DiffTable(props: { changes: readonly ModelChange[]; caption: string; testId?: string }) {
  const t = useOt();
  if (props.changes.length === 0) {
    return (
      <p data-testid={props.testId} data-changes={0}>
        {props.caption}: {t('diff.none')}
      </p>
    );
  }
  return (
    <table className="diff" data-testid={props.testId} data-changes={props.changes.length}>
      <caption>
        {props.caption} ({t('diff.count', { count: props.changes.length })})
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('diff.where')}</th>
          <th scope="col">{t('diff.before')}</th>
          <th scope="col">{t('diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((change) => (
          <tr key={pathKey(change.path)} data-kind={change.kind}>
            <th scope="row">
              <code>{pathKey(change.path)}</code>
            </th>
            <td>{describeValue(change.before)}</td>
            <td>{describeValue(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
