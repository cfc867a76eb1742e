// What is wrong with a form, in the user's language (issue 13 §6): a refusal of save or publish,
// and the builder's list of problems. Each says what is wrong, with which box or field, and what
// to do; the rule's code stays on the page, small, for support — never `CODE — server message`.
import { Alert, List as MList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, fieldIssue } from '../../components/errors.ts';
import { isErrorCode } from '../../../../src/core/error-codes.ts';
import type { FormProblem } from '../../../../src/server/routes/forms/shapes.ts';

/** The server refused to save or publish: why, what to do, the fields to look at. */
export function RefusalAlert(props: { error: unknown }) {
  const { t } = useTranslation();
  const v = describeError(props.error, t);
  return (
    <Alert color="red" title={t('forms.refused')} data-testid="form-refusal" data-code={v.code ?? ''}>
      <Text size="sm" data-testid="refusal-message">
        {v.message}
      </Text>
      {v.action && (
        <Text size="sm" mt={4}>
          {v.action}
        </Text>
      )}
      {v.fields.length > 0 && (
        <MList size="sm" mt="xs" data-testid="refusal-fields">
          {v.fields.map((f, i) => (
            <MList.Item key={i}>
              <b>{f.field}</b>: {f.message}
            </MList.Item>
          ))}
        </MList>
      )}
      {v.code && (
        <Text size="xs" c="dimmed" mt={4} data-testid="refusal-code">
          {t('errorFields.code')}: {v.code}
        </Text>
      )}
    </Alert>
  );
}

/** The publish rules' problems and the definition's shape issues, one line each in words. */
export function ProblemItems(props: { problems: readonly FormProblem[]; issues: ReadonlyArray<{ path: string }> }) {
  const { t } = useTranslation();
  const action = (code: string) => (isErrorCode(code) ? t(`errorActions.${code}`, { defaultValue: '' }) : '');
  return (
    <MList size="sm" mt="xs">
      {props.issues.map((p, i) => {
        const f = fieldIssue(p.path, t);
        return (
          <MList.Item key={`issue-${i}`} data-path={p.path}>
            <b>{f.field}</b>: {f.message}
          </MList.Item>
        );
      })}
      {props.problems.map((p, i) => {
        const f = fieldIssue(p.path, t, p.code);
        return (
          <MList.Item key={i} data-code={p.code} data-path={p.path}>
            <b>{f.field}</b>: {f.message} {action(p.code)}{' '}
            <Text span size="xs" c="dimmed">
              ({p.code})
            </Text>
          </MList.Item>
        );
      })}
    </MList>
  );
}
